"""ID cards (國民身分證): a demo stand-in for the national registry, loss reports (掛失)
and card applications waiting to be collected (初補換).

There is no connection to the national household registration system (戶役政) here.
`Resident` holds made-up people for the demo registry (registry.DemoRegistry); a real
gateway would replace it without touching the views. ID numbers are kept as a keyed
hash (to find), encrypted text (for audited staff reads) and a masked form (to show).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from huzheng.core.fields import EncryptedDateField, EncryptedEmailField, EncryptedTextField
from huzheng.idcards.places import ISSUE_PLACES


class IssueType(models.TextChoices):
    """領補換類別."""

    FIRST = "first", pgettext_lazy("id card issue", "first issue")
    REISSUE = "reissue", pgettext_lazy("id card issue", "reissue")
    REPLACEMENT = "replacement", pgettext_lazy("id card issue", "replacement")


class CardStatus(models.TextChoices):
    VALID = "valid", _("valid")
    REPORTED_LOST = "reported_lost", _("reported lost")


class Resident(models.Model):
    """A made-up person of the demo registry (示範戶籍資料) and their latest card."""

    name = models.CharField(_("name"), max_length=100)
    national_id_hash = models.CharField(max_length=64, unique=True, editable=False)
    national_id_encrypted = models.TextField(editable=False)
    national_id_masked = models.CharField(_("ID number"), max_length=20, editable=False)
    birth_date = models.DateField(_("birth date"))
    card_issue_date = models.DateField(_("issue date"))
    card_issue_type = models.CharField(_("issue type"), max_length=12, choices=IssueType.choices)
    card_issue_place = models.CharField(_("issue place"), max_length=5, choices=ISSUE_PLACES)
    card_status = models.CharField(
        _("card status"), max_length=16, choices=CardStatus.choices, default=CardStatus.VALID
    )

    class Meta:
        verbose_name = _("demo resident")
        verbose_name_plural = _("demo residents")

    def __str__(self):
        return self.national_id_masked


class LossReport(models.Model):
    """A report that an ID card is lost (身分證掛失), online or by phone through staff."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("online")
        PHONE = "phone", _("by phone")

    class Status(models.TextChoices):
        REPORTED = "reported", _("reported lost")
        CANCELLED = "cancelled", _("cancelled")

    reference = models.CharField(_("loss reference"), max_length=20, unique=True)
    national_id_hash = models.CharField(max_length=64, db_index=True, editable=False)
    national_id_encrypted = models.TextField(editable=False)
    national_id_masked = models.CharField(_("ID number"), max_length=20, editable=False)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REPORTED
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The caller's answers to the verification questions (phone reports), encrypted:
    # they are personal data (a registered address, parents' names).
    verification_encrypted = models.TextField(blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cancel_identity_check = models.CharField(_("identity checked with"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("loss report")
        verbose_name_plural = _("loss reports")
        ordering = ["-created_at"]
        constraints = [
            # One open report per card holder: a repeated report returns the open one.
            models.UniqueConstraint(
                fields=["national_id_hash"],
                condition=Q(status="reported"),
                name="idcards_one_open_loss_report",
            )
        ]

    def __str__(self):
        return self.reference


class IdCardApplication(models.Model):
    """A card applied for (初領/補領/換領) and where it is collected (初補換查詢)."""

    class Status(models.TextChoices):
        PROCESSING = "processing", _("being made")
        READY = "ready", _("ready to collect")
        COLLECTED = "collected", _("collected")

    national_id_hash = models.CharField(max_length=64, db_index=True, editable=False)
    national_id_masked = models.CharField(_("ID number"), max_length=20, editable=False)
    birth_date = EncryptedDateField(_("birth date"))
    kind = models.CharField(_("kind"), max_length=12, choices=IssueType.choices)
    applied_at = models.DateTimeField(_("applied at"))
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    collect_at = models.ForeignKey(
        "core.Office",
        verbose_name=_("collect at"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROCESSING
    )
    # Where the applicant asked to be told the card is ready; both optional.
    phone = EncryptedTextField(_("phone"), max_length=30, blank=True)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    collected_at = models.DateTimeField(_("collected at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ready_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked ready by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed over by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ID card application")
        verbose_name_plural = _("ID card applications")
        ordering = ["-applied_at"]
        constraints = [
            # One card in the making per person: a second application waits for the first.
            models.UniqueConstraint(
                fields=["national_id_hash"],
                condition=Q(status__in=["processing", "ready"]),
                name="idcards_one_open_application",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["processing", "ready", "collected"]),
                name="idcards_application_status_known",
            ),
            models.CheckConstraint(
                condition=Q(status="processing") | Q(ready_at__isnull=False),
                name="idcards_application_ready_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="collected") | Q(collected_at__isnull=False),
                name="idcards_application_collected_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.national_id_masked} {self.get_kind_display()}"
