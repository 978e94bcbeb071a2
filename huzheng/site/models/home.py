"""The front page (首頁) and the plain content page (一般內容頁)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from huzheng.core.qr import qr_svg
from huzheng.site.home import home_for
from huzheng.site.models.base import (
    RICH_TEXT_FEATURES,
    BodyBlock,
    ReviewedPage,
)


class HomePage(ReviewedPage):
    """The site's front page (首頁)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    intro_en = RichTextField(_("English introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("intro_en")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = [
        "site.ContentPage",
        "site.NewsIndexPage",
        "site.LawIndexPage",
        "site.DisclosurePage",
        "site.FaqPage",
        "site.AgencyPage",
        "addresses.PopulationStatisticsPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_url = request.build_absolute_uri(self.url)
        context["site_url"] = site_url
        context["site_qr"] = qr_svg(site_url, label=_("QR code of this site's address"))
        context["home"] = home_for(Site.find_for_request(request))
        return context


class ContentPage(ReviewedPage):
    """A page of text: policies, statements, introductions (一般內容頁)."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    subpage_types = ["site.ContentPage"]

    class Meta:
        verbose_name = _("content page")
