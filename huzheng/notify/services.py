"""Delivery to citizens by e-mail and SMS (通知), one way for every app.

E-mail goes through Django's e-mail backends (SMTP in production, the console or the
test outbox elsewhere). SMS goes through the backend named by HUZHENG_SMS_BACKEND: there
is no SMS provider in this deployment, so the default development backend writes each
text to the log (and so the console); a provider's backend implements the same one
method, send(phone, text). Every message, sent or failed, is kept as a Message row."""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string

from huzheng.notify.models import Message

logger = logging.getLogger("huzheng.notify")

PHONE = re.compile(r"^\+?[0-9]{8,15}$")


class DeliveryError(Exception):
    """The backend refused or failed to send the message."""


def send_email(to, subject, body, *, topic="", reference="", attachments=()):
    """Send one plain-text e-mail; attachments are (filename, content, mimetype)."""
    message = EmailMessage(subject=subject, body=body, to=[to])
    for attachment in attachments:
        message.attach(*attachment)
    try:
        message.send()
    except Exception as exc:  # any backend failure is recorded, never raised to the citizen
        logger.warning("e-mail to %s failed: %s", to, exc)
        return _record(Message.Channel.EMAIL, to, subject, body, topic, reference, exc)
    return _record(Message.Channel.EMAIL, to, subject, body, topic, reference)


def send_sms(phone, text, *, topic="", reference=""):
    """Send one text message through the configured SMS backend."""
    number = normalise_phone(phone)
    try:
        if not PHONE.fullmatch(number):
            raise DeliveryError("not a mobile number")
        sms_backend().send(number, text)
    except Exception as exc:  # recorded, never raised to the citizen
        logger.warning("SMS to %s failed: %s", number, exc)
        return _record(Message.Channel.SMS, number, "", text, topic, reference, exc)
    return _record(Message.Channel.SMS, number, "", text, topic, reference)


def normalise_phone(phone):
    return re.sub(r"[\s\-()]", "", str(phone or ""))


def sms_backend():
    return import_string(settings.HUZHENG_SMS_BACKEND)()


class ConsoleSMSBackend:
    """The development SMS backend: the text goes to the log, the Message row keeps it."""

    def send(self, phone, text):
        logger.info("SMS to %s: %s", phone, text)


def _record(channel, recipient, subject, body, topic, reference, error=None):
    backend = (
        settings.EMAIL_BACKEND
        if channel == Message.Channel.EMAIL
        else (settings.HUZHENG_SMS_BACKEND)
    )
    return Message.objects.create(
        channel=channel,
        recipient=recipient[:254],
        subject=subject[:200],
        body=body,
        topic=topic,
        reference=reference,
        status=Message.Status.FAILED if error else Message.Status.SENT,
        error=str(error or "")[:300],
        backend=backend[:120],
    )
