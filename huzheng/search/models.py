"""The search index: one row per searchable thing with its facet values, and the daily
counts of popular searches (熱門搜尋) with no trace of who searched."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.search.labels import type_label


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

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

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
