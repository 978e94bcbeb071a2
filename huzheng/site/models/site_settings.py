"""Which office a site speaks for, and its footer pages (網站設定)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page


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
        pages = Page.objects.live().specific().in_bulk([i for i in ids if i])
        return [pages[i] for i in ids if i in pages]
