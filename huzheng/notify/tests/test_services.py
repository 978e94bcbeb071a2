"""Delivery (通知): every message, sent or failed, is kept; a failure never reaches the citizen."""

import logging

import pytest
from django.core import mail

from huzheng.notify.models import Message
from huzheng.notify.services import send_email, send_sms

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


def test_a_failing_mail_server_is_recorded_not_raised(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    message = send_email("citizen@example.com", "s", "b", reference="X")
    assert message.status == Message.Status.FAILED
    assert message.error


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
    assert message.status == Message.Status.FAILED
    assert "quota" in message.error


class RefusingBackend:
    def send(self, phone, text):
        raise RuntimeError("quota exceeded")
