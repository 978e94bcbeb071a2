"""The reminder run (預約提醒): everyone booked for tomorrow hears once, by e-mail with the
calendar file and by SMS, however often cron runs the command."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from huzheng.appointments import services
from huzheng.appointments.models import Booking
from huzheng.appointments.tests.factories import a_national_id, appointment_office, bookable_service
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db


def booking_at(office, service, start, n, *, email="", status=Booking.Status.BOOKED):
    """A booking made directly, so tomorrow may be any day of the week."""
    person = services.clean_person(
        name=f"民眾{n}", national_id=a_national_id(700 + n), phone="0912345678", email=email
    )
    return Booking.objects.create(
        code=f"REMIND{n:02d}",
        office=office,
        service=service,
        start=start,
        end=start + dt.timedelta(minutes=15),
        place=1,
        status=status,
        **person,
    )


def local(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def run():
    out = StringIO()
    call_command("send_appointment_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def office():
    return appointment_office("huxi")


@pytest.fixture
def service():
    return bookable_service()


def test_tomorrows_bookings_are_reminded_once_by_email_and_sms(office, service):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with_email = booking_at(office, service, local(tomorrow, 9), 1, email="a@example.com")
    sms_only = booking_at(office, service, local(tomorrow, 15), 2)

    assert "Sent 2 " in run()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["a@example.com"]
    assert with_email.code in message.subject
    calendars = [a for a in message.attachments if "calendar" in (a[2] or "")]
    assert calendars and "BEGIN:VCALENDAR" in str(calendars[0][1])
    sms = Message.objects.filter(channel="sms", topic="appointment.reminder")
    assert {m.reference for m in sms} == {with_email.code, sms_only.code}
    assert Booking.objects.filter(reminded_at__isnull=False).count() == 2


def test_running_again_sends_nothing_more(office, service):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    booking_at(office, service, local(tomorrow, 10), 1, email="b@example.com")
    run()
    messages_before = Message.objects.count()

    assert "Sent 0 " in run()

    assert len(mail.outbox) == 1
    assert Message.objects.count() == messages_before


def test_only_tomorrows_booked_appointments_are_reminded(office, service):
    today = timezone.localdate()
    booking_at(office, service, local(today, 16) + dt.timedelta(hours=2), 1)  # today
    booking_at(office, service, local(today + dt.timedelta(days=2), 9), 2)  # the day after
    booking_at(
        office,
        service,
        local(today + dt.timedelta(days=1), 9),
        3,
        status=Booking.Status.CANCELLED,
    )

    assert "Sent 0 " in run()

    assert not mail.outbox
    assert not Message.objects.filter(topic="appointment.reminder").exists()


def test_the_help_says_how_to_schedule_the_command():
    from huzheng.appointments.management.commands.send_appointment_reminders import Command

    assert "cron" in Command.help
    assert "systemd" in Command.help
