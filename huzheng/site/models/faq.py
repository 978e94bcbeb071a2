"""Questions and answers (常見問答), grouped by catalog service."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from huzheng.core.text import plain_text
from huzheng.search.taxonomy import DocumentType, Policy, Topic
from huzheng.site.models.base import (
    RICH_TEXT_FEATURES,
    IntroducedPage,
    service_values,
)


class FaqPage(IntroducedPage):
    """Questions and answers, grouped by the catalog service they are about."""

    content_panels = [
        *IntroducedPage.content_panels,
        InlinePanel("entries", label=_("Questions and answers")),
    ]
    subpage_types = []
    document_type = DocumentType.FAQ
    default_policy = Policy.CITIZEN_SERVICE
    default_topic = Topic.CONVENIENCE

    class Meta:
        verbose_name = _("questions and answers page")

    def groups(self):
        """[(service or None, [entries])], in the catalog's order; general questions last."""
        entries = list(self.entries.select_related("service").order_by("sort_order"))
        services, general = {}, []
        for entry in entries:
            if entry.service_id:
                services.setdefault(entry.service_id, (entry.service, []))[1].append(entry)
            else:
                general.append(entry)
        ordered = sorted(services.values(), key=lambda g: (g[0].sort_order, g[0].name))
        groups = [{"service": service, "entries": items} for service, items in ordered]
        if general:
            groups.append({"service": None, "entries": general})
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context

    def search_body(self):
        return " ".join(f"{e.question} {plain_text(e.answer)}" for e in self.entries.all())

    def search_names(self):
        return service_values(e.service for e in self.entries.all() if e.service_id)[0]

    def search_services(self):
        return service_values(e.service for e in self.entries.all() if e.service_id)[1]


class FaqEntry(Orderable):
    """One question and its answer (問與答), optionally about one catalog service."""

    page = ParentalKey(FaqPage, on_delete=models.CASCADE, related_name="entries")
    question = models.CharField(_("question"), max_length=300)
    answer = RichTextField(_("answer"), features=RICH_TEXT_FEATURES)
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the answer's facts come from (law, fee schedule, notice); not shown."),
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("service"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question

    @property
    def anchor(self):
        return f"faq-{self.pk}"


def faq_entries_for(service):
    """The published questions about a service, for its catalog page."""
    return (
        FaqEntry.objects.filter(service=service, page__live=True)
        .select_related("page")
        .order_by("page__path", "sort_order")
    )


# --- The office itself (機關介紹) ----------------------------------------------------------
