"""The search index: one row per searchable thing with its facet values, and the daily
counts of popular searches (熱門搜尋) with no trace of who searched."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.search.labels import type_label
from huzheng.search.postings import IndexTermsField


class SearchDocument(models.Model):
    """A registry.Document as indexed: shown fields as given, matched fields folded
    (huzheng.search.text.index_text)."""

    # Columns in the order a search reads them: the short ones that rank and count first,
    # then what only the shown page needs, the folded full text last.
    key = models.CharField(max_length=200, unique=True)
    source = models.CharField(max_length=50, db_index=True)
    type = models.CharField(max_length=30)
    # The date as YYYYMMDD (0 for none): ranking sorts on it without parsing dates.
    day_number = models.PositiveIntegerField(default=0)
    # Facet values as " facet:value " tokens (" type:news topic:id_card year:2026 "): a
    # search filters and counts them in the same single pass that matches the text.
    facets = models.TextField(blank=True)
    title = models.CharField(max_length=500)
    # Folded text (huzheng.search.text.index_text) of the title, names and summary.
    title_index = models.TextField(blank=True)
    names_index = models.TextField(blank=True)
    summary_index = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=20, default="zh-hant")
    names = models.TextField(blank=True)  # one name a line
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # Everything folded, fields apart: what every query term must be found in.
    text_index = models.TextField(blank=True)
    # text_index as the inverted index's terms (postings.py): the database's full-text
    # index picks a query's candidates from them. On SQLite, triggers made by migration
    # 0004 copy them into an FTS5 table: a later migration that remakes this table must
    # make them again (test_index_terms_follow_every_write fails otherwise).
    terms = IndexTermsField(blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # A broad query fetches its services, tools and forms apart (services._bounded):
        # through this index, without reading the rows of every other candidate.
        indexes = [models.Index(fields=["type"], name="search_document_type")]

    def __str__(self):
        return self.key

    @property
    def type_label(self):
        return type_label(self.type)


class PopularQuery(models.Model):
    """How many searches for a normalised query found something on a day. Nothing about
    the person searching is kept: no user, address, session or time of day."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("popular search")
        verbose_name_plural = _("popular searches")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="popular_query_unique_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.query} {self.count}"


class Synonym(models.Model):
    """An everyday word and the office's word for it (同義詞): a query containing
    ``phrase`` also finds documents with ``means`` (戶口謄本 → 戶籍謄本). Editors keep
    these in the back office; both sides are stored folded (text.fold)."""

    phrase = models.CharField(
        _("people type"),
        max_length=50,
        help_text=_("What people type, for example 戶口謄本 or 掉了."),
    )
    means = models.CharField(
        _("the office writes"),
        max_length=100,
        help_text=_(
            "The word the site uses for it, for example 戶籍謄本. Several words separated "
            "by spaces must all be found."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["phrase", "means"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "means"], name="search_synonym_unique"),
        ]

    def __str__(self):
        return f"{self.phrase} → {self.means}"


class BestBet(models.Model):
    """A result editors pin to the top for a query (最佳結果, GOV.UK's best bets). The
    result is named by its address, which survives a rebuild of the index."""

    query = models.CharField(
        _("search words"),
        max_length=100,
        help_text=_("The search as people type it, for example 身分證掉了."),
    )
    url = models.CharField(
        _("result address"),
        max_length=500,
        help_text=_("The address of a search result, for example /services/id-card-loss/."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["query", "position"]
        constraints = [
            models.UniqueConstraint(fields=["query", "url"], name="search_best_bet_unique"),
        ]

    def __str__(self):
        return f"{self.query} → {self.url}"


class QueryStat(models.Model):
    """How a normalised query fared on a day: searches, how many found nothing, and how
    many result clicks followed (查詢統計). Only the words are kept; queries that look like
    personal data (ID numbers, phone numbers) are never counted (text.is_junk)."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    empty = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_stat_unique"),
        ]

    def __str__(self):
        return f"{self.day} {self.query}"


class IndexWord(models.Model):
    """The index's own vocabulary (索引詞彙), generated at each rebuild from the titles and
    names of services, forms, laws and pages: the domain dictionary the query splitter
    uses and the words a misspelling is corrected to. Never edited by hand."""

    word = models.CharField(max_length=50, unique=True)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("index word")
        verbose_name_plural = _("index words")

    def __str__(self):
        return self.word
