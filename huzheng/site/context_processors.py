"""The office the current site speaks for, for the header and footer of every page."""

from django.conf import settings
from django.db.models import Prefetch
from wagtail.models import Site

from huzheng.core.models import Office, OpeningPeriod
from huzheng.core.services import opening_status
from huzheng.site.models import SiteSettings


def site_office(request):
    if not hasattr(request, "_huzheng_site_office"):
        request._huzheng_site_office = _find_office(request)
    office = request._huzheng_site_office
    site = Site.find_for_request(request)
    return {
        "site_office": office,
        "site_office_status": opening_status(office) if office else None,
        "menu_pages": site.root_page.get_children().live().in_menu() if site else [],
    }


def _find_office(request):
    site = Site.find_for_request(request)
    if site is not None:
        office_id = SiteSettings.for_request(request).office_id
        if office_id:
            return _offices().filter(pk=office_id).first()
    return _offices().filter(code=settings.HUZHENG_DEFAULT_OFFICE).first()


def _offices():
    return Office.objects.prefetch_related(
        Prefetch("opening_periods", queryset=OpeningPeriod.objects.order_by("weekday", "opens"))
    )
