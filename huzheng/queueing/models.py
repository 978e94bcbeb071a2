"""Counters of an office and the marquee. Tickets, series and calls follow with the queue."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """A service counter (櫃檯), called by its number: 「請到 3 號櫃檯」."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="counters",
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    name = models.CharField(_("name"), max_length=50, blank=True)
    is_full_function = models.BooleanField(
        _("full-function counter"),
        default=True,
        help_text=_("A full-function counter (全功能櫃檯) serves every service."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["office", "number"]
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="counter_unique_number"),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="counter_number_positive"
            ),
        ]

    def __str__(self):
        return self.name or gettext("Counter %(number)s") % {"number": self.number}


def validate_single_line(value):
    """Marquee text is one line of plain text: no control characters (tabs, newlines, NUL)."""
    if any(unicodedata.category(ch) == "Cc" for ch in str(value)):
        raise ValidationError(
            _("Please write the message on one line, without control characters."),
            code="control_characters",
        )


class MarqueeMessage(models.Model):
    """A short message of the marquee (跑馬燈), shown on the home page and the counter
    display boards between its start and end. With no office it shows at every office."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("notice")
        OUTAGE = "outage", _("system outage")  # 系統當機

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="marquee_messages",
        help_text=_("Leave empty to show the message at every office."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTICE)
    text = models.CharField(_("message"), max_length=200, validators=[validate_single_line])
    text_en = models.CharField(
        _("message in English"), max_length=200, blank=True, validators=[validate_single_line]
    )
    reason = models.CharField(
        _("reason"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("For a system outage: why the system is down."),
    )
    expected_end = models.DateTimeField(
        _("expected back"),
        null=True,
        blank=True,
        help_text=_("For a system outage: when the system is expected to work again."),
    )
    starts_at = models.DateTimeField(_("show from"), default=timezone.now)
    ends_at = models.DateTimeField(_("show until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("marquee message")
        verbose_name_plural = _("marquee messages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="marquee_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="outage")
                | (~models.Q(reason="") & models.Q(expected_end__isnull=False)),
                name="marquee_outage_has_reason_and_end",
            ),
        ]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="marquee_window")]

    def __str__(self):
        return self.text

    @property
    def is_outage(self):
        return self.kind == self.Kind.OUTAGE

    def display_text(self, language="zh-hant"):
        if language.startswith("en") and self.text_en:
            return self.text_en
        return self.text

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.kind == self.Kind.OUTAGE:
            if not (self.reason or "").strip():
                errors["reason"] = _("Please give the reason for the system outage.")
            if self.expected_end is None:
                errors["expected_end"] = _("Please say when the system is expected back.")
        if errors:
            raise ValidationError(errors)
