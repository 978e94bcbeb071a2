"""The appointments API: anyone may see the free times, book and cancel with the same
rules as the web form; a retry gives the same booking; every bad request is answered
with a clear JSON error in the asked language, changes nothing and never echoes an ID
number back."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from huzheng.appointments import services
from huzheng.appointments.models import Booking, SlotClaim
from huzheng.appointments.tests.factories import (
    a_national_id,
    appointment_office,
    at,
    bookable_service,
    working_day,
)
from huzheng.core.identity import mask

pytestmark = pytest.mark.django_db

SLOTS = "/api/v1/appointments/slots"
BOOKINGS = "/api/v1/appointments/bookings"


@pytest.fixture
def office():
    return appointment_office("huxi", places=1)


@pytest.fixture
def service():
    return bookable_service("id-card-replacement", minutes=15)


@pytest.fixture
def day(office):
    return working_day(office, days_ahead=2)


def post(client, url, body, **headers):
    payload = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url, payload, content_type="application/json", **headers)


def booking_body(day, n=1, **overrides):
    return {
        "office": "huxi",
        "service": "id-card-replacement",
        "start": at(day, 9).isoformat(),
        "name": "王小明",
        "national_id": a_national_id(n),
        "phone": "0912345678",
        "email": "ming@example.com",
        **overrides,
    }


def error_fields(response):
    return {e["field"] for e in response.json().get("errors", [])}


# --- slots -----------------------------------------------------------------------------------


def test_the_free_times_of_a_day_come_with_taipei_offsets(client, office, service, day):
    response = client.get(SLOTS, {"office": "huxi", "service": service.slug, "date": str(day)})
    assert response.status_code == 200
    body = response.json()
    assert body["office"] == "huxi" and body["service"] == service.slug
    assert body["date"] == day.isoformat()
    first = body["slots"][0]
    assert first == {
        "start": f"{day.isoformat()}T08:00:00+08:00",
        "end": f"{day.isoformat()}T08:15:00+08:00",
        "capacity": 1,
        "available": 1,
    }
    # 08:00–12:00, the noon span and 13:30–17:00 on a 15-minute grid.
    assert len(body["slots"]) == 36
    assert any(s["start"].endswith("T12:30:00+08:00") for s in body["slots"])


def test_a_booked_time_shows_no_place_left(client, office, service, day):
    assert post(client, BOOKINGS, booking_body(day)).status_code == 201
    body = client.get(SLOTS, {"office": "huxi", "service": service.slug, "date": str(day)}).json()
    nine = next(s for s in body["slots"] if s["start"].endswith("T09:00:00+08:00"))
    assert nine["available"] == 0


def test_an_unknown_office_is_404(client, service, day):
    response = client.get(SLOTS, {"office": "nowhere", "service": service.slug, "date": str(day)})
    assert response.status_code == 404
    assert response.json()["code"] == "office_not_found"


@pytest.mark.parametrize("slug", ["no-such-service", "not-bookable"])
def test_an_unknown_or_unbookable_service_is_422_naming_the_field(client, office, day, slug):
    bookable_service("not-bookable", bookable=False)
    response = client.get(SLOTS, {"office": "huxi", "service": slug, "date": str(day)})
    assert response.status_code == 422
    assert error_fields(response) == {"service"}


@pytest.mark.parametrize("date", ["tomorrow", "2026-13-01", "20261201", "2026-02-30", "", "ä" * 30])
def test_a_malformed_date_is_422(client, office, service, date):
    response = client.get(SLOTS, {"office": "huxi", "service": service.slug, "date": date})
    assert response.status_code == 422
    assert "date" in error_fields(response)


@pytest.mark.parametrize("offset", [-1, 400, 365 * 5000])
def test_a_date_outside_the_window_has_no_slots(client, office, service, offset):
    day = timezone.localdate() + dt.timedelta(days=offset)
    if offset > 3000:
        day = dt.date(9999, 12, 31)
    response = client.get(SLOTS, {"office": "huxi", "service": service.slug, "date": str(day)})
    assert response.status_code == 200
    assert response.json()["slots"] == []


def test_missing_query_parameters_are_422(client, office):
    response = client.get(SLOTS, {"office": "huxi"})
    assert response.status_code == 422
    assert {"service", "date"} <= error_fields(response)


# --- booking ---------------------------------------------------------------------------------


def test_a_booking_answers_its_code_and_where_to_manage_it(client, office, service, day):
    response = post(client, BOOKINGS, booking_body(day))
    assert response.status_code == 201
    body = response.json()
    booking = Booking.objects.get()
    assert body == {
        "code": booking.code,
        "office": "huxi",
        "service": "id-card-replacement",
        "start": f"{day.isoformat()}T09:00:00+08:00",
        "end": f"{day.isoformat()}T09:15:00+08:00",
        "status": "booked",
        "manage_url": f"http://testserver/appointments/manage/?code={booking.code}",
    }
    assert a_national_id(1) not in response.content.decode()
    assert booking.national_id_masked == mask(a_national_id(1))


def test_the_same_idempotency_key_again_gives_the_same_booking(client, office, service, day):
    first = post(client, BOOKINGS, booking_body(day, idempotency_key="retry-1"))
    again = post(client, BOOKINGS, booking_body(day, idempotency_key="retry-1"))
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["code"] == first.json()["code"]
    assert Booking.objects.count() == 1


def test_a_full_slot_is_409_with_the_nearest_free_times(client, office, service, day):
    assert post(client, BOOKINGS, booking_body(day, n=1)).status_code == 201
    response = post(client, BOOKINGS, booking_body(day, n=2))
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "slot_full"
    assert body["message"]
    starts = [s["start"] for s in body["alternatives"]]
    assert f"{day.isoformat()}T09:15:00+08:00" in starts
    assert f"{day.isoformat()}T08:45:00+08:00" in starts
    assert all(s["available"] >= 1 for s in body["alternatives"])
    assert Booking.objects.count() == 1


def test_every_bad_field_is_named_at_once(client, office, day):
    body = booking_body(
        day,
        service="no-such-service",
        start="next tuesday",
        name="   ",
        national_id="A123456788",
        phone="12",
        email="not-an-address",
    )
    response = post(client, BOOKINGS, body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert error_fields(response) == {"service", "start", "name", "national_id", "phone", "email"}
    assert Booking.objects.count() == 0


def test_an_unknown_office_in_a_booking_is_a_bad_field(client, service, day):
    response = post(client, BOOKINGS, booking_body(day, office="nowhere"))
    assert response.status_code == 422
    assert error_fields(response) == {"office"}


def test_a_wrong_id_number_is_never_echoed_in_full(client, office, service, day):
    response = post(client, BOOKINGS, booking_body(day, national_id="A123456788"))
    assert response.status_code == 422
    assert "A123456788" not in response.content.decode()
    assert "A12****78*" in response.content.decode()


def test_errors_speak_the_asked_language_chinese_by_default(client, office, service, day):
    def national_id_error(**headers):
        response = post(client, BOOKINGS, booking_body(day, national_id=" "), **headers)
        assert response.status_code == 422
        return next(e["message"] for e in response.json()["errors"] if e["field"] == "national_id")

    assert national_id_error(HTTP_ACCEPT_LANGUAGE="en") == "Please enter an ID number."
    assert national_id_error() == "請輸入身分證統一編號。"


@pytest.mark.parametrize(
    "start,code",
    [
        ("09:07", "no_such_slot"),  # not on the 15-minute grid
        ("07:00", "no_such_slot"),  # before opening
        ("16:55", "no_such_slot"),  # would run past closing
    ],
)
def test_a_start_that_is_not_a_slot_is_422(client, office, service, day, start, code):
    hour, minute = map(int, start.split(":"))
    response = post(client, BOOKINGS, booking_body(day, start=at(day, hour, minute).isoformat()))
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert error_fields(response) == {"start"}
    assert Booking.objects.count() == 0


def test_a_start_in_the_past_is_422(client, office, service):
    past = timezone.localtime() - dt.timedelta(days=1)
    response = post(client, BOOKINGS, booking_body(past.date(), start=past.isoformat()))
    assert response.status_code == 422
    assert response.json()["code"] == "in_the_past"
    assert error_fields(response) == {"start"}


def test_a_start_beyond_the_window_is_422(client, office, service):
    far = working_day(office, days_ahead=60)
    response = post(client, BOOKINGS, booking_body(far))
    assert response.status_code == 422
    assert response.json()["code"] == "outside_window"


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        "[]",
        "null",
        '"a string"',
        b"\xff\xfe\x00",
        json.dumps({"office": "huxi"}),
    ],
)
def test_garbage_is_422_and_writes_nothing(client, office, service, payload):
    response = post(client, BOOKINGS, payload)
    assert response.status_code in (400, 422)
    assert response.json()["code"]
    assert Booking.objects.count() == 0


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", "王" * 5000),
        ("national_id", "A" * 1000),
        ("phone", "0" * 1000),
        ("email", "a" * 300 + "@example.com"),
        ("idempotency_key", "k" * 500),
        ("service", "s" * 500),
        ("start", "2" * 1000),
        ("name", 12345),
        ("national_id", ["A123456789"]),
        ("start", {"hour": 9}),
        ("phone", None),
        ("email", True),
    ],
)
def test_huge_strings_and_wrong_types_are_422_naming_the_field(client, office, day, field, value):
    bookable_service()
    response = post(client, BOOKINGS, booking_body(day, **{field: value}))
    assert response.status_code == 422
    assert field in error_fields(response)
    assert Booking.objects.count() == 0


def test_control_characters_and_markup_in_a_name_do_not_break_anything(
    client, office, service, day
):
    response = post(client, BOOKINGS, booking_body(day, name="<script>王\x01小明</script>"))
    assert response.status_code in (201, 422)
    assert response["Content-Type"].startswith("application/json")
    # A NUL byte is refused before any view, in JSON, and books nothing.
    response = post(client, BOOKINGS, booking_body(day, name="<script>王\x00小明</script>"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_too_many_bookings_for_one_person_are_409(client, office, service, day):
    for hour in (9, 10):
        assert (
            post(client, BOOKINGS, booking_body(day, start=at(day, hour).isoformat())).status_code
            == 201
        )
    response = post(client, BOOKINGS, booking_body(day, start=at(day, 11).isoformat()))
    assert response.status_code == 409
    assert response.json()["code"] == "too_many"


# --- cancelling ------------------------------------------------------------------------------


def test_a_booking_is_cancelled_with_its_code_and_id_number(client, office, service, day):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    response = post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": a_national_id(1)})
    assert response.status_code == 200
    assert response.json() == {"code": code, "status": "cancelled"}
    assert SlotClaim.objects.count() == 0
    # The place is free at once.
    assert post(client, BOOKINGS, booking_body(day, n=2)).status_code == 201


def test_cancelling_twice_is_harmless(client, office, service, day):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    url = f"{BOOKINGS}/{code}/cancel"
    post(client, url, {"national_id": a_national_id(1)})
    again = post(client, url, {"national_id": a_national_id(1)})
    assert again.status_code == 200 and again.json()["status"] == "cancelled"


def test_a_wrong_code_and_a_wrong_id_get_the_same_answer(client, office, service, day):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    wrong_code = post(client, f"{BOOKINGS}/ZZZZZZZZ/cancel", {"national_id": a_national_id(1)})
    wrong_id = post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": a_national_id(2)})
    bad_id = post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": "nonsense"})
    assert wrong_code.status_code == wrong_id.status_code == bad_id.status_code == 404
    assert wrong_code.json() == wrong_id.json() == bad_id.json()
    assert wrong_code.json()["code"] == "booking_not_found"
    assert Booking.objects.get().status == Booking.Status.BOOKED


@pytest.mark.parametrize("path_code", ["x" * 500, "%E7%8E%8B", "..%2F..", "A' OR 1=1 --"])
def test_hostile_codes_are_not_found(client, office, service, path_code):
    response = post(client, f"{BOOKINGS}/{path_code}/cancel", {"national_id": a_national_id(1)})
    assert response.status_code == 404


@pytest.mark.parametrize("payload", ["{}", '{"national_id": 42}', "garbage"])
def test_a_cancel_without_an_id_number_is_422(client, office, service, day, payload):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    response = post(client, f"{BOOKINGS}/{code}/cancel", payload)
    assert response.status_code in (400, 422)
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_a_used_booking_cannot_be_cancelled(client, office, service, day):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    Booking.objects.update(status=Booking.Status.ATTENDED)
    response = post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": a_national_id(1)})
    assert response.status_code == 409
    assert response.json()["code"] == "not_cancellable"


def test_guessing_id_numbers_is_slowed_down(client, office, service, day):
    code = post(client, BOOKINGS, booking_body(day)).json()["code"]
    answers = [
        post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": a_national_id(n)}).status_code
        for n in range(100, 115)
    ]
    assert answers[:10] == [404] * 10
    assert set(answers[10:]) == {429}
    limited = post(client, f"{BOOKINGS}/{code}/cancel", {"national_id": a_national_id(1)})
    assert limited.status_code == 429
    assert limited.json()["code"] == "too_many_requests"
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_no_csrf_token_or_sign_in_is_needed(office, service, day):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert post(client, BOOKINGS, booking_body(day)).status_code == 201


def test_the_api_and_the_services_agree_on_the_slots(client, office, service, day):
    api = client.get(SLOTS, {"office": "huxi", "service": service.slug, "date": str(day)}).json()
    direct = [s.as_dict() for s in services.day_slots(office, service, day)]
    assert api["slots"] == direct


def test_a_body_too_large_to_read_is_refused_plainly(client, office, service, day):
    body = booking_body(day, name="王" * 2_000_000)
    response = post(client, BOOKINGS, body)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert Booking.objects.count() == 0


def test_the_openapi_document_describes_the_booking_body(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/appointments/bookings"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"office", "service", "start", "name", "national_id", "phone"} <= set(schema["required"])
