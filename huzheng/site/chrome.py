"""What every page's header and footer show — the site's office with its hours, the
menu, the footer's policy pages — read once a minute instead of on every request.

Kept in the "default" cache for CHROME_SECONDS. Publishing a page, changing the site
settings or an office clears it on this app server at once (and on all of them when
the default cache is Redis); other local-memory servers catch up within the minute.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from huzheng.core import pagecache
from huzheng.core.i18n import pick
from huzheng.core.models import Office, OpeningPeriod, SpecialDay
from huzheng.site.models import SiteSettings

CHROME_SECONDS = 60
logger = logging.getLogger("huzheng.site")


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    page_id: int
    title_en: str = ""

    @property
    def label(self):
        """The link's words in the visitor's language (kept links serve both languages)."""
        return pick(self.title, self.title_en)

    @classmethod
    def to(cls, page, site=None):
        # Relative to the site the chrome is for: without it, a platform of several sites
        # (one per office) gets full addresses built from the Site's host and port, which
        # are not the address the visitor came by (`make run`, a proxy, a test server).
        url = page.get_url(current_site=site)
        return cls(page.title, url, page.pk, getattr(page, "title_en", ""))


@dataclass(frozen=True)
class Chrome:
    office: Office | None
    menu: tuple
    footer: tuple


def office_for_request(request):
    """The office the request's site speaks for; core's OfficeMiddleware sets it as
    `request.office` (settings.HUZHENG_REQUEST_OFFICE names this function). None when
    the database or the cache cannot be read: /healthz must still answer, and say so."""
    try:
        return chrome_for_request(request).office
    except Exception:  # any failure to reach the database or the cache
        logger.warning("The office of %s could not be read.", request.path, exc_info=True)
        return None


def chrome_for_request(request):
    """The chrome of the site answering the request, worked out once per request and
    kept per host name, so a request costs one cache read."""
    if not hasattr(request, "_huzheng_chrome"):
        # A kept page shows the chrome: it must go stale with it (read before the data).
        pagecache.depends_on("site")
        host = request._get_raw_host()[:200]
        key = f"site-chrome-for:{pagecache.version('site')}:{host}:{request.get_port()}"
        chrome = cache.get(key)
        if chrome is None:
            chrome = site_chrome(Site.find_for_request(request))
            cache.set(key, chrome, CHROME_SECONDS)
        request._huzheng_chrome = chrome
    return request._huzheng_chrome


def site_chrome(site):
    """The chrome of a site (None: no site matched the request)."""
    key = f"site-chrome:{pagecache.version('site')}:{site.pk if site else 0}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build(site)
        cache.set(key, chrome, CHROME_SECONDS)
    return chrome


def clear(**kwargs):
    """Forget every site's chrome, and every kept page: a new version of "site" makes the
    old keys unreachable on every app server."""
    pagecache.changed("site")


def _build(site):
    office = None
    menu, footer = (), ()
    if site is not None:
        site_settings = SiteSettings.objects.filter(site=site).first()
        if site_settings is not None and site_settings.office_id:
            office = _offices().filter(pk=site_settings.office_id).first()
        menu = tuple(
            Link.to(p, site) for p in site.root_page.get_children().live().in_menu().specific()
        )
        if site_settings is not None:
            footer = tuple(Link.to(p, site) for p in site_settings.footer_pages())
    if office is None:
        office = _offices().filter(code=settings.HUZHENG_DEFAULT_OFFICE).first()
    return Chrome(office=office, menu=menu, footer=footer)


def _offices():
    return Office.objects.prefetch_related(
        Prefetch("opening_periods", queryset=OpeningPeriod.objects.order_by("weekday", "opens"))
    )


page_published.connect(clear, dispatch_uid="site-chrome-published")
page_unpublished.connect(clear, dispatch_uid="site-chrome-unpublished")
post_page_move.connect(clear, dispatch_uid="site-chrome-moved")
for _model in (Page, Site, SiteSettings, Office, OpeningPeriod, SpecialDay):
    post_save.connect(clear, sender=_model, dispatch_uid=f"site-chrome-save-{_model.__name__}")
    post_delete.connect(clear, sender=_model, dispatch_uid=f"site-chrome-del-{_model.__name__}")
