"""Government information disclosure (政府資訊公開), by the Act's categories."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from huzheng.core.text import plain_text
from huzheng.search.taxonomy import Policy, Topic
from huzheng.site.models.base import (
    IntroducedPage,
)


class DisclosureCategory(models.TextChoices):
    """政府資訊公開法 第7條第1項: the information an agency publishes of its own accord."""

    LAWS = (
        "laws",
        _(
            "Treaties, foreign relations documents, laws, emergency decrees, orders under the "
            "Central Regulation Standard Act, regulations and local self-government rules"
        ),
    )
    INTERPRETATIONS = (
        "interpretations",
        _(
            "Interpretive rules and discretionary standards issued to help subordinate agencies "
            "and officials interpret laws, determine facts and exercise discretion uniformly"
        ),
    )
    ORGANISATION = (
        "organisation",
        _("The agency's organisation, functions, address, telephone, fax, website and e-mail"),
    )
    GUIDANCE = "guidance", _("Documents of administrative guidance")
    PLANS = "plans", _("Administrative plans, business statistics and research reports")
    BUDGETS = "budgets", _("Budgets and final accounts")
    PETITIONS = (
        "petitions",
        _("The results of petitions and the decisions on administrative appeals"),
    )
    CONTRACTS = "contracts", _("Written public works and procurement contracts")
    SUBSIDIES = "subsidies", _("Subsidies paid or received")
    MEETINGS = "meetings", _("Minutes of meetings of collegial bodies")


# The Act's own words, item by item, as the public page cites them.
DISCLOSURE_STATUTE_TEXT = {
    DisclosureCategory.LAWS: "條約、對外關係文書、法律、緊急命令、中央法規標準法所定之命令、"
    "法規命令及地方自治法規。",
    DisclosureCategory.INTERPRETATIONS: "政府機關為協助下級機關或屬官統一解釋法令、認定事實、"
    "及行使裁量權，而訂頒之解釋性規定及裁量基準。",
    DisclosureCategory.ORGANISATION: "政府機關之組織、職掌、地址、電話、傳真、網址"
    "及電子郵件信箱帳號。",
    DisclosureCategory.GUIDANCE: "行政指導有關文書。",
    DisclosureCategory.PLANS: "施政計畫、業務統計及研究報告。",
    DisclosureCategory.BUDGETS: "預算及決算書。",
    DisclosureCategory.PETITIONS: "請願之處理結果及訴願之決定。",
    DisclosureCategory.CONTRACTS: "書面之公共工程及採購契約。",
    DisclosureCategory.SUBSIDIES: "支付或接受之補助。",
    DisclosureCategory.MEETINGS: "合議制機關之會議紀錄。",
}


class DisclosurePage(IntroducedPage):
    """政府資訊公開: every category of Article 7(1), each linked to its content."""

    content_panels = [
        *IntroducedPage.content_panels,
        InlinePanel("disclosure_links", label=_("Disclosed information")),
    ]
    subpage_types = ["site.ContentPage"]
    default_topic = Topic.AGENCY
    default_policy = Policy.DISCLOSURE

    class Meta:
        verbose_name = _("information disclosure page")

    def coverage(self):
        """Every category in the Act's order with its links (an empty list: nothing yet)."""
        links = list(
            self.disclosure_links.select_related("link_page", "link_document").order_by(
                "sort_order"
            )
        )
        return [
            {
                "number": number,
                "value": value,
                "label": label,
                "statute": DISCLOSURE_STATUTE_TEXT[value],
                "links": [link for link in links if link.category == value],
            }
            for number, (value, label) in enumerate(DisclosureCategory.choices, start=1)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["coverage"] = self.coverage()
        return context

    def missing_categories(self):
        return [row for row in self.coverage() if not row["links"]]

    def search_body(self):
        titles = [link.label for link in self.disclosure_links.all()]
        return " ".join([plain_text(self.intro), *DISCLOSURE_STATUTE_TEXT.values(), *titles])


class DisclosureLink(Orderable):
    """One piece of disclosed information: a page, a document or an address."""

    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="disclosure_links")
    category = models.CharField(_("category"), max_length=30, choices=DisclosureCategory.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    link_page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("address (URL)"), blank=True)

    panels = [
        FieldPanel("category"),
        FieldPanel("title"),
        FieldPanel("link_page"),
        FieldPanel("link_document"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("disclosed information")
        verbose_name_plural = _("disclosed information")

    def clean(self):
        targets = [t for t in (self.link_page_id, self.link_document_id, self.link_url) if t]
        if len(targets) != 1:
            raise ValidationError(_("Link to exactly one of: a page, a document or an address."))
        if self.link_url and not self.title:
            raise ValidationError({"title": _("An address needs a title.")})

    @property
    def url(self):
        if self.link_page_id:
            return self.link_page.url
        if self.link_document_id:
            return self.link_document.url
        return self.link_url

    @property
    def label(self):
        if self.title:
            return self.title
        if self.link_page_id:
            return self.link_page.title
        if self.link_document_id:
            return self.link_document.title
        return self.link_url


# --- Questions and answers (常見問答) -----------------------------------------------------
