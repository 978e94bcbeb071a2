"""Cases (案件) that are not done while the citizen waits: house-number assignment,
moving a registration to the office's address, nationality cases, official documents.
Each has a number per office and year, a due date in working days, and a timeline of
stages the applicant can follow online."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.core.fields import EncryptedDateField, EncryptedEmailField, EncryptedTextField


class Stage(models.TextChoices):
    """The stages of a case, in order; a case only ever moves forward."""

    RECEIVED = "received", _("Received")
    REVIEW = "review", _("Under review")
    INQUIRY = "inquiry", _("Inquiry to other agencies")
    DECISION = "decision", _("Decided")
    CLOSED = "closed", _("Notified and closed")


STAGE_ORDER = [stage.value for stage in Stage]


class Case(models.Model):
    """One case (案件) registered at the case desk."""

    Stage = Stage

    number = models.CharField(_("case number"), max_length=48, unique=True)
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="cases"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    applicant_name = EncryptedTextField(_("applicant"), max_length=100)
    national_id_hash = models.CharField(max_length=64, db_index=True, editable=False)
    national_id_encrypted = models.TextField(editable=False)
    national_id_masked = models.CharField(_("ID number"), max_length=20, editable=False)
    birth_date = EncryptedDateField(_("applicant's birth date"))
    phone = EncryptedTextField(_("phone"), max_length=30, blank=True)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    received_on = models.DateField(_("received on"))
    documents = models.JSONField(_("documents received"), default=list, blank=True)
    ticket = models.ForeignKey(
        "queueing.Ticket",
        verbose_name=_("queue ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Empty when the catalog sets no processing limit for the service.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned clerk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs_reply = models.BooleanField(_("needs a written reply"), default=False)
    notify_email = models.BooleanField(_("e-mail me when the case moves"), default=False)
    notify_sms = models.BooleanField(_("text me when the case moves"), default=False)
    reply_letter = models.BinaryField(
        _("reply letter (PDF)"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_on", "-sequence"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "sequence"], name="cases_number_per_office_year"
            )
        ]
        indexes = [models.Index(fields=["office", "stage", "due_on"])]

    def __str__(self):
        return self.number

    @property
    def is_closed(self):
        return self.stage == Stage.CLOSED


class CaseEvent(models.Model):
    """One line of a case's history: a stage reached, a note, an assignment."""

    class Kind(models.TextChoices):
        STAGE = "stage", _("stage")
        NOTE = "note", _("note")
        ASSIGN = "assign", _("assignment")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STAGE)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case event")

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.stage}"
