"""What the platform told citizens, and how (通知紀錄)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    """One message sent, or tried, to one person by e-mail or SMS (通知)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("SMS")

    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # Shown masked to staff; the message itself already went to this address.
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    topic = models.CharField(
        _("topic"), max_length=60, blank=True, help_text=_("For example appointment.reminder.")
    )
    reference = models.CharField(_("reference"), max_length=60, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.CharField(_("error"), max_length=300, blank=True)
    backend = models.CharField(_("sent through"), max_length=120)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["topic", "reference"], name="message_topic_reference")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.topic} {self.reference}"
