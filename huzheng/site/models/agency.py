"""The office itself (機關介紹): organisation, staff phone list, how to get here. The
staff phone list is not typed here: it comes from the office's staff profiles
(core.services.staff_phone_list), the same records the case query gives a clerk's phone
from, so the two cannot disagree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from huzheng.core.services import staff_phone_list
from huzheng.core.text import plain_text
from huzheng.search.taxonomy import Policy, Topic
from huzheng.site.models.base import (
    RICH_TEXT_FEATURES,
    IntroducedPage,
)


class AgencyPage(IntroducedPage):
    """The office: introduction, organisation, staff phone list, hours, how to get here."""

    bus_info = RichTextField(
        _("by bus"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Routes, stops and the walk from the nearest stop."),
    )

    content_panels = [
        *IntroducedPage.content_panels,
        InlinePanel("units", label=_("Organisation")),
        HelpPanel(
            content=_(
                "The staff phone list on this page comes from the staff profiles of the "
                "office (Office › Staff in the back office): change a name, title, duties "
                "or phone there, and the page shows it at once."
            ),
            heading=_("Staff phone list"),
        ),
        FieldPanel("bus_info"),
    ]
    search_fields = [*IntroducedPage.search_fields, index.SearchField("bus_info")]
    subpage_types = ["site.ContentPage"]
    default_topic = Topic.AGENCY
    default_policy = Policy.ADMINISTRATION

    class Meta:
        verbose_name = _("agency page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The office of the site answering (core.middleware.OfficeMiddleware).
        context["staff_phones"] = staff_phone_list(getattr(request, "office", None))
        return context

    def search_body(self):
        # The staff list is read live from the profiles, not indexed with the page.
        units = " ".join(f"{u.name} {u.duties}" for u in self.units.all())
        return " ".join([plain_text(self.intro), units, plain_text(self.bus_info)])


class AgencyUnit(Orderable):
    """A unit of the office and its duties (組織與職掌)."""

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("unit"), max_length=100)
    duties = models.TextField(_("duties"))

    panels = [FieldPanel("name"), FieldPanel("duties")]

    class Meta(Orderable.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")
