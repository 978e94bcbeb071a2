"""The office the current site speaks for, its status now, the menu and the footer's
policy pages, for the header and footer of every page."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from huzheng.core.services import opening_status
from huzheng.site.chrome import site_chrome


def site_office(request):
    chrome = _chrome(request)
    return {
        "site_office": chrome.office,
        "site_office_status": SimpleLazyObject(lambda: get_site_office_status(request)),
        "menu_links": chrome.menu,
        "footer_links": chrome.footer,
    }


def get_site_office(request):
    """The site's office (views use it too)."""
    return _chrome(request).office


def get_site_office_status(request):
    if not hasattr(request, "_huzheng_site_office_status"):
        office = get_site_office(request)
        request._huzheng_site_office_status = opening_status(office) if office else None
    return request._huzheng_site_office_status


def _chrome(request):
    if not hasattr(request, "_huzheng_chrome"):
        request._huzheng_chrome = site_chrome(Site.find_for_request(request))
    return request._huzheng_chrome
