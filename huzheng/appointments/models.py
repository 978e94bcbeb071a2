"""Online appointments (線上申請預約): counter bookings, home visits, group applications and
outreach sessions.

A counter booking holds one of the office's appointment places (the counters set aside
for appointments) for the length of its service. Each place is cut into a grid of short
cells; a booking claims every cell it covers with one SlotClaim row, and a unique
constraint on (office, place, cell) makes a double booking impossible in the database
itself, whatever two servers do at the same moment.
"""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from huzheng.core.fields import EncryptedEmailField, EncryptedTextField


class AppointmentPolicy(models.Model):
    """An office's booking rules (預約設定): places, grid, window and limits."""

    office = models.OneToOneField(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="appointment_policy",
    )
    places = models.PositiveSmallIntegerField(
        _("appointment places"),
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text=_("Counters set aside for appointments: how many people can be booked at once."),
    )
    grid_minutes = models.PositiveSmallIntegerField(
        _("time grid (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(60)],
        help_text=_("Appointments start on this grid; a service's length is rounded up to it."),
    )
    window_days = models.PositiveSmallIntegerField(
        _("book up to (days ahead)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    lead_minutes = models.PositiveSmallIntegerField(
        _("book at least (minutes before)"),
        default=60,
        validators=[MaxValueValidator(7 * 24 * 60)],
    )
    max_future_per_service = models.PositiveSmallIntegerField(
        _("future bookings per person and service"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    check_in_early_minutes = models.PositiveSmallIntegerField(
        _("check in from (minutes before)"), default=30, validators=[MaxValueValidator(240)]
    )

    class Meta:
        verbose_name = _("appointment rules")
        verbose_name_plural = _("appointment rules")

    def __str__(self):
        return str(self.office)


class Booking(models.Model):
    """A booked counter appointment (預約): one person, one service, one time."""

    class Status(models.TextChoices):
        BOOKED = "booked", pgettext_lazy("booking status", "booked")
        CANCELLED = "cancelled", pgettext_lazy("booking status", "cancelled")
        CHECKED_IN = "checked_in", pgettext_lazy("booking status", "checked in")
        ATTENDED = "attended", pgettext_lazy("booking status", "attended")
        NO_SHOW = "no_show", pgettext_lazy("booking status", "no-show")

    code = models.CharField(_("booking code"), max_length=12, unique=True)
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="bookings"
    )
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    place = models.PositiveSmallIntegerField(_("appointment place"))
    name = EncryptedTextField(_("name"), max_length=60)
    national_id_hash = models.CharField(max_length=64, db_index=True)
    national_id_encrypted = models.TextField()
    national_id_masked = models.CharField(_("ID number"), max_length=12)
    phone = EncryptedTextField(_("phone"), max_length=20)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BOOKED
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    ticket = models.ForeignKey(
        "queueing.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    idempotency_key = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001

    class Meta:
        ordering = ["start", "place"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "idempotency_key"], name="booking_unique_idempotency_key"
            ),
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="booking_ends"),
        ]
        indexes = [models.Index(fields=["office", "start"], name="booking_office_start")]

    def __str__(self):
        return f"{self.code} {self.service} {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.status == self.Status.BOOKED

    @property
    def lead_time(self):
        return self.start - self.created_at if self.created_at else None


class SlotClaim(models.Model):
    """One grid cell of one appointment place, held by one booking. The unique
    constraint is the guarantee that a place never holds two bookings at once."""

    office = models.ForeignKey("core.Office", on_delete=models.CASCADE, related_name="+")
    place = models.PositiveSmallIntegerField()
    cell = models.DateTimeField()
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="claims")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "place", "cell"], name="slot_claim_unique"),
        ]

    def __str__(self):
        return f"{self.office_id}/{self.place}/{self.cell:%Y-%m-%d %H:%M}"


class SlotBlock(models.Model):
    """Time the office takes out of booking (封鎖時段): a meeting, a training, a closure
    of the appointment counters. Existing bookings are not touched."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["start"]
        verbose_name = _("blocked time")
        verbose_name_plural = _("blocked times")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")), name="slot_block_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M} {self.reason}"


class Request(models.Model):
    """What home-visit and group requests share: a person to reply to and a staff decision."""

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("request status", "requested")
        CONFIRMED = "confirmed", pgettext_lazy("request status", "confirmed")
        DECLINED = "declined", pgettext_lazy("request status", "declined")
        CANCELLED = "cancelled", pgettext_lazy("request status", "cancelled")
        DONE = "done", pgettext_lazy("request status", "done")

    code = models.CharField(_("request code"), max_length=12, unique=True)
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_name = EncryptedTextField(_("contact name"), max_length=60)
    phone = EncryptedTextField(_("phone"), max_length=20)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    scheduled_at = models.DateTimeField(_("confirmed time"), null=True, blank=True)
    staff_note = models.CharField(_("note to the applicant"), max_length=300, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class HomeVisit(Request):
    """A request for home service (到府服務) for someone who cannot come to the office."""

    class Reason(models.TextChoices):
        ELDERLY = "elderly", _("elderly and frail")
        DISABLED = "disabled", _("disability")
        ILL = "ill", _("serious illness or bedridden")
        OTHER = "other", _("other")

    person_name = EncryptedTextField(_("who needs the visit"), max_length=60)
    national_id_hash = models.CharField(max_length=64, db_index=True)
    national_id_encrypted = models.TextField()
    national_id_masked = models.CharField(_("ID number"), max_length=12)
    village = models.ForeignKey(
        "addresses.Village", verbose_name=_("village"), on_delete=models.PROTECT, related_name="+"
    )
    address = EncryptedTextField(_("address"), max_length=200)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=1000, blank=True)
    preferred_dates = models.CharField(_("preferred dates and times"), max_length=200)

    class Meta(Request.Meta):
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")

    def __str__(self):
        return f"{self.code} {self.person_name}"


class GroupRequest(Request):
    """A group application (團體申辦), such as citizen digital certificates for a company."""

    organisation = models.CharField(_("organisation"), max_length=120)
    people = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(2), MaxValueValidator(500)]
    )
    preferred_dates = models.CharField(_("preferred dates and times"), max_length=200)
    place = models.CharField(_("where"), max_length=200, blank=True)
    details = models.TextField(_("details"), max_length=1000, blank=True)

    class Meta(Request.Meta):
        verbose_name = _("group application")
        verbose_name_plural = _("group applications")

    def __str__(self):
        return f"{self.code} {self.organisation}"


class OutreachSession(models.Model):
    """A session away from the office (機動櫃檯, a school visit for first ID cards) that
    citizens or schools book places in."""

    class Kind(models.TextChoices):
        MOBILE_COUNTER = "mobile", _("mobile counter")
        SCHOOL = "school", _("school visit")
        OTHER = "other", _("other")

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    place = models.CharField(_("place"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    services = models.ManyToManyField(
        "catalog.RegistrationService", verbose_name=_("services"), related_name="+", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("outreach session")
        verbose_name_plural = _("outreach sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at")), name="outreach_session_ends"
            ),
        ]

    def __str__(self):
        return f"{self.title} {self.starts_at:%Y-%m-%d}"


class SessionBooking(models.Model):
    """Places booked in an outreach session, by a person or for a class of a school."""

    class Status(models.TextChoices):
        BOOKED = "booked", pgettext_lazy("booking status", "booked")
        CANCELLED = "cancelled", pgettext_lazy("booking status", "cancelled")

    code = models.CharField(_("booking code"), max_length=12, unique=True)
    session = models.ForeignKey(
        OutreachSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    name = EncryptedTextField(_("name or school"), max_length=120)
    people = models.PositiveSmallIntegerField(
        _("number of people"), default=1, validators=[MinValueValidator(1)]
    )
    phone = EncryptedTextField(_("phone"), max_length=20)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BOOKED
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("session booking")
        verbose_name_plural = _("session bookings")

    def __str__(self):
        return f"{self.code} {self.name}"


def cell_range(start, end, grid_minutes):
    """The grid cells [start, end) covers."""
    step = dt.timedelta(minutes=grid_minutes)
    cells, cell = [], start
    while cell < end:
        cells.append(cell)
        cell += step
    return cells
