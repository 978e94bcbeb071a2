"""Laws and interpretations (法規命令 / 函釋): the index, the pages, the filters."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from huzheng.core.text import written_form
from huzheng.search.taxonomy import DocumentType, Policy, Topic
from huzheng.site.models.base import (
    ClassifiedPage,
    IntroducedPage,
    page_number,
    querystring,
    service_values,
)


class LawKind(models.TextChoices):
    LAW = "law", _("Law")  # 法律
    REGULATION = "regulation", _("Regulation")  # 法規命令
    INTERPRETATION = "interpretation", _("Interpretation")  # 函釋


LAWS_PER_PAGE = 20
QUERY_MAX_LENGTH = 100


class LawIndexPage(IntroducedPage):
    """The laws and interpretations (法規命令 / 函釋), searchable and filterable."""

    subpage_types = ["site.LawPage"]
    max_count_per_parent = 1
    default_policy = Policy.LEGAL_AWARENESS

    class Meta:
        verbose_name = _("laws index")

    def laws(self):
        return LawPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        laws = self.laws()
        filters = law_filters(request.GET, laws)
        paginator = Paginator(filter_laws(laws, filters), LAWS_PER_PAGE)
        context.update(
            filters=filters,
            kinds=LawKind.choices,
            agencies=sorted(set(laws.values_list("agency", flat=True)) - {""}),
            years=sorted(
                {d.year for d in laws.values_list("issued_on", flat=True) if d}, reverse=True
            ),
            laws_page=paginator.get_page(page_number(request)),
            querystring=querystring(filters),
        )
        return context

    def search_body(self):
        return self.intro


class LawPage(ClassifiedPage):
    """A law article, regulation or interpretation letter, with its full text."""

    kind = models.CharField(_("kind"), max_length=20, choices=LawKind.choices, default=LawKind.LAW)
    law_name = models.CharField(_("law name"), max_length=200)
    article = models.CharField(_("article"), max_length=100, blank=True)
    agency = models.CharField(_("issuing agency"), max_length=100, blank=True)
    document_number = models.CharField(
        _("document number"),
        max_length=100,
        blank=True,
        help_text=_("The reference number printed on the letter."),
    )
    issued_on = models.DateField(_("date"), null=True, blank=True)
    full_text = models.TextField(_("full text"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("issued_on")]),
        FieldRowPanel([FieldPanel("law_name"), FieldPanel("article")]),
        FieldRowPanel([FieldPanel("agency"), FieldPanel("document_number")]),
        FieldPanel("full_text"),
        InlinePanel("related_services", label=_("Related services")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("law_name", boost=2),
        index.SearchField("document_number"),
        index.SearchField("full_text"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["site.LawIndexPage"]
    subpage_types = []
    document_type = DocumentType.LAW
    default_topic = Topic.REGISTRATION
    default_policy = Policy.LEGAL_AWARENESS

    class Meta:
        verbose_name = _("law or interpretation")
        verbose_name_plural = _("laws and interpretations")

    def services(self):
        return [r.service for r in self.related_services.all() if r.service_id]

    def search_body(self):
        return self.full_text

    def search_summary(self):
        return " ".join(p for p in (self.law_name, self.article, self.document_number) if p)

    def search_names(self):
        return [self.law_name]

    def search_services(self):
        return service_values(self.services())[1]

    def search_date(self):
        return self.issued_on or super().search_date()


class LawRelatedService(Orderable):
    page = ParentalKey(LawPage, on_delete=models.CASCADE, related_name="related_services")
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("service")]

    class Meta(Orderable.Meta):
        verbose_name = _("related service")
        verbose_name_plural = _("related services")


def law_filters(params, laws):
    """The index's filters from the query string; a value that is not offered is dropped."""
    query = _clean_query(params.get("q", ""))
    kind = params.get("kind", "")
    agency = params.get("agency", "")
    year = params.get("year", "")
    if kind not in LawKind.values:
        kind = ""
    if agency and not laws.filter(agency=agency).exists():
        agency = ""
    year = int(year) if year.isdigit() and len(year) == 4 else None
    return {"q": query, "kind": kind, "agency": agency, "year": year}


def filter_laws(laws, filters):
    if filters["q"]:
        q = filters["q"]
        laws = laws.filter(
            Q(title__icontains=q)
            | Q(law_name__icontains=q)
            | Q(document_number__icontains=q)
            | Q(article__icontains=q)
            | Q(full_text__icontains=q)
        )
    if filters["kind"]:
        laws = laws.filter(kind=filters["kind"])
    if filters["agency"]:
        laws = laws.filter(agency=filters["agency"])
    if filters["year"]:
        laws = laws.filter(issued_on__year=filters["year"])
    # 第6條 before 第16條: a shorter article number is a smaller one.
    return laws.order_by("-issued_on", "law_name", Length("article"), "article")


def _clean_query(text):
    # Variants a citizen may type for what the office writes (台→臺, 身份→身分, 身份证).
    return written_form(str(text or "").strip()[:QUERY_MAX_LENGTH]).strip()
