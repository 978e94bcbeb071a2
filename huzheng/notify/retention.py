"""How long the outbox keeps what was said to whom (通知紀錄保存期限), per message type.

`settings.HUZHENG_MESSAGE_RETENTION_DAYS` maps a topic, or the start of one
("appointment" covers "appointment.reminder"), to a number of days; the most specific
entry wins and "" holds for every other topic. Past it, a message that is finished (sent,
delivered or failed) keeps its type, channel, status, dates and template version, so the
figures still count it, but loses the recipient, the words and the person's hash.
`manage.py purge_messages` runs it daily; running it twice changes nothing more."""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from huzheng.notify.models import Message

FINAL_STATUSES = (Message.Status.SENT, Message.Status.DELIVERED, Message.Status.FAILED)


def rules():
    """{topic prefix: days} from the setting; a value of None keeps that type for good."""
    configured = getattr(settings, "HUZHENG_MESSAGE_RETENTION_DAYS", {}) or {}
    return {str(prefix).strip(): days for prefix, days in configured.items()}


def retention_days(topic, table=None):
    """The days a message of this topic is kept, or None when it is kept for good."""
    table = rules() if table is None else table
    matches = [prefix for prefix in table if _covers(prefix, topic)]
    if not matches:
        return None
    return table[max(matches, key=len)]


def purge_expired(now=None):
    """Anonymise every finished message past its type's retention; returns how many."""
    now = now or timezone.now()
    table = rules()
    purged = 0
    for prefix, days in table.items():
        if days is None:
            continue
        more_specific = [other for other in table if other != prefix and _covers(prefix, other)]
        rows = Message.objects.filter(
            _topic_q(prefix),
            status__in=FINAL_STATUSES,
            purged_at__isnull=True,
            created_at__lt=now - dt.timedelta(days=int(days)),
        )
        for other in more_specific:
            rows = rows.exclude(_topic_q(other))
        purged += rows.update(
            recipient="",
            subject="",
            body="",
            attachments=[],
            person_hash="",
            error="",
            purged_at=now,
        )
    return purged


def _covers(prefix, topic):
    return prefix == "" or topic == prefix or str(topic).startswith(prefix + ".")


def _topic_q(prefix):
    if prefix == "":
        return Q()
    return Q(topic=prefix) | Q(topic__startswith=prefix + ".")
