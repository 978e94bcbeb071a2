"""Keeping the three working days: reminders, escalation to the director and the daily
digest, run as the tasks the worker runs."""

import datetime as dt

import pytest
from django.core import mail

from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import deadlines, tasks
from huzheng.feedback.tests.factories import CategoryFactory, counted_message
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi", director_email="director@huxi.example")


@pytest.fixture
def clerk(office):
    staff = StaffFactory(office=office, roles=[REGISTRAR])
    staff.user.email = "clerk@huxi.example"
    staff.user.save()
    return staff.user


def test_reminders_at_half_time_and_on_the_due_day_once_each(office, clerk):
    # Received Monday 2 March 2026: due Thursday 5 March.
    category = CategoryFactory(office=office, assignee=clerk)
    message = counted_message(office, category=category, received_on=dt.date(2026, 3, 2))
    assert message.due_on == dt.date(2026, 3, 5)
    assert deadlines.send_reminders(dt.date(2026, 3, 3)) == 0
    assert deadlines.send_reminders(dt.date(2026, 3, 4)) == 1
    assert deadlines.send_reminders(dt.date(2026, 3, 4)) == 0
    assert deadlines.send_reminders(dt.date(2026, 3, 5)) == 1
    assert deadlines.send_reminders(dt.date(2026, 3, 5)) == 0
    # The recipient is encrypted at rest (issue 15, finding 8): compared after reading.
    reminders = Message.objects.filter(topic="feedback.reminder")
    assert [m.recipient for m in reminders].count(clerk.email) == 2


def test_an_overdue_message_escalates_to_the_director_once_as_a_task(office, clerk):
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    director.email = "chief@huxi.example"
    director.save()
    message = counted_message(office, received_on=dt.date(2026, 3, 2))
    answered = counted_message(office, received_on=dt.date(2026, 3, 2))
    from huzheng.feedback import services

    services.answer(answered, "已處理。", user=clerk)
    mail.outbox.clear()
    result = tasks.escalate_overdue.enqueue()
    assert result.return_value == 1
    escalations = Message.objects.filter(topic="feedback.escalation", reference=message.number)
    assert sorted(escalations.values_list("recipient", flat=True)) == [
        "chief@huxi.example",
        "director@huxi.example",
    ]
    assert {m.to[0] for m in mail.outbox} == {"chief@huxi.example", "director@huxi.example"}
    assert tasks.escalate_overdue.enqueue().return_value == 0
    message.refresh_from_db()
    assert message.escalated_at is not None
    assert message.events.filter(action="escalated").count() == 1


def test_the_directors_daily_digest_as_a_task(office, clerk):
    counted_message(office, received_on=dt.date(2026, 3, 2))
    result = tasks.send_digests.enqueue()
    assert result.return_value == 1
    digest = Message.objects.get(topic="feedback.digest")
    assert digest.recipient == "director@huxi.example"
    assert tasks.send_digests.enqueue().return_value == 0
    figures = deadlines.digest_figures(office, dt.date(2026, 3, 5))
    assert figures["open"] == 1 and figures["due_today"] == 1


def test_the_daily_command_queues_all_three(office, clerk):
    from django.core.management import call_command

    counted_message(office, received_on=dt.date(2026, 3, 2))
    call_command("feedback_daily", verbosity=0)
    assert Message.objects.filter(topic="feedback.escalation").exists()
    assert Message.objects.filter(topic="feedback.digest").exists()
