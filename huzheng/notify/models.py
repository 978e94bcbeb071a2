"""What the platform tells citizens, and how (通知紀錄): one outbox for every app."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin

from huzheng.core.fields import EncryptedTextField


class Message(models.Model):
    """One message to one person by e-mail or SMS (通知), from the moment it is queued to
    the moment it is sent or has finally failed. A background task sends it; a failed
    attempt is tried again later, and nothing is lost without a recorded reason."""

    # Not content: Wagtail's reference index need not follow its template link.
    wagtail_reference_index_ignore = True

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("SMS")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        RETRYING = "retrying", _("failed for now, will be tried again")
        FAILED = "failed", _("failed")

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # Shown masked to staff; the message itself already went to this address.
    recipient = EncryptedTextField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = EncryptedTextField(_("message"))
    # [{"filename", "mimetype", "content" (base64)}]: calendar files and the like.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    topic = models.CharField(
        _("topic"), max_length=60, blank=True, help_text=_("For example appointment.reminder.")
    )
    reference = models.CharField(_("reference"), max_length=60, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    backend = models.CharField(_("sent through"), max_length=120, blank=True)
    template = models.ForeignKey(
        "notify.Template",
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    template_version = models.PositiveIntegerField(_("template version"), null=True, blank=True)
    # The keyed hash of the person's ID number, so staff can list one person's messages.
    person_hash = models.CharField(
        _("person key"), max_length=64, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Set when the retention of its type ran out and the personal data was removed.
    purged_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["topic", "reference"], name="message_topic_reference"),
            models.Index(fields=["status", "next_attempt_at"], name="message_due"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.topic} {self.reference}"

    @property
    def is_final(self):
        return self.status in {self.Status.SENT, self.Status.DELIVERED, self.Status.FAILED}


class Template(PreviewableMixin, models.Model):
    """A message template (通知範本) for e-mail, SMS or a printed letter, in zh-Hant and
    English, with named placeholders such as ((name)) and ((deadline)). Every save makes
    a new version; a message records the version it was made from. A template with no
    office is the national one; an office may keep its own under the same key, which its
    messages and letters then use."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("SMS")
        LETTER = "letter", _("letter")

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty for the national template; an office's own replaces it there."),
    )
    key = models.CharField(
        _("key"),
        max_length=60,
        validators=[
            RegexValidator(
                r"^[a-z0-9][a-z0-9.-]*$", _("Lower-case letters, digits, dots and dashes.")
            )
        ],
        help_text=_("How the code names it, for example outreach.reminder-letter."),
    )
    name = models.CharField(_("name"), max_length=120)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    subject = models.CharField(
        _("subject"), max_length=200, blank=True, help_text=_("E-mail subject or letter 主旨.")
    )
    subject_en = models.CharField(_("English subject"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    body_en = models.TextField(_("English text"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["channel", "key", "office"]
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "key"],
                name="template_office_key",
                violation_error_message=_("This office already has a template with this key."),
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(office__isnull=True),
                name="template_national_key",
                violation_error_message=_("There is already a national template with this key."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_channel_display()})"

    def save(self, *args, **kwargs):
        from django.db import transaction
        from django.db.models import F

        with transaction.atomic():
            if self.pk:
                Template.objects.filter(pk=self.pk).update(version=F("version") + 1)
                self.version = Template.objects.values_list("version", flat=True).get(pk=self.pk)
            else:
                self.version = 1
            super().save(*args, **kwargs)
            TemplateVersion.objects.create(
                template=self,
                version=self.version,
                subject=self.subject,
                subject_en=self.subject_en,
                body=self.body,
                body_en=self.body_en,
            )

    def clean(self):
        from django.core.exceptions import ValidationError

        from huzheng.notify.placeholders import check_template

        check_template(self)
        if self.office_id and self.key:
            national = Template.objects.filter(key=self.key, office__isnull=True).first()
            if national is not None and national.channel != self.channel:
                raise ValidationError(
                    {"channel": _("An office's template has the national template's channel.")}
                )

    def get_preview_template(self, request, mode_name, extra_context=None):
        return "notify/template_preview.html"

    def get_preview_context(self, request, mode_name):
        from huzheng.notify.placeholders import preview

        return {"template": self, "previews": preview(self)}


class TemplateVersion(models.Model):
    """The words of one version of a template, kept so any message can be traced back."""

    # Not content: Wagtail's reference index need not follow its template link.
    wagtail_reference_index_ignore = True

    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    subject_en = models.CharField(_("English subject"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    body_en = models.TextField(_("English text"), blank=True)
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["template", "-version"]
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        constraints = [
            models.UniqueConstraint(fields=["template", "version"], name="template_version_unique")
        ]

    def __str__(self):
        return f"{self.template.key} v{self.version}"


class Letter(models.Model):
    """A letter in the office's outgoing-letter register (發文簿): its number (發文字號),
    date, recipient, subject and the words printed, kept so it can be printed again."""

    # Not content: Wagtail's reference index need not follow its template link.
    wagtail_reference_index_ignore = True

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("ROC year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("letter number"), max_length=40, unique=True)
    dated = models.DateField(_("dated"))
    recipient = EncryptedTextField(_("recipient"), max_length=100)
    address = EncryptedTextField(_("address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    template = models.ForeignKey(
        Template,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    template_version = models.PositiveIntegerField(_("template version"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=60, blank=True)
    reference = models.CharField(_("reference"), max_length=60, blank=True, db_index=True)
    person_hash = models.CharField(
        _("person key"), max_length=64, blank=True, db_index=True, editable=False
    )
    printed_at = models.DateTimeField(_("printed at"), null=True, blank=True)
    mailed_on = models.DateField(_("mailed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    personal_data_fields = ("recipient", "address")

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("outgoing letter")
        verbose_name_plural = _("outgoing-letter register")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "sequence"], name="letter_number_unique"
            )
        ]

    def __str__(self):
        return self.number
