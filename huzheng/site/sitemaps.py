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


SITEMAPS = {"pages": WagtailSitemap, "catalog": CatalogSitemap}
