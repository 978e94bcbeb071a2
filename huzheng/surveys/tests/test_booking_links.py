"""An attended appointment gets one survey link: on the manage page, on the confirmation and
in the after-visit message; the answer keeps the visit's context, never the person."""

import datetime as dt

import pytest
from django.utils import timezone

from huzheng.appointments import services as appointments
from huzheng.appointments.models import Booking
from huzheng.appointments.tests.factories import a_national_id, bookable_service
from huzheng.core.crypto import encrypt, lookup_hash
from huzheng.notify.models import Message
from huzheng.queueing.tests.factories import queue_office
from huzheng.surveys import services
from huzheng.surveys.models import Invitation, Response
from huzheng.surveys.tests.factories import finished_ticket, full_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True


@pytest.fixture
def office():
    office, _series = queue_office()
    return office


def a_booking(office, **fields):
    start = timezone.now().replace(second=0, microsecond=0)
    national_id = a_national_id(7)
    return Booking.objects.create(
        code=fields.pop("code", "B7Q2K9"),
        office=office,
        service=bookable_service(),
        start=start,
        end=start + dt.timedelta(minutes=15),
        place=1,
        name="王小明",
        national_id_hash=lookup_hash(national_id),
        national_id_encrypted=encrypt(national_id),
        national_id_masked="A10****007",
        **{"phone": "0912345678", **fields},
    )


def verified(client, booking):
    session = client.session
    session["appointments_verified"] = booking.pk
    session.save()
    return client


def test_an_attended_booking_gets_one_link_on_its_page_and_in_the_after_visit_message(
    client, office, django_capture_on_commit_callbacks
):
    survey = full_survey(office)
    booking = a_booking(office, email="wang@example.tw")
    verified(client, booking)
    assert services.booking_survey_url(booking) is None  # not before the visit
    assert "data-survey-link" not in client.get("/appointments/manage/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        appointments.mark(booking, Booking.Status.ATTENDED)
    url = services.booking_survey_url(booking)
    assert url.startswith("/surveys/a/")
    assert url in client.get("/appointments/manage/").content.decode()
    sent = Message.objects.get(topic="appointment.after_visit")
    assert sent.recipient == "wang@example.tw" and url in sent.body
    # Marked again: the same link and no second message.
    with django_capture_on_commit_callbacks(execute=True):
        appointments.mark(booking, Booking.Status.ATTENDED)
    assert services.booking_survey_url(booking) == url
    assert Message.objects.filter(topic="appointment.after_visit").count() == 1

    questions = {q.kind: q for q in survey.questions.all()}
    assert client.post(url, {f"q{questions['scale'].pk}": "5"}).status_code == 200
    answer = Response.objects.get()
    assert (answer.channel, answer.service_id) == ("booking", booking.service_id)
    field_names = {f.name for f in Response._meta.get_fields()}
    assert not field_names & {"booking", "invitation", "user", "name", "phone"}
    assert client.post(url, {f"q{questions['scale'].pk}": "5"}).status_code == 410
    assert Response.objects.count() == 1


def test_a_booking_checked_in_at_the_kiosk_shares_its_finished_tickets_link(client, office):
    full_survey(office)
    ticket = finished_ticket(office, counter_number=2)
    booking = a_booking(office, status=Booking.Status.CHECKED_IN, ticket=ticket)
    url = services.booking_survey_url(booking)
    assert url == services.ticket_survey_url(ticket)
    assert Invitation.objects.get().source == f"ticket:{ticket.pk}"  # one link a visit
    assert url in verified(client, booking).get("/appointments/manage/").content.decode()


def test_a_no_show_or_an_office_without_a_survey_gets_no_link(
    office, django_capture_on_commit_callbacks
):
    booking = a_booking(office, phone="0912000111")
    with django_capture_on_commit_callbacks(execute=True):
        appointments.mark(booking, Booking.Status.ATTENDED)
    assert services.booking_survey_url(booking) is None  # no survey open
    assert not Message.objects.filter(topic="appointment.after_visit").exists()
    full_survey(office)
    no_show = a_booking(office, code="N0SH0W", status=Booking.Status.NO_SHOW)
    assert services.booking_survey_url(no_show) is None
