"""Booking under concurrency, raced with real threads against the test database (SQLite
here, PostgreSQL with DATABASE_URL): fifty people reaching for the last place, a double
tap on "book", and a place given back and taken again."""

import datetime as dt
import json

import pytest
from django.test import Client

from huzheng.appointments import services
from huzheng.appointments.models import Booking, SlotClaim
from huzheng.appointments.services import AppointmentError
from huzheng.appointments.tests.factories import (
    a_national_id,
    appointment_office,
    at,
    bookable_service,
    working_day,
)
from huzheng.core.tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setting():
    office = appointment_office("huxi", places=2)
    service = bookable_service(minutes=30)  # two grid cells: the claim covers both
    day = working_day(office, days_ahead=2)
    return office, service, at(day, 9)


def attempt(office, service, start, n, **extra):
    """One person trying to book; a refusal comes back as the error, not raised."""
    try:
        booking, _created = services.book(
            office,
            service,
            start,
            name=f"民眾{n}",
            national_id=a_national_id(n),
            phone="0912345678",
            **extra,
        )
    except AppointmentError as error:
        return error
    return booking


def test_fifty_people_booking_the_last_place_at_once_one_gets_it(setting):
    office, service, start = setting
    assert isinstance(attempt(office, service, start, 9999), Booking)  # place 1 of 2

    results, errors = race(50, lambda i: attempt(office, service, start, i))

    assert errors == []
    booked = [r for r in results if isinstance(r, Booking)]
    refused = [r for r in results if isinstance(r, AppointmentError)]
    assert len(booked) == 1
    assert len(refused) == 49
    assert {e.code for e in refused} == {"slot_full"}
    assert {e.status for e in refused} == {409}
    assert all(e.alternatives for e in refused)
    assert all(start not in {s.start for s in e.alternatives} for e in refused)
    # The database holds exactly the slot's capacity: two bookings, four cells claimed.
    assert Booking.objects.filter(start=start, status=Booking.Status.BOOKED).count() == 2
    assert SlotClaim.objects.count() == 4
    assert sorted(Booking.objects.values_list("place", flat=True)) == [1, 2]


def test_a_cancelled_place_can_be_booked_again_at_once(setting):
    office, service, start = setting
    first = attempt(office, service, start, 1)
    second = attempt(office, service, start, 2)
    assert isinstance(attempt(office, service, start, 3), AppointmentError)

    services.cancel(second)

    results, errors = race(10, lambda i: attempt(office, service, start, 100 + i))
    assert errors == []
    assert sum(isinstance(r, Booking) for r in results) == 1
    active = Booking.objects.filter(status=Booking.Status.BOOKED)
    assert active.count() == 2 and first in active


def test_the_same_idempotency_key_from_ten_threads_makes_one_booking(setting):
    office, service, start = setting
    results, errors = race(10, lambda i: attempt(office, service, start, 7, idempotency_key="tap"))
    assert errors == []
    assert all(isinstance(r, Booking) for r in results)
    assert len({r.pk for r in results}) == 1
    assert Booking.objects.count() == 1
    assert SlotClaim.objects.count() == 2


def test_twenty_apps_posting_for_the_last_place_get_one_booking_and_nineteen_409s(setting):
    office, service, start = setting
    attempt(office, service, start, 9999)

    def post(i):
        body = {
            "office": office.code,
            "service": service.slug,
            "start": start.isoformat(),
            "name": f"民眾{i}",
            "national_id": a_national_id(i),
            "phone": "0912345678",
        }
        response = Client().post(
            "/api/v1/appointments/bookings", json.dumps(body), content_type="application/json"
        )
        return response.status_code, response.json()

    results, errors = race(20, post)
    assert errors == []
    statuses = sorted(status for status, _body in results)
    assert statuses == [201] + [409] * 19
    assert all(body["alternatives"] for status, body in results if status == 409)
    assert Booking.objects.filter(status=Booking.Status.BOOKED).count() == 2


def test_twenty_bookings_by_one_person_at_once_hold_at_most_the_limit(setting):
    """Finding 2 of issue 15: the count of a person's future bookings was read before the
    insert with no lock, so parallel requests got 2 to 9 bookings where 2 is the limit."""
    office, service, start = setting
    starts = [start + dt.timedelta(minutes=30 * i) for i in range(16)]
    starts += [start + dt.timedelta(minutes=30 * i) for i in range(4)]

    results, errors = race(20, lambda i: attempt(office, service, starts[i], 1))

    assert errors == []
    booked = [r for r in results if isinstance(r, Booking)]
    refused = [r for r in results if isinstance(r, AppointmentError)]
    assert len(booked) == 2
    assert {e.code for e in refused} == {"too_many"}
    assert Booking.objects.filter(status=Booking.Status.BOOKED).count() == 2
