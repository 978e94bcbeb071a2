"""Retention per message type: past its type's days a finished message loses the
recipient and the words but stays counted; the most specific type wins; a message still
waiting to be sent is never touched; the daily task purges once."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from huzheng.notify import retention, tasks
from huzheng.notify.models import Message
from huzheng.notify.services import send_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(settings):
    settings.HUZHENG_MESSAGE_RETENTION_DAYS = {
        "": 365,
        "appointment": 90,
        "feedback.reply": None,
        "feedback": 30,
    }


def _sent(topic, days_ago, **fields):
    message = send_email("ming@example.com", "主旨", "王小明 您好", topic=topic, reference="R1")
    Message.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago), **fields
    )
    return message.pk


def test_the_most_specific_type_decides_how_long_a_message_is_kept(rules):
    assert retention.retention_days("appointment.reminder") == 90
    assert retention.retention_days("appointment") == 90
    assert retention.retention_days("appointments.x") == 365
    assert retention.retention_days("feedback.confirm") == 30
    assert retention.retention_days("feedback.reply") is None
    assert retention.retention_days("idcard.ready") == 365


def test_messages_past_their_types_retention_lose_their_personal_data_as_a_task(rules):
    old_booking = _sent("appointment.reminder", 91)
    new_booking = _sent("appointment.booked", 89)
    old_confirm = _sent("feedback.confirm", 31)
    kept_reply = _sent("feedback.reply", 4000)
    old_other = _sent("idcard.ready", 366, person_hash="abc")
    waiting = _sent("case", 400, status=Message.Status.RETRYING)
    assert tasks.purge_messages.enqueue().return_value == 3
    purged = Message.objects.filter(purged_at__isnull=False)
    assert set(purged.values_list("pk", flat=True)) == {old_booking, old_confirm, old_other}
    for message in purged:
        assert (message.recipient, message.subject, message.body) == ("", "", "")
        assert message.person_hash == "" and message.attachments == []
        # Still counted: type, channel, status and reference stay.
        assert message.status == Message.Status.SENT and message.topic
    for pk in (new_booking, kept_reply, waiting):
        assert Message.objects.get(pk=pk).recipient == "ming@example.com"
    call_command("purge_messages")
    assert Message.objects.filter(purged_at__isnull=False).count() == 3
