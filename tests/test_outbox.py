"""Messages to citizens go through one outbox (通知): the request that causes a message
only queues it, in its own transaction, and the task worker delivers it. No request
waits for a mail server."""

import json

import pytest
from django.core import mail
from django.core.management import call_command

from huzheng.appointments.tests.factories import (
    a_national_id,
    appointment_office,
    at,
    bookable_service,
    working_day,
)
from huzheng.cases import services as cases
from huzheng.cases.tests.factories import case_desk, make_case
from huzheng.notify.models import Message

# The worker opens and closes its own connections, so the test commits for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    """The task queue a one-office server runs: task rows in the database, a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_booking_request_queues_its_confirmation_and_the_worker_sends_it(client, database_queue):
    office = appointment_office("huxi")
    service = bookable_service()
    day = working_day(office)
    body = {
        "office": office.code,
        "service": service.slug,
        "start": at(day, 9).isoformat(),
        "name": "王小明",
        "national_id": a_national_id(1),
        "phone": "0912345678",
        "email": "ming@example.com",
    }
    response = client.post(
        "/api/v1/appointments/bookings", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 201
    assert mail.outbox == []  # the request sent nothing
    # The recipient is encrypted at rest: found by reading, not by the database.
    [queued] = [m for m in Message.objects.all() if m.recipient == "ming@example.com"]
    assert queued.status == Message.Status.QUEUED

    run_worker()

    queued.refresh_from_db()
    assert queued.status == Message.Status.SENT
    assert [m.to for m in mail.outbox] == [["ming@example.com"]]


def test_a_case_moving_queues_the_applicants_messages_for_the_worker(database_queue):
    desk = case_desk()
    case = make_case(desk, notify_email=True, notify_sms=True)
    cases.move_stage(case, "review", user=desk["clerk"])
    assert mail.outbox == []
    queued = Message.objects.filter(topic="case", reference=case.number)
    assert sorted(queued.values_list("channel", "status")) == [
        ("email", "queued"),
        ("sms", "queued"),
    ]

    run_worker()

    assert set(queued.values_list("status", flat=True)) == {"sent"}
    assert len(mail.outbox) == 1
