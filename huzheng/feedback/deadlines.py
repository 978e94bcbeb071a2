"""Keeping the three working days (處理期限): reminders to the staff member in charge at
half time and on the due day, escalation of overdue messages to the director, and the
director's daily digest. Run once a day by `manage.py feedback_daily` (or its tasks);
each step is idempotent, so running it twice sends nothing twice."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core import roc
from huzheng.core.models import Office
from huzheng.core.services import working_days_between
from huzheng.feedback.models import OPEN_STATUSES, FeedbackMessage, MessageEvent, Status
from huzheng.feedback.services import ANSWER_WORKING_DAYS, directors


def send_reminders(today=None):
    """Remind assignees of open messages at half time and on the due day; returns the
    number of reminders queued."""
    today = today or roc.today()
    sent = 0
    rows = FeedbackMessage.objects.filter(
        status__in=OPEN_STATUSES, assigned_to__isnull=False, due_on__gte=today
    ).filter(Q(half_time_reminded=False) | Q(due_day_reminded=False))
    for message in rows.select_related("office", "assigned_to"):
        with transaction.atomic():
            message = FeedbackMessage.objects.select_for_update().get(pk=message.pk)
            kind = _reminder_due(message, today)
            if kind is None or not message.assigned_to or not message.assigned_to.email:
                continue
            setattr(message, kind, True)
            message.save(update_fields=[kind])
            _staff_mail(
                message.assigned_to.email,
                message.office,
                _("Due on %(date)s: message %(number)s")
                % {"date": roc.format_short(message.due_on), "number": message.number},
                _("Message %(number)s (“%(subject)s”) must be answered by %(date)s.\n")
                % {
                    "number": message.number,
                    "subject": message.subject,
                    "date": roc.format_long(message.due_on),
                },
                topic="feedback.reminder",
                reference=message.number,
            )
            MessageEvent.objects.create(
                message=message, action="reminded", status=message.status, at=timezone.now()
            )
            sent += 1
    return sent


def escalate_overdue(today=None):
    """Tell the director of every open message past its due day, once; returns how many."""
    today = today or roc.today()
    count = 0
    overdue = FeedbackMessage.objects.filter(
        status__in=OPEN_STATUSES, due_on__lt=today, escalated_at__isnull=True
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            message = (
                FeedbackMessage.objects.select_for_update().select_related("office").get(pk=pk)
            )
            if message.escalated_at is not None or message.status not in OPEN_STATUSES:
                continue
            message.escalated_at = timezone.now()
            message.save(update_fields=["escalated_at"])
            MessageEvent.objects.create(
                message=message, action="escalated", status=message.status, at=message.escalated_at
            )
            for address in _director_addresses(message.office):
                _staff_mail(
                    address,
                    message.office,
                    _("Overdue: message %(number)s") % {"number": message.number},
                    _(
                        "Message %(number)s (“%(subject)s”) was due on %(date)s and is not "
                        "answered yet.\n"
                    )
                    % {
                        "number": message.number,
                        "subject": message.subject,
                        "date": roc.format_long(message.due_on),
                    },
                    topic="feedback.escalation",
                    reference=message.number,
                )
            count += 1
    return count


def send_digests(today=None):
    """The director's daily digest (每日摘要) for every office with open messages;
    returns the number of digests queued. One per office and day."""
    today = today or roc.today()
    sent = 0
    for office in Office.objects.filter(is_active=True):
        figures = digest_figures(office, today)
        if not any(figures.values()):
            continue
        reference = f"{office.code}-{today.isoformat()}"
        from huzheng.notify.models import Message

        with transaction.atomic():
            if Message.objects.filter(topic="feedback.digest", reference=reference).exists():
                continue
            lines = [
                _("New yesterday: %(count)s") % {"count": figures["new"]},
                _("Open: %(count)s") % {"count": figures["open"]},
                _("Due today: %(count)s") % {"count": figures["due_today"]},
                _("Overdue: %(count)s") % {"count": figures["overdue"]},
                _("Replies waiting for your review: %(count)s") % {"count": figures["review"]},
            ]
            for address in _director_addresses(office):
                _staff_mail(
                    address,
                    office,
                    _("Citizens' messages on %(date)s") % {"date": roc.format_long(today)},
                    "\n".join(lines) + "\n",
                    topic="feedback.digest",
                    reference=reference,
                )
                sent += 1
    return sent


def digest_figures(office, today):
    rows = FeedbackMessage.objects.filter(office=office)
    open_rows = rows.filter(status__in=OPEN_STATUSES)
    return {
        "new": rows.exclude(status=Status.UNCONFIRMED)
        .filter(received_on=today - dt.timedelta(days=1))
        .count(),
        "open": open_rows.count(),
        "due_today": open_rows.filter(due_on=today).count(),
        "overdue": open_rows.filter(due_on__lt=today).count(),
        "review": open_rows.exclude(draft_reply="").count(),
    }


def _reminder_due(message, today):
    if not message.due_day_reminded and today == message.due_on:
        return "due_day_reminded"
    elapsed = working_days_between(message.office, message.received_on, today)
    if (
        not message.half_time_reminded
        and elapsed * 2 >= ANSWER_WORKING_DAYS
        and today < message.due_on
    ):
        return "half_time_reminded"
    return None


def _director_addresses(office):
    addresses = [u.email for u in directors(office) if u.email]
    if office.director_email and office.director_email not in addresses:
        addresses.append(office.director_email)
    return addresses


def _staff_mail(to, office, subject, body, *, topic, reference):
    from huzheng.notify import services as notify

    notify.send_email(to, subject, body, topic=topic, reference=reference, office=office)
