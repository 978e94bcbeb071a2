"""Page types of the public website and the site-wide settings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from huzheng.core.qr import qr_svg
from huzheng.core.text import plain_text, stream_text, written_form
from huzheng.core.validators import validate_phone
from huzheng.search.taxonomy import Audience, DocumentType, Policy, Topic

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
        # Imported here: the home blocks read the chrome, which reads this module.
        from wagtail.models import Site

        from huzheng.site.home import home_for

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


# --- Shared by the page types of issue 4 ----------------------------------------------------


class ClassifiedPage(ReviewedPage):
    """A reviewed page carrying the classifications search facets on: topic (主題分類),
    policy (施政分類) and audience (一般民眾 / 原住民 / 新住民)."""

    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices, blank=True)
    policy = models.CharField(_("policy"), max_length=30, choices=Policy.choices, blank=True)
    for_general = models.BooleanField(_("for the general public"), default=True)
    for_indigenous = models.BooleanField(_("for indigenous peoples"), default=False)
    for_new_immigrants = models.BooleanField(_("for new immigrants"), default=False)

    document_type = DocumentType.PAGE
    default_topic = ""
    default_policy = ""

    promote_panels = [
        *ReviewedPage.promote_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("topic"), FieldPanel("policy")]),
                FieldRowPanel(
                    [
                        FieldPanel("for_general"),
                        FieldPanel("for_indigenous"),
                        FieldPanel("for_new_immigrants"),
                    ]
                ),
            ],
            heading=_("Classification"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def audiences(self):
        flags = {
            Audience.GENERAL: self.for_general,
            Audience.INDIGENOUS: self.for_indigenous,
            Audience.NEW_IMMIGRANTS: self.for_new_immigrants,
        }
        return [audience.value for audience, on in flags.items() if on]

    def search_document(self):
        """What search indexes for this page: keys of huzheng.search.registry.Document."""
        topic = self.topic or self.default_topic
        policy = self.policy or self.default_policy
        return {
            "type": str(self.document_type),
            "body": plain_text(self.search_body()),
            "summary": plain_text(self.search_summary()),
            "names": self.search_names(),
            "topics": [str(topic)] if topic else [],
            "policies": [str(policy)] if policy else [],
            "services": self.search_services(),
            "audiences": self.audiences,
            "date": self.search_date(),
        }

    # Each page type refines these.
    def search_body(self):
        return ""

    def search_summary(self):
        return self.search_description

    def search_names(self):
        return []

    def search_services(self):
        return []

    def search_date(self):
        stamp = self.last_published_at or self.latest_revision_created_at
        return timezone.localtime(stamp).date() if stamp else None


def _service_values(services):
    slugs, categories = [], []
    for service in services:
        if service is not None and service.category not in categories:
            categories.append(service.category)
        if service is not None:
            slugs.append(service.name)
    return slugs, categories


# --- News (最新消息) ----------------------------------------------------------------------


class IntroducedPage(ClassifiedPage):
    """A classified page that opens with an editable introduction: the indexes and the
    office's own pages."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


class NewsCategory(models.TextChoices):
    LATEST = "latest", _("Latest news")  # 最新消息
    ANNOUNCEMENT = "announcement", _("Announcements")  # 公告
    ACTIVITY = "activity", _("Office activities")  # 機關活動
    PRESS_RELEASE = "press_release", _("Press releases")  # 新聞稿
    LEGAL_AWARENESS = "legal_awareness", _("Legal awareness")  # 法令宣導


NEWS_PER_PAGE = 10


def readable_news(category=""):
    """The news a citizen may read now: live, public, not past its expiry (even before
    the scheduler unpublishes it), newest first. The index and the feeds list these."""
    items = NewsPage.objects.live().public().exclude(expire_at__lte=timezone.now())
    if category:
        items = items.filter(category=category)
    return items.order_by("-date", "-first_published_at")


class NewsIndexPage(IntroducedPage):
    """The list of news (最新消息), newest first, filterable by category."""

    subpage_types = ["site.NewsPage"]
    max_count_per_parent = 1
    default_policy = Policy.CITIZEN_SERVICE

    class Meta:
        verbose_name = _("news index")

    def news(self, category=""):
        """The news of this index a citizen may read now, newest first."""
        return readable_news(category).child_of(self)

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        category = request.GET.get("category", "")
        if category not in NewsCategory.values:
            category = ""
        paginator = Paginator(self.news(category), NEWS_PER_PAGE)
        context.update(
            categories=NewsCategory.choices,
            category=category,
            news_page=paginator.get_page(_page_number(request)),
            querystring=_querystring({"category": category}),
        )
        return context

    def search_body(self):
        return self.intro


class NewsPage(ClassifiedPage):
    """One news item (消息): an announcement, an activity, a press release…"""

    category = models.CharField(
        _("category"), max_length=30, choices=NewsCategory.choices, default=NewsCategory.LATEST
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("category"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    parent_page_types = ["site.NewsIndexPage"]
    subpage_types = []
    document_type = DocumentType.NEWS
    default_policy = Policy.CITIZEN_SERVICE

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def search_body(self):
        return stream_text(self.body)

    def search_summary(self):
        return self.summary or self.search_description

    def search_date(self):
        return self.date

    @property
    def policy_for_category(self):
        return {
            NewsCategory.LEGAL_AWARENESS: Policy.LEGAL_AWARENESS,
            NewsCategory.ACTIVITY: Policy.ACTIVITIES,
        }.get(self.category, Policy.CITIZEN_SERVICE)

    def search_document(self):
        document = super().search_document()
        if not self.policy:
            document["policies"] = [str(self.policy_for_category)]
        return document


class NewsAttachment(Orderable):
    """A file attached to a news item (附件), kept in Wagtail's documents."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Empty: the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def label(self):
        return self.title or self.document.title


# --- Laws and interpretations (法規命令 / 函釋) ---------------------------------------------


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
        from django.core.paginator import Paginator

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
            laws_page=paginator.get_page(_page_number(request)),
            querystring=_querystring(filters),
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
        return _service_values(self.services())[1]

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
    from django.db.models import Q

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


def _querystring(filters):
    """The filters as a query string prefix for the pagination links ("" or "…&")."""
    from urllib.parse import urlencode

    kept = {key: value for key, value in filters.items() if value}
    return urlencode(kept) + "&" if kept else ""


def _page_number(request):
    number = request.GET.get("page", "1")
    return number if number.isdigit() and len(number) < 7 else 1


# --- Government information disclosure (政府資訊公開) -------------------------------------


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
        return _service_values(e.service for e in self.entries.all() if e.service_id)[0]

    def search_services(self):
        return _service_values(e.service for e in self.entries.all() if e.service_id)[1]


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

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("service")]

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


# Pages that carry a review-by date, in any app, for the overdue-review report.
def reviewed_page_models():
    from django.apps import apps

    return [m for m in apps.get_models() if issubclass(m, ReviewedPage)]
