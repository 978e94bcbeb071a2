"""The office the current site speaks for, its status now, the menu and the footer's
policy pages, for the header and footer of every page."""

from django.utils.functional import SimpleLazyObject

from huzheng.core.services import opening_status
from huzheng.site.chrome import chrome_for_request


def site_office(request):
    chrome = chrome_for_request(request)
    return {
        "site_office": chrome.office,
        "site_office_status": SimpleLazyObject(lambda: get_site_office_status(request)),
        "menu_links": chrome.menu,
        "footer_links": chrome.footer,
    }


def get_site_office_status(request):
    if not hasattr(request, "_huzheng_site_office_status"):
        office = chrome_for_request(request).office
        request._huzheng_site_office_status = opening_status(office) if office else None
    return request._huzheng_site_office_status
