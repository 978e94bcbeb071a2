"""sitemap.xml: the Wagtail page tree plus the catalog's pages, which live outside it."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from huzheng.catalog.models import RegistrationService
from huzheng.catalog.tables import TABLE_TITLES


class CatalogSitemap(Sitemap):
    """/services/, each service, the four tables and /forms/."""

    def items(self):
        fixed = [reverse("catalog:service_list"), reverse("eforms:list")]
        tables = [reverse("catalog:table", args=[slug]) for slug in TABLE_TITLES]
        services = [s.get_absolute_url() for s in RegistrationService.objects.order_by("slug")]
        return fixed + tables + services

    def location(self, item):
        return item


class PageSitemap(WagtailSitemap):
    """The page tree of the site the request is for, at the address it was asked on.

    Wagtail writes each page's address from its Site record (hostname and port). The
    default site answers any host, so when it was reached at another address (a demo on
    127.0.0.1:8000, a server behind a proxy), the sitemap would list
    `http://localhost/…`, which nobody can open; the pages are listed at the address
    the request came to instead."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        root = self.get_wagtail_site().root_url
        here = f"{protocol}://{domain}"
        for url in urls:
            if url["location"].startswith(root + "/") or url["location"] == root:
                url["location"] = here + url["location"][len(root) :]
        return urls


SITEMAPS = {"pages": PageSitemap, "catalog": CatalogSitemap}
