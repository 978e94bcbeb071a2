"""Delivery to citizens by e-mail and SMS (通知): one outbox for every app.

`send_email` and `send_sms` queue a `Message` inside the caller's transaction and hand it
to a background task (`deliver_message`), so no request waits for a mail
server and a message exists exactly when the change that caused it has committed. The
task sends it through Django's e-mail backends (SMTP in production, the console or the
test outbox elsewhere) or the SMS backend named by HUZHENG_SMS_BACKEND: there is no SMS
provider in this deployment, so the default development backend writes each text to the
log; a provider's backend implements the same one method, send(phone, text).

A failed attempt is tried again after a growing pause (RETRY_MINUTES); after
MAX_ATTEMPTS, or at once for a failure no retry can mend (a number that takes no text),
the message is marked failed with its reason. `manage.py send_messages`, run by cron or
a timer, sends whatever is due, so a lost task or a stopped worker loses nothing."""

import base64
import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from huzheng.core.tasks import enqueue_on_commit
from huzheng.core.validators import clean_email, mobile_number, normalize_phone
from huzheng.notify.models import Message, Template
from huzheng.notify.placeholders import TemplateError, render  # noqa: F401 - callers catch it here

logger = logging.getLogger("huzheng.notify")

MAX_ATTEMPTS = 5
# Minutes to wait after the 1st, 2nd, 3rd and 4th failed attempt.
RETRY_MINUTES = (1, 5, 30, 120)
# A message left "sending" this long was lost with its worker; it is tried again.
STUCK_AFTER = dt.timedelta(minutes=15)


class DeliveryError(Exception):
    """The backend failed to send the message this time; it will be tried again."""


class PermanentDeliveryError(DeliveryError):
    """The message can never be sent as it is (say, to a number that takes no text)."""


class TemplateNotFound(Exception):
    """No e-mail or SMS template has this key."""


def send_email(to, subject, body, *, topic="", reference="", attachments=(), office=None):
    """Queue one plain-text e-mail; attachments are (filename, content, mimetype).
    Returns the Message as it stands once queued."""
    return _queue(
        Message.Channel.EMAIL,
        str(to or "").strip(),
        subject=subject,
        body=body,
        topic=topic,
        reference=reference,
        attachments=[_encoded(*attachment) for attachment in attachments],
        office=office,
    )


def send_sms(phone, text, *, topic="", reference="", office=None):
    """Queue one text message to a Taiwan mobile number."""
    return _queue(
        Message.Channel.SMS,
        mobile_number(phone) or normalize_phone(phone),
        body=text,
        topic=topic,
        reference=reference,
        office=office,
    )


@task()
def deliver_message(message_id):
    """The worker's task: send one queued message (deliver). It lives beside deliver
    rather than in tasks.py, since queueing it is part of every send."""
    return deliver(message_id)


def find_template(key, office=None):
    """The office's own template under this key, else the national one; a template the
    code ships (notify/data/templates.json) is created with its first words when missing.
    None when there is none."""
    rows = Template.objects.filter(key=key)
    if office is not None:
        own = rows.filter(office=office).first()
        if own is not None:
            return own
    national = rows.filter(office__isnull=True).first()
    if national is None:
        from huzheng.notify.shipped import ensure_template

        national = ensure_template(key)
    return national


def send_template(
    key,
    to,
    values,
    *,
    language="zh-hant",
    topic="",
    reference="",
    office=None,
    person_hash="",
    attachments=(),
):
    """Queue an e-mail or SMS from the template named `key`, filled with `values`; the
    message records the template's version; the office's own template is used where it
    keeps one. TemplateError when a value is missing, TemplateNotFound for an unknown key
    or a letter template (letters go through `notify.letters.issue_letter`)."""
    template = find_template(key, office)
    if template is None or template.channel == Template.Channel.LETTER:
        raise TemplateNotFound(key)
    subject, body = render(template, values, language)
    fields = {
        "topic": topic or key,
        "reference": reference,
        "office": office,
        "template": template,
        "template_version": template.version,
        "person_hash": person_hash,
    }
    if template.channel == Template.Channel.SMS:
        return _queue(
            Message.Channel.SMS,
            mobile_number(to) or normalize_phone(to),
            body=body,
            **fields,
        )
    return _queue(
        Message.Channel.EMAIL,
        str(to or "").strip(),
        subject=subject,
        body=body,
        attachments=[_encoded(*attachment) for attachment in attachments],
        **fields,
    )


def deliver(message_id):
    """Try to send one queued message now; returns its status. Safe to call twice: a
    message already sent, failed or being sent elsewhere is left alone."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .filter(pk=message_id)
            .filter(_due(now) | _stuck(now))
            .first()
        )
        if message is None:
            return Message.objects.filter(pk=message_id).values_list("status", flat=True).first()
        message.status = Message.Status.SENDING
        message.attempts += 1
        message.next_attempt_at = now
        message.save(update_fields=["status", "attempts", "next_attempt_at"])
    try:
        backend = _send(message)
    except Exception as exc:  # any backend failure is recorded, never raised to the citizen
        logger.warning("%s to %s failed: %s", message.channel, message.recipient, exc)
        return _failed(message, exc)
    message.status = Message.Status.SENT
    message.sent_at = timezone.now()
    message.backend = backend[:120]
    message.error = ""
    message.save(update_fields=["status", "sent_at", "backend", "error"])
    return message.status


def send_due_messages(limit=500):
    """Send every message whose time has come (queued, to be retried, or lost with a
    worker); what `manage.py send_messages` runs. Returns how many were tried."""
    now = timezone.now()
    due = Message.objects.filter(_due(now) | _stuck(now)).order_by("created_at")
    ids = list(due.values_list("pk", flat=True)[:limit])
    for message_id in ids:
        deliver(message_id)
    return len(ids)


def sms_backend():
    return import_string(settings.HUZHENG_SMS_BACKEND)()


class ConsoleSMSBackend:
    """The development SMS backend: the text goes to the log, the Message row keeps it."""

    def send(self, phone, text):
        logger.info("SMS to %s: %s", phone, text)


# --- helpers ------------------------------------------------------------------------------


def _queue(channel, recipient, *, body, subject="", topic="", reference="", **fields):
    message = Message.objects.create(
        channel=channel,
        recipient=recipient[:254],
        subject=subject[:200],
        body=body,
        topic=topic[:60],
        reference=reference[:60],
        **fields,
    )
    enqueue_on_commit(deliver_message, message.pk)
    message.refresh_from_db()
    return message


def _send(message):
    if message.channel == Message.Channel.EMAIL:
        try:
            clean_email(message.recipient)
        except ValidationError:
            raise PermanentDeliveryError("not an e-mail address") from None
        if not message.recipient:
            raise PermanentDeliveryError("no e-mail address")
        email = EmailMessage(subject=message.subject, body=message.body, to=[message.recipient])
        for attachment in message.attachments:
            email.attach(
                attachment["filename"],
                base64.b64decode(attachment["content"]),
                attachment["mimetype"],
            )
        email.send()
        return settings.EMAIL_BACKEND
    if mobile_number(message.recipient) != message.recipient:
        raise PermanentDeliveryError("not a mobile number")
    sms_backend().send(message.recipient, message.body)
    return settings.HUZHENG_SMS_BACKEND


def _failed(message, exc):
    final = isinstance(exc, PermanentDeliveryError) or message.attempts >= MAX_ATTEMPTS
    message.error = str(exc)[:300]
    if final:
        message.status = Message.Status.FAILED
        message.next_attempt_at = None
    else:
        message.status = Message.Status.RETRYING
        pause = RETRY_MINUTES[min(message.attempts, len(RETRY_MINUTES)) - 1]
        message.next_attempt_at = timezone.now() + dt.timedelta(minutes=pause)
    message.save(update_fields=["status", "error", "next_attempt_at"])
    if not final:
        enqueue_on_commit(deliver_message, message.pk, run_after=message.next_attempt_at)
    return message.status


def _due(now):
    waiting = Q(status__in=[Message.Status.QUEUED, Message.Status.RETRYING])
    return waiting & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def _stuck(now):
    return Q(status=Message.Status.SENDING, next_attempt_at__lt=now - STUCK_AFTER)


def _encoded(filename, content, mimetype):
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": str(filename)[:200],
        "mimetype": str(mimetype)[:100],
        "content": base64.b64encode(content).decode("ascii"),
    }
