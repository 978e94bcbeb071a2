"""Page types of the public website and the site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from huzheng.core.qr import qr_svg

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Body")


class ReviewedPage(Page):
    """A page that names the date by which an editor must check it is still right."""

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("The date by which an editor checks this page is still correct."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("review_by")]

    class Meta:
        abstract = True


class HomePage(ReviewedPage):
    """The site's front page (首頁)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["site.ContentPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_url = request.build_absolute_uri(self.url)
        context["site_url"] = site_url
        context["site_qr"] = qr_svg(site_url, label=_("QR code of this site's address"))
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


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Which office a site speaks for, and the pages its footer links to."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    security_page = models.ForeignKey(
        Page,
        verbose_name=_("information security policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    open_data_page = models.ForeignKey(
        Page,
        verbose_name=_("open data declaration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("office"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("security_page"),
                FieldPanel("open_data_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def footer_pages(self):
        """The footer's policy links, in the order the office lists them."""
        ids = [
            self.privacy_page_id,
            self.security_page_id,
            self.open_data_page_id,
            self.accessibility_page_id,
        ]
        pages = Page.objects.live().in_bulk([i for i in ids if i])
        return [pages[i] for i in ids if i in pages]
