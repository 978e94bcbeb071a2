"""What the platform tells citizens, and how (通知紀錄): one outbox for every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    """One message to one person by e-mail or SMS (通知), from the moment it is queued to
    the moment it is sent or has finally failed. A background task sends it; a failed
    attempt is tried again later, and nothing is lost without a recorded reason."""

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
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"))
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
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

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
