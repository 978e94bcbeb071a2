"""The queue of an office (叫號): ticket series, counters, tickets and their calls, the
kiosks allowed to issue tickets, and the marquee shown on the display boards.

One ticket carries a citizen from the door to done (One Ticket 一處收件全程服務): it is
issued, waits, is called to a counter, served and finished there, and the cases
registered during the visit are linked to it, so the ticket is the visit's one record.
"""

import hashlib
import unicodedata
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from huzheng.core.i18n import localized


class CounterState(models.TextChoices):
    # A context of their own: "open" and "closed" of an office's day read differently.
    OPEN = "open", pgettext_lazy("counter state", "open")  # 服務中
    PAUSED = "paused", pgettext_lazy("counter state", "paused")  # 暫停服務
    CLOSED = "closed", pgettext_lazy("counter state", "closed")  # 未開櫃


class Series(models.Model):
    """A ticket series (號碼類別): A general, B certificates, C appointment check-in, P
    priority. Numbers run per office, series and day, and restart each day at opening."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular")
        PRIORITY = "priority", _("priority")  # 優先: elderly, pregnant, disabled
        CHECK_IN = "check_in", _("appointment check-in")  # 預約報到

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="series"
    )
    letter = models.CharField(
        _("letter"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{1,2}$", _("One or two capital letters, such as A."))],
        help_text=_("Printed before the number: A015."),
    )
    name = models.CharField(_("name"), max_length=50)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    services = models.ManyToManyField(
        "catalog.RegistrationService",
        verbose_name=_("services"),
        blank=True,
        related_name="+",
        help_text=_(
            "The services whose tickets this series issues. A regular series with no "
            "services takes every service that no other series lists."
        ),
    )
    default_service_minutes = models.PositiveSmallIntegerField(
        _("usual service time (minutes)"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Used for wait estimates until the day has its own service times."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["office", "sort_order", "letter"]
        verbose_name = _("ticket series")
        verbose_name_plural = _("ticket series")
        constraints = [
            models.UniqueConstraint(fields=["office", "letter"], name="series_unique_letter"),
        ]

    def __str__(self):
        return f"{self.letter} {self.name}"

    def display_name(self, language=None):
        """The name in the active (or given) language."""
        return localized(self, "name", language)

    @property
    def is_priority(self):
        """Called in the priority line: priority tickets, and booked appointments
        checking in, since they booked a time."""
        return self.kind in (self.Kind.PRIORITY, self.Kind.CHECK_IN)


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
    series = models.ManyToManyField(
        Series,
        verbose_name=_("series served"),
        blank=True,
        related_name="counters",
        help_text=_("The series this counter calls. A full-function counter calls them all."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    state = models.CharField(
        _("state"), max_length=10, choices=CounterState.choices, default=CounterState.CLOSED
    )
    staffed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staffed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state_changed_at = models.DateTimeField(_("state changed at"), null=True, blank=True)

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
        # Citizens are called to a number (「請到 4 號櫃檯」), so the number leads on every
        # screen, the board's and the console's alike; the office's own name follows it.
        called = gettext("Counter %(number)s") % {"number": self.number}
        return f"{called} {self.name}" if self.name else called

    def served_series(self):
        """The active series this counter calls, in the office's order."""
        if self.is_full_function:
            return list(Series.objects.filter(office_id=self.office_id, is_active=True))
        return list(self.series.filter(is_active=True))


class Kiosk(models.Model):
    """A ticket kiosk (取號機) registered in the back office. It proves itself with a device
    token sent as `Authorization: Kiosk <token>`; only a hash of the token is kept."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="kiosks"
    )
    name = models.CharField(_("name"), max_length=50)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_hint = models.CharField(_("token begins"), max_length=8, editable=False)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        ordering = ["office", "name"]
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")

    def __str__(self):
        return self.name

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(str(token).encode()).hexdigest()


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("waiting")  # 等候中
    CALLED = "called", _("called")  # 已叫號
    SERVING = "serving", _("being served")  # 服務中
    DONE = "done", _("done")  # 完成
    NO_SHOW = "no_show", _("no-show")  # 過號
    CANCELLED = "cancelled", _("cancelled")


# A counter holds at most one ticket in these states: the database refuses a second.
ACTIVE_STATUSES = (TicketStatus.CALLED, TicketStatus.SERVING)


class Ticket(models.Model):
    """A queue ticket (號碼牌): the visit's one record from the door to done."""

    Status = TicketStatus

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="tickets"
    )
    date = models.DateField(_("date"))
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="tickets"
    )
    number = models.PositiveIntegerField(_("number"))
    # The series whose sequence gave the number. A transfer changes `series` (where the
    # ticket waits) but never this, so the number stays unique in the sequence it came
    # from and a transferred ticket never collides with the target series' own numbers.
    numbered_in = models.ForeignKey(
        Series,
        verbose_name=_("numbered in series"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The printed number (A015) stays the same when the ticket is transferred.
    label = models.CharField(_("ticket number"), max_length=10)
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TicketStatus.choices, default=TicketStatus.WAITING
    )
    # The waiting line is ordered by this moment; a returning no-show gets a later one.
    queued_at = models.DateTimeField(_("in line since"))
    issued_at = models.DateTimeField(_("issued at"))
    called_at = models.DateTimeField(_("called at"), null=True, blank=True)
    started_at = models.DateTimeField(_("service started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("counter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    # A ticket transferred to one counter is called only there.
    for_counter = models.ForeignKey(
        Counter,
        verbose_name=_("transferred to counter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("served by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    appointment_code = models.CharField(_("appointment code"), max_length=20, blank=True)
    kiosk = models.ForeignKey(
        Kiosk, verbose_name=_("kiosk"), null=True, blank=True, on_delete=models.SET_NULL
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # NULL, not "", when absent: the unique constraint then ignores tickets without a key.
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=100, null=True, blank=True, editable=False
    )
    estimated_wait_minutes = models.PositiveIntegerField(
        _("estimated wait when issued (minutes)"), null=True, blank=True
    )
    no_show_count = models.PositiveSmallIntegerField(_("no-shows"), default=0)

    class Meta:
        ordering = ["date", "queued_at"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        permissions = [
            ("serve_ticket", _("Can call and serve tickets at a counter")),
            ("view_queue_statistics", _("Can view queue statistics")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "date", "numbered_in", "number"], name="ticket_unique_number"
            ),
            models.UniqueConstraint(
                fields=["office", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="ticket_unique_idempotency_key",
            ),
            models.UniqueConstraint(
                fields=["counter"],
                condition=models.Q(status__in=["called", "serving"]),
                name="ticket_one_active_per_counter",
            ),
        ]
        indexes = [
            models.Index(fields=["office", "date", "status", "queued_at"], name="ticket_line"),
            # The day's last finished tickets of a series, for its recent service time.
            models.Index(fields=["series", "date", "finished_at"], name="ticket_series_finished"),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if self.numbered_in_id is None:
            self.numbered_in_id = self.series_id
        super().save(*args, **kwargs)

    @property
    def is_waiting(self):
        return self.status == TicketStatus.WAITING


class Call(models.Model):
    """One call of a ticket to a counter (叫號), a recall (重呼) included: the display board
    shows and speaks each one, and the statistics count them."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="calls")
    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="calls")
    at = models.DateTimeField(_("called at"), db_index=True)
    is_recall = models.BooleanField(_("recall"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self):
        return f"{self.ticket.label} → {self.counter.number}"


class VisitRecord(models.Model):
    """A case, notice slip or other record made during the visit, linked to its ticket so
    the ticket is the visit's one record (全程服務)."""

    class Kind(models.TextChoices):
        CASE = "case", _("case")
        NOTICE_SLIP = "slip", _("notice slip")
        OTHER = "other", _("other")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CASE)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        validators=[RegexValidator(r"^[0-9A-Za-z\-_/]+$", _("Letters, digits and - _ / only."))],
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("visit record")
        verbose_name_plural = _("visit records")
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "kind", "reference"], name="visit_record_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}"


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
    # Shown only once approved: the director's own messages and a counter clerk's outage
    # are approved as they are saved; an editor's message waits for the director.
    # A row written by the system (a command, the demo) is approved as written.
    approved_at = models.DateTimeField(
        _("approved at"), default=timezone.now, null=True, blank=True, editable=False
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("marquee message")
        verbose_name_plural = _("marquee messages")
        permissions = [("approve_marqueemessage", _("Can approve marquee messages"))]
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

    @property
    def is_approved(self):
        return self.approved_at is not None

    def approval(self):
        if self.is_approved:
            return _("approved")
        return _("waiting for the director's approval")

    approval.short_description = _("approval")

    def display_text(self, language="zh-hant"):
        return localized(self, "text", language)

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
