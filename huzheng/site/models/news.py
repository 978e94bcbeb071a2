"""News (最新消息): the index, the items and their attachments."""

import secrets

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from huzheng.core.text import stream_text
from huzheng.search.taxonomy import DocumentType, Policy
from huzheng.site.models.base import (
    BodyBlock,
    ClassifiedPage,
    IntroducedPage,
    page_number,
    querystring,
)


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
        context = super().get_context(request, *args, **kwargs)
        category = request.GET.get("category", "")
        if category not in NewsCategory.values:
            category = ""
        paginator = Paginator(self.news(category), NEWS_PER_PAGE)
        context.update(
            categories=NewsCategory.choices,
            category=category,
            news_page=paginator.get_page(page_number(request)),
            querystring=querystring({"category": category}),
        )
        return context

    def search_body(self):
        return self.intro


def short_news_slug(date=None):
    """20261206-3fa2: the day and four random letters, unique among a day's news."""
    return f"{(date or timezone.localdate()):%Y%m%d}-{secrets.token_hex(2)}"


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

    def full_clean(self, *args, **kwargs):
        # A slug made from a Chinese title becomes a long percent-encoded address
        # (/news/%E6%88%B6...): a news item gets a short one from its date instead.
        if not self.slug or not self.slug.isascii():
            self.slug = short_news_slug(self.date)
        super().full_clean(*args, **kwargs)

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
