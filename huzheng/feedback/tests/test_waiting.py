"""The three working days stop only while the office waits for the writer's reply: the
days left when the clock stopped count again from the day of the reply, on the office's
working-day calendar (Lunar New Year, a declared typhoon day)."""

import datetime as dt

import pytest
from django.utils import translation

from huzheng.core.models import SpecialDay
from huzheng.core.roles import REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import deadlines, services, tracking
from huzheng.feedback.models import Status
from huzheng.feedback.tests.factories import counted_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi", director_email="director@huxi.example")


def test_the_clock_stops_while_waiting_and_the_days_left_count_from_the_reply(office):
    # Received Friday 13 February 2026: due Wednesday 25 February (Lunar New Year).
    message = counted_message(office, received_on=dt.date(2026, 2, 13))
    assert message.due_on == dt.date(2026, 2, 25)
    # Monday 23 February the clerk asks the writer for a document: two days are left.
    message = services.wait_for_citizen(message, note="請補附戶籍謄本", on=dt.date(2026, 2, 23))
    assert message.status == Status.WAITING and message.waiting_since == dt.date(2026, 2, 23)
    # Waiting past the old due day is not overdue: no escalation, no reminder.
    assert deadlines.escalate_overdue(dt.date(2026, 3, 2)) == 0
    assert deadlines.send_reminders(dt.date(2026, 2, 25)) == 0
    # The office closes on Friday 6 March for a typhoon.
    SpecialDay.objects.create(
        office=office, date=dt.date(2026, 3, 6), kind="typhoon", reason="颱風"
    )
    # The writer replies on Thursday 5 March: Monday 9 March and Tuesday 10 March.
    message = services.resume(message, on=dt.date(2026, 3, 5))
    assert message.due_on == dt.date(2026, 3, 10)
    assert message.status == Status.RECEIVED and message.waiting_since is None
    actions = list(message.events.values_list("action", flat=True))
    assert actions[-2:] == ["waiting", "resumed"]
    with translation.override("en"):
        timeline = [str(label) for label, _at in tracking.public_timeline(message)]
    assert timeline[-2:] == [
        "Waiting for your reply",
        "Your reply was received",
    ]


def test_waiting_from_the_due_day_resumes_due_on_the_day_of_the_reply(office):
    # Received Monday 2 March 2026: due Thursday 5 March; the clock stops that day.
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    message = counted_message(office, received_on=dt.date(2026, 3, 2))
    services.assign(message, clerk)
    message = services.wait_for_citizen(message, note="請來電說明", on=dt.date(2026, 3, 5))
    message = services.resume(message, on=dt.date(2026, 3, 12))
    assert message.due_on == dt.date(2026, 3, 12)
    assert message.status == Status.ASSIGNED and message.assigned_to == clerk


def test_a_wait_needs_a_reason_and_only_a_waiting_message_resumes(office):
    message = counted_message(office, received_on=dt.date(2026, 3, 2))
    with pytest.raises(services.FeedbackError):
        services.wait_for_citizen(message, note="  ")
    with pytest.raises(services.FeedbackError):
        services.resume(message)
    message.refresh_from_db()
    assert message.status == Status.RECEIVED and message.due_on == dt.date(2026, 3, 5)
    waiting = services.wait_for_citizen(message, note="補件", on=dt.date(2026, 3, 3))
    with pytest.raises(services.FeedbackError):
        services.resume(waiting, on=dt.date(2026, 3, 2))
    with pytest.raises(services.FeedbackError):
        services.answer(waiting, "回覆", user=None)


def test_staff_stop_and_restart_the_clock_from_the_desk(client, office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    client.force_login(clerk)
    message = counted_message(office)
    client.post(f"/admin/feedback/{message.pk}/wait/", {"note": ""})
    message.refresh_from_db()
    assert message.status == Status.RECEIVED
    client.post(f"/admin/feedback/{message.pk}/wait/", {"note": "請補件"})
    message.refresh_from_db()
    assert message.status == Status.WAITING
    page = client.get("/admin/feedback/").content.decode()
    assert message.number in page
    assert "feedback-resume" in client.get(f"/admin/feedback/{message.pk}/").content.decode()
    client.post(f"/admin/feedback/{message.pk}/resume/")
    message.refresh_from_db()
    assert message.status == Status.RECEIVED
    elsewhere = counted_message(OfficeFactory(code="magong"))
    assert client.post(f"/admin/feedback/{elsewhere.pk}/wait/", {"note": "x"}).status_code == 404
