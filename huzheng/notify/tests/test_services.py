"""The outbox (通知): every message is queued with the change that caused it, sent by a
background task, tried again after a failure, and kept with its outcome; a failure never
reaches the citizen."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from huzheng.notify import services
from huzheng.notify.models import Message
from huzheng.notify.services import MAX_ATTEMPTS, send_email, send_sms

pytestmark = pytest.mark.django_db


def test_an_email_goes_through_djangos_backend_with_its_attachment_and_is_kept():
    message = send_email(
        "citizen@example.com",
        "預約成功",
        "內文",
        topic="appointment.booked",
        reference="ABCD2345",
        attachments=[("a.ics", b"BEGIN:VCALENDAR", "text/calendar")],
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["citizen@example.com"]
    assert mail.outbox[0].attachments[0][0] == "a.ics"
    assert message.status == Message.Status.SENT
    assert (message.topic, message.reference) == ("appointment.booked", "ABCD2345")


def test_a_failing_mail_server_is_recorded_not_raised_and_tried_again_later(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    message = send_email("citizen@example.com", "s", "b", reference="X")
    assert message.status == Message.Status.RETRYING
    assert message.error
    assert message.attempts == 1
    assert message.next_attempt_at > timezone.now()


def test_the_development_sms_backend_writes_the_text_to_the_log(caplog):
    with caplog.at_level(logging.INFO, logger="huzheng.notify"):
        message = send_sms("0912-345-678", "明天上午9:00預約", reference="ABCD2345")
    assert message.status == Message.Status.SENT
    assert message.recipient == "0912345678"
    assert "明天上午9:00預約" in caplog.text


def test_a_number_that_cannot_take_a_text_is_recorded_as_failed():
    message = send_sms("not a phone", "text")
    assert message.status == Message.Status.FAILED
    assert Message.objects.count() == 1


def test_a_provider_backend_is_chosen_in_settings(settings):
    settings.HUZHENG_SMS_BACKEND = "huzheng.notify.tests.test_services.RefusingBackend"
    message = send_sms("0912345678", "text")
    assert message.status == Message.Status.RETRYING
    assert "quota" in message.error


def test_a_failing_provider_is_tried_again_after_each_pause_then_marked_failed(settings):
    settings.HUZHENG_SMS_BACKEND = "huzheng.notify.tests.test_services.RefusingBackend"
    message = send_sms("0912345678", "明天上午9:00預約")
    assert call_command("send_messages") is None  # nothing is due before the pause ends
    message.refresh_from_db()
    assert message.attempts == 1
    for attempt in range(2, MAX_ATTEMPTS + 1):
        Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        call_command("send_messages")
        message.refresh_from_db()
        assert message.attempts == attempt
    assert message.status == Message.Status.FAILED
    assert message.next_attempt_at is None
    assert "quota" in message.error


def test_a_provider_that_recovers_sends_the_message_on_the_next_try(settings):
    settings.HUZHENG_SMS_BACKEND = "huzheng.notify.tests.test_services.RefusingBackend"
    message = send_sms("0912345678", "text")
    settings.HUZHENG_SMS_BACKEND = "huzheng.notify.services.ConsoleSMSBackend"
    Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    call_command("send_messages")
    message.refresh_from_db()
    assert (message.status, message.attempts, message.error) == (Message.Status.SENT, 2, "")
    assert message.sent_at is not None


def test_a_message_queued_by_a_change_that_rolls_back_is_never_sent(settings):
    # With the database task queue, the task row is written in the change's transaction.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        send_email("citizen@example.com", "預約成功", "內文")
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the booking was refused after all")
    assert Message.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
    assert mail.outbox == []


def test_a_queued_message_waits_for_the_worker_and_is_sent_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    message = send_email("citizen@example.com", "預約成功", "內文")
    assert message.status == Message.Status.QUEUED
    assert mail.outbox == []
    assert services.deliver(message.pk) == Message.Status.SENT
    assert services.deliver(message.pk) == Message.Status.SENT  # a second task sends nothing
    assert len(mail.outbox) == 1


def test_a_message_lost_with_its_worker_while_sending_is_tried_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    message = send_email("citizen@example.com", "s", "b")
    long_ago = timezone.now() - dt.timedelta(hours=1)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, attempts=1, next_attempt_at=long_ago
    )
    call_command("send_messages")
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 2)


def test_an_address_that_is_not_one_fails_at_once_without_retries():
    message = send_email("not an address\nBcc: x@example.com", "s", "b")
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert mail.outbox == []


class RefusingBackend:
    def send(self, phone, text):
        raise RuntimeError("quota exceeded")
