"""News monitoring (輿情監看): the public feeds an office watches, the words it watches
for, and the hits staff triage until a wrong report is corrected in public."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A public RSS or Atom feed (新聞來源)."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    url = models.CharField(
        _("feed address"),
        max_length=500,
        help_text=_("A public http(s) address of an RSS or Atom feed."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last read at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["office", "name"]
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")

    def __str__(self):
        return self.name


class Keyword(models.Model):
    """A word or phrase that makes a news item a hit (關鍵字)."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    word = models.CharField(_("word"), max_length=60)

    class Meta:
        ordering = ["office", "word"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "word"], name="mediawatch_keyword_unique_word"
            )
        ]

    def __str__(self):
        return self.word


class HitStatus(models.TextChoices):
    NEW = "new", _("New")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    RELEVANT = "relevant", _("Relevant")
    INACCURATE = "inaccurate", _("Inaccurate")
    CLARIFIED = "clarified", _("Clarification published")
    CLOSED = "closed", _("Closed")


class Hit(models.Model):
    """A news item that matched the office's words (輿情): only where, when and which
    words, no personal data; staff triage it."""

    Status = HitStatus

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="hits"
    )
    title = models.CharField(_("title"), max_length=300)
    link = models.URLField(_("link"), max_length=500)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    first_seen_at = models.DateTimeField(_("first seen at"))
    matched = models.JSONField(_("matched words"), default=list)
    status = models.CharField(
        _("status"), max_length=12, choices=HitStatus.choices, default=HitStatus.NEW
    )
    note = models.TextField(_("note"), blank=True)
    clarification = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("clarification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The published news item that corrects the report."),
    )
    clarified_at = models.DateTimeField(_("clarified at"), null=True, blank=True)

    class Meta:
        ordering = ["-first_seen_at"]
        verbose_name = _("news hit")
        verbose_name_plural = _("news hits")
        constraints = [
            models.UniqueConstraint(fields=["office", "link"], name="mediawatch_hit_link")
        ]

    def __str__(self):
        return self.title
