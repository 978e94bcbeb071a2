"""Public house-number pages (村里門牌查詢): search by address, a number's history, a
village's neighbourhoods and streets. Thin: parse, call the housenumbers services, render."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huzheng.addresses import housenumbers
from huzheng.addresses.models import HouseNumber, Village


@require_http_methods(["GET", "HEAD"])
def search(request):
    """The search form; with ?q= the matching house numbers with village and 鄰."""
    office = _office(request)
    raw = request.GET.get("q", "")
    query = _shown_query(raw)
    error, results, searched = "", [], False
    if "q" in request.GET:
        try:
            results = housenumbers.search(raw, office=office)
            searched = True
        except housenumbers.AddressQueryError as exc:
            error = exc.message
    villages = Village.objects.filter(office=office) if office else Village.objects.none()
    return render(
        request,
        "addresses/house/search.html",
        {
            "office": office,
            "query": query,
            "error": error,
            "searched": searched,
            "results": [(house, housenumbers.street_address(house)) for house in results],
            "villages": villages.filter(house_numbers__isnull=False).distinct(),
            "max_length": housenumbers.MAX_QUERY_LENGTH,
            "page_updated_at": housenumbers.numbers_updated_at(office=office),
        },
        status=400 if error else 200,
    )


@require_http_methods(["GET", "HEAD"])
def house_detail(request, pk):
    """One house number and its history (初編, 改編, 增編, 廢止) with ROC dates."""
    house = get_object_or_404(
        HouseNumber.objects.select_related("village", "neighbourhood", "road", "office"), pk=pk
    )
    return render(
        request,
        "addresses/house/detail.html",
        {
            "house": house,
            "address": housenumbers.street_address(house),
            "events": house.events.all(),
            "office": house.office,
            "page_updated_at": house.updated_at,
        },
    )


@require_http_methods(["GET", "HEAD"])
def village_detail(request, pk):
    """A village's neighbourhoods and the streets of its house numbers."""
    village = get_object_or_404(Village.objects.select_related("office"), pk=pk)
    return render(
        request,
        "addresses/house/village.html",
        {
            "village": village,
            "office": village.office,
            "neighbourhoods": housenumbers.neighbourhoods(village),
            "streets": housenumbers.list_streets(village),
            "page_updated_at": housenumbers.numbers_updated_at(village=village),
        },
    )


def _office(request):
    office = request.office
    if office is None:
        raise Http404(_("No office serves this site."))
    return office


def _shown_query(raw):
    """The query put back in the box: printable and no longer than the box allows."""
    text = "".join(ch for ch in str(raw or "") if ch.isprintable())
    return text[: housenumbers.MAX_QUERY_LENGTH]
