"""Offices and their calendars, staff, the audit log and worker heartbeats."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from huzheng.core.validators import validate_phone


class Office(ClusterableModel):
    """A household registration office (戶政事務所). Every operational record belongs to one."""

    code = models.SlugField(
        _("office code"),
        max_length=32,
        unique=True,
        help_text=_("Short code used in addresses, for example huxi."),
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    county = models.CharField(_("county or city"), max_length=20)
    township = models.CharField(_("township"), max_length=20, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    address = models.CharField(_("address"), max_length=200)
    address_en = models.CharField(_("English address"), max_length=250, blank=True)
    phone = models.CharField(_("phone"), max_length=30, validators=[validate_phone])
    fax = models.CharField(_("fax"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    director_email = models.EmailField(_("director's mailbox"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo office"),
        default=False,
        help_text=_("Demo offices take tickets at any hour while demo mode is on."),
    )
    data_notes = models.TextField(
        _("data notes"),
        blank=True,
        help_text=_("Which of these facts are not yet confirmed, and where to confirm them."),
    )
    # Moved also when the office's hours or special days change (core/freshness.py), so
    # the office pages' "last updated" date tells the truth.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["county", "code"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name

    def display_name(self, language=None):
        """The name in the active (or given) language."""
        from huzheng.core.i18n import localized

        return localized(self, "name", language)


class OpeningPeriod(models.Model):
    """One span of opening hours on a weekday (上班時間); noon and evening spans are marked."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular hours")
        NOON = "noon", _("noon flexible hours")  # 中午彈性上班
        EVENING = "evening", _("evening extended hours")  # 夜間延長服務

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    office = ParentalKey(Office, on_delete=models.CASCADE, related_name="opening_periods")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening period")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")), name="opening_period_opens_before_closes"
            ),
            models.UniqueConstraint(
                fields=["office", "weekday", "opens"], name="opening_period_unique_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class SpecialDay(models.Model):
    """A day that departs from the usual calendar (特殊日): a typhoon closure, a make-up
    workday, a local holiday. With no office it applies to every office."""

    class Kind(models.TextChoices):
        TYPHOON = "typhoon", _("typhoon or disaster closure")  # 停止上班
        HOLIDAY = "holiday", _("holiday")
        MAKEUP_WORKDAY = "makeup", _("make-up workday")  # 補行上班
        OTHER = "other", _("other")

    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="special_days",
        help_text=_("Leave empty for a day that applies to every office."),
    )
    date = models.DateField(_("date"))
    is_open = models.BooleanField(_("office open"), default=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "date"], name="special_day_unique_per_office"
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(office__isnull=True),
                name="special_day_unique_for_all_offices",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.reason}"


class StaffProfile(models.Model):
    """What the office needs to know of a staff member beyond the login: office, title, phone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Empty for county staff who work across offices."),
    )
    title = models.CharField(_("job title"), max_length=50, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text=_(
            "With the extension, for example 06-9921145#21. Shown on the public staff phone "
            "list of the office's website, with the name, title and duties; leave it empty to "
            "keep the staff member off the list."
        ),
    )
    duties = models.CharField(
        _("duties"),
        max_length=200,
        blank=True,
        help_text=_("What citizens may call about, as the public staff phone list shows it."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        from huzheng.core.i18n import person_name

        return person_name(self.user)


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditChainHead(models.Model):
    """The newest audit entry's hash (one row). Locked while an entry is appended, so
    concurrent entries form one chain; it also shows when entries at the end of the log
    were removed."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"audit chain head at entry {self.last_id}"


class AuditEntry(models.Model):
    """One staff read or change of personal data (稽核紀錄). Append-only: the model refuses
    updates and deletes, and database triggers refuse them too (migration 0002)."""

    class Action(models.TextChoices):
        READ = "read", _("read")
        CREATE = "create", _("create")
        UPDATE = "update", _("update")
        DELETE = "delete", _("delete")
        EXPORT = "export", _("export")
        PRINT = "print", _("print")

    # Set before the insert (not auto_now_add), since the entry's hash covers it.
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # DO_NOTHING without a database constraint: deleting a user or an office must not
    # touch the log, whose username column keeps the name.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.DO_NOTHING,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    username = models.CharField(_("username"), max_length=150)
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.DO_NOTHING,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(_("record ID"), max_length=64)
    object_repr = models.CharField(_("record"), max_length=200)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    path = models.CharField(_("path"), max_length=300, blank=True)

    # Tamper evidence (core.auditchain): each entry's keyed hash covers its content and
    # the previous entry's hash, so a changed, removed or inserted entry breaks the chain
    # that `manage.py verify_audit_log` walks.
    previous_hash = models.CharField(_("previous entry's hash"), max_length=64, blank=True)
    entry_hash = models.CharField(_("hash"), max_length=64, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    # The IP address and the staff member's name make an entry personal data itself.
    personal_data_fields = ("username", "ip_address", "user_agent")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        action = self.get_action_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")


class WorkerHeartbeat(models.Model):
    """The background task worker says it is alive; /healthz reads the last beat."""

    worker_id = models.CharField(max_length=100, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    backend = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return f"{self.worker_id} {self.last_seen}"


class BroadcastEvent(models.Model):
    """One "something changed" poke on a channel (for example one office's queue). Streams
    in every server process poll the newest id, so events cross processes with nothing
    but the database; with Redis they also travel by pub/sub. Old rows are pruned."""

    id = models.BigAutoField(primary_key=True)
    channel = models.CharField(max_length=100)
    kind = models.CharField(max_length=30)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("broadcast event")
        indexes = [models.Index(fields=["channel", "id"], name="broadcast_channel_id")]

    def __str__(self):
        return f"{self.channel} #{self.id} {self.kind}"


class NumberSequence(models.Model):
    """The last number given in one numbering (編號): tickets of a series per day, cases
    per office and year, notice slips per office and day, loss reports per year, and
    every numbering to come. `core.sequences.next_number` takes the next one under the
    row's lock, so no number is ever given twice."""

    name = models.CharField(_("numbering"), max_length=40)
    # Empty for a national numbering (loss reports are reported to the whole country).
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.CASCADE
    )
    # What splits a numbering further within an office, for example a ticket series.
    key = models.CharField(_("key"), max_length=40, blank=True)
    # The span the numbers restart in: an ISO date for a day, an ROC year for a year.
    period = models.CharField(_("period"), max_length=10)
    last = models.PositiveBigIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "office", "key", "period"],
                condition=Q(office__isnull=False),
                name="number_sequence_per_office",
            ),
            models.UniqueConstraint(
                fields=["name", "key", "period"],
                condition=Q(office__isnull=True),
                name="number_sequence_national",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.office_id or '*'} {self.key} {self.period}: {self.last}"
