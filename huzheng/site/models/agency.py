"""The office itself (機關介紹): organisation, staff phone list, how to get here."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from huzheng.core.text import plain_text
from huzheng.core.validators import validate_phone
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
        InlinePanel("staff_contacts", label=_("Staff phone list")),
        FieldPanel("bus_info"),
    ]
    search_fields = [*IntroducedPage.search_fields, index.SearchField("bus_info")]
    subpage_types = ["site.ContentPage"]
    default_topic = Topic.AGENCY
    default_policy = Policy.ADMINISTRATION

    class Meta:
        verbose_name = _("agency page")

    def search_body(self):
        units = " ".join(f"{u.name} {u.duties}" for u in self.units.all())
        staff = " ".join(f"{c.name} {c.duties}" for c in self.staff_contacts.all())
        return " ".join([plain_text(self.intro), units, staff, plain_text(self.bus_info)])


class AgencyUnit(Orderable):
    """A unit of the office and its duties (組織與職掌)."""

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("unit"), max_length=100)
    duties = models.TextField(_("duties"))

    panels = [FieldPanel("name"), FieldPanel("duties")]

    class Meta(Orderable.Meta):
        verbose_name = _("unit")
        verbose_name_plural = _("units")


class StaffContact(Orderable):
    """One line of the staff phone list (承辦人電話)."""

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="staff_contacts")
    name = models.CharField(_("name"), max_length=50)
    duties = models.CharField(_("duties"), max_length=300)
    phone = models.CharField(_("phone"), max_length=30, validators=[validate_phone])
    extension = models.CharField(_("extension"), max_length=10, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("duties"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("extension")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("staff contact")
        verbose_name_plural = _("staff phone list")

    @property
    def dial(self):
        return f"{self.phone}#{self.extension}" if self.extension else self.phone
