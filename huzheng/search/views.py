"""The public search page and its help page. Thin: parse, call the services, render."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from huzheng.catalog.models import RegistrationService
from huzheng.core import pagecache
from huzheng.search import services, text, usage
from huzheng.search.models import SearchDocument
from huzheng.search.taxonomy import Facet

EXAMPLES = ["掛失", "遷入", "戶籍謄本", "身份證", "出生登記", "門牌", "English"]


def search(request):
    query, cut = text.clean_query(request.GET.get("q", ""))
    filters = services.clean_filters({f: request.GET.getlist(f) for f in Facet.values})
    page_number = request.GET.get("page", "1")
    result = services.search(query, filters, page_number)
    # A search is counted once: not again for its further pages or its filters.
    if page_number == "1" and not filters and not cut:
        usage.record_search(query, result.total > 0)
        pagecache.on_replay(usage.record_search, query, result.total > 0)
        usage.record_query(query, result.total)
        pagecache.on_replay(usage.record_query, query, result.total)
    for group in result.facets:
        for value in group.values:
            value.url = _url(query, _toggle(filters, group.name, value.value))
    context = {
        "query": query,
        "cut": cut,
        "max_length": text.QUERY_MAX_LENGTH,
        "result": result,
        "searched": bool(result.terms or filters),
        "selected": [
            {"label": value.label, "url": value.url}
            for group in result.facets
            for value in group.values
            if value.selected
        ],
        "clear_url": _url(query, {}),
        "page_urls": _page_urls(query, filters, result.page),
        "follow_url": reverse("search:follow"),
    }
    if context["searched"] and result.empty:
        context.update(_nothing_found(query))
    elif not context["searched"]:
        context["popular"] = usage.popular_searches()
        context["examples"] = EXAMPLES
    return render(request, "search/search.html", context)


def follow(request):
    """A result followed from the search page: counted for its query (no personal data),
    then on to the result. Only addresses of this site's index are followed."""
    query, _cut = text.clean_query(request.GET.get("q", ""))
    target = request.GET.get("to", "")
    if not SearchDocument.objects.filter(url=target.partition("#")[0]).exists() or not (
        url_has_allowed_host_and_scheme(target, allowed_hosts=None) and target.startswith("/")
    ):
        return redirect(reverse("search:search") + (_url(query, {}) if query else ""))
    usage.record_click(query)
    return redirect(target)


def help_page(request):
    return render(
        request,
        "search/help.html",
        {"examples": EXAMPLES, "popular": usage.popular_searches()},
    )


def _nothing_found(query):
    return {
        "suggestions": services.suggestions(query),
        "popular": usage.popular_searches(related_to=query),
        "hot_services": list(RegistrationService.objects.filter(is_hot=True)[:8]),
    }


def _toggle(filters, facet, value):
    toggled = {name: list(values) for name, values in filters.items()}
    values = toggled.setdefault(facet, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return toggled


def _url(query, filters, page=None):
    pairs = [("q", query)] if query else []
    for facet in Facet.values:
        pairs += [(facet, value) for value in filters.get(facet, [])]
    if page and page > 1:
        pairs.append(("page", page))
    return "?" + urlencode(pairs)


def _page_urls(query, filters, page):
    if page is None or page.paginator.num_pages < 2:
        return None
    return {
        "previous": _url(query, filters, page.previous_page_number())
        if page.has_previous()
        else None,
        "next": _url(query, filters, page.next_page_number()) if page.has_next() else None,
    }
