"""The queue's API: only registered kiosks and staff issue tickets, a retried request gives
the same ticket, staff act through their session, and every bad request is answered
with a clear JSON error and changes nothing."""

import datetime as dt
import json
import uuid
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from huzheng.catalog.models import RegistrationService
from huzheng.core.roles import COUNTER_STAFF, WEB_EDITOR
from huzheng.core.tests.factories import StaffFactory
from huzheng.queueing import services
from huzheng.queueing.models import Call, Ticket, TicketStatus
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db

TOKEN = "kiosk-token-for-tests"


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True


@pytest.fixture
def office():
    office, _series = queue_office()
    services.create_kiosk(office, "大廳", token=TOKEN)
    RegistrationService.objects.create(
        slug="birth", name="出生登記", name_en="Birth registration", category="registration"
    )
    return office


def post(client, url, body=None, **headers):
    return client.post(url, json.dumps(body or {}), content_type="application/json", **headers)


def take(client, key="k1", service="birth", office="huxi", token=TOKEN, **extra):
    return post(
        client,
        f"/api/v1/queue/{office}/tickets",
        {"service": service, "idempotency_key": key, **extra},
        HTTP_AUTHORIZATION=f"Kiosk {token}",
    )


def staff_client(office, roles=(COUNTER_STAFF,), **kwargs):
    profile = StaffFactory(office=office, roles=list(roles))
    client = Client(**kwargs)
    client.force_login(profile.user)
    return client


# --- issuing -----------------------------------------------------------------------------------


def test_a_kiosk_issues_a_ticket_with_its_place_and_status_page(client, office):
    response = take(client)
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == "A001" and body["series"] == "A"
    assert body["people_ahead"] == 0 and body["estimated_wait_minutes"] == 0
    assert body["service"] == "birth" and body["status"] == "waiting"
    assert body["status_url"].endswith(f"/queue/huxi/t/{body['id']}/")
    assert Ticket.objects.get().kiosk.name == "大廳"


def test_the_same_key_again_returns_the_same_ticket(client, office):
    first = take(client).json()
    again = take(client)
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert Ticket.objects.count() == 1


def test_a_priority_ticket_goes_in_the_priority_series(client, office):
    assert take(client, priority=True).json()["number"] == "P001"


@pytest.mark.parametrize("authorization", [None, "Kiosk wrong-token", "Bearer " + TOKEN, "Kiosk"])
def test_only_a_registered_kiosk_may_issue(client, office, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = post(
        client,
        "/api/v1/queue/huxi/tickets",
        {"service": "birth", "idempotency_key": "x"},
        **headers,
    )
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert Ticket.objects.count() == 0


def test_a_kiosk_of_another_office_may_not_issue_here(client, office):
    queue_office(code="magong")
    response = take(client, office="magong")
    assert response.status_code == 403
    assert response.json()["code"] == "wrong_office"
    assert Ticket.objects.count() == 0


def test_staff_may_issue_from_their_session(office):
    client = staff_client(office)
    response = post(
        client, "/api/v1/queue/huxi/tickets", {"service": "birth", "idempotency_key": "s1"}
    )
    assert response.status_code == 201
    assert Ticket.objects.get().issued_by is not None


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"service": "birth"},
        {"idempotency_key": "k"},
        {"service": "", "idempotency_key": "k"},
        {"service": "birth", "idempotency_key": "k" * 101},
        {"service": ["birth"], "idempotency_key": "k"},
        {"service": "birth", "idempotency_key": "k", "priority": "perhaps"},
    ],
)
def test_malformed_requests_are_refused_field_by_field(client, office, body):
    response = post(client, "/api/v1/queue/huxi/tickets", body, HTTP_AUTHORIZATION=f"Kiosk {TOKEN}")
    assert response.status_code == 422
    assert response.json()["errors"]
    assert Ticket.objects.count() == 0


def test_an_unknown_service_is_named_in_the_answer(client, office):
    response = take(client, service="no-such-service")
    assert response.status_code == 422
    assert response.json()["code"] == "service_not_found"
    assert Ticket.objects.count() == 0


def test_an_unknown_office_is_not_found(client, office):
    response = take(client, office="nowhere")
    assert response.status_code == 404
    assert response.json()["code"] == "office_not_found"


def test_a_closed_office_answers_409_with_the_next_opening(client, office, settings):
    settings.HUZHENG_DEMO = False
    sunday = timezone.make_aware(dt.datetime(2026, 11, 29, 10, 0))
    with mock.patch("django.utils.timezone.now", return_value=sunday):
        response = take(client, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "office_closed"
    assert body["next_opens_at"].startswith("2026-11-30T08:00")
    assert Ticket.objects.count() == 0


def test_check_in_with_a_code_nobody_booked_is_refused_clearly(client, office):
    response = post(
        client,
        "/api/v1/queue/huxi/check-in",
        {"appointment_code": "AB12CD34", "idempotency_key": "c1"},
        HTTP_AUTHORIZATION=f"Kiosk {TOKEN}",
    )
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_booking"
    assert not Ticket.objects.exists()


# --- reading the line --------------------------------------------------------------------------


def test_the_status_lists_series_counters_and_calls(client, office):
    take(client, key="a")
    take(client, key="b")
    staff = staff_client(office)
    post(staff, "/api/v1/queue/huxi/counters/1/call-next")
    body = client.get("/api/v1/queue/huxi/status").json()
    assert body["office"] == "huxi" and body["open"] is True
    a = next(s for s in body["series"] if s["letter"] == "A")
    assert (a["now_serving"], a["waiting"]) == ("A001", 1)
    assert body["calls"][0]["ticket"] == "A001" and body["calls"][0]["counter"] == 1
    assert body["counters"][0]["state"] == "open"


def test_a_tickets_status_is_public_but_only_at_its_office(client, office):
    ticket_id = take(client).json()["id"]
    assert client.get(f"/api/v1/queue/huxi/tickets/{ticket_id}").json()["number"] == "A001"
    queue_office(code="magong")
    assert client.get(f"/api/v1/queue/magong/tickets/{ticket_id}").status_code == 404
    assert client.get(f"/api/v1/queue/huxi/tickets/{uuid.uuid4()}").status_code == 404
    assert client.get("/api/v1/queue/huxi/tickets/not-a-uuid").status_code in (404, 422)


# --- staff actions -------------------------------------------------------------------------------


def test_staff_call_serve_and_finish_through_the_api(client, office):
    ticket_id = take(client).json()["id"]
    staff = staff_client(office)
    called = post(staff, "/api/v1/queue/huxi/counters/1/call-next")
    assert called.status_code == 200 and called.json()["counter"] == 1
    for action, status in [("recall", "called"), ("start", "serving"), ("finish", "done")]:
        response = post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/{action}")
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == status
    assert Call.objects.filter(is_recall=True).count() == 1


def test_no_show_return_and_transfer_through_the_api(client, office):
    ticket_id = take(client).json()["id"]
    staff = staff_client(office)
    post(staff, "/api/v1/queue/huxi/counters/1/call-next")
    assert post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/no-show").json()["status"] == (
        "no_show"
    )
    assert post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/return").json()["status"] == (
        "waiting"
    )
    moved = post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/transfer", {"series": "B"})
    assert moved.status_code == 200 and moved.json()["series"] == "B"
    bad = post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/transfer", {"series": "Z"})
    assert bad.status_code == 422
    assert Ticket.objects.get(pk=ticket_id).series.letter == "B"


def test_calling_with_nobody_waiting_is_a_clear_409(office):
    response = post(staff_client(office), "/api/v1/queue/huxi/counters/1/call-next")
    assert response.status_code == 409
    assert response.json()["code"] == "nobody_waiting"


def test_staff_actions_need_a_session_with_the_counter_role(client, office):
    ticket_id = take(client).json()["id"]
    assert post(client, "/api/v1/queue/huxi/counters/1/call-next").status_code == 401
    editor = staff_client(office, roles=(WEB_EDITOR,))
    assert post(editor, "/api/v1/queue/huxi/counters/1/call-next").status_code == 403
    elsewhere, _ = queue_office(code="magong")
    stranger = staff_client(elsewhere)
    assert post(stranger, "/api/v1/queue/huxi/counters/1/call-next").status_code == 403
    assert Ticket.objects.get(pk=ticket_id).status == TicketStatus.WAITING


def test_staff_actions_need_the_csrf_token(office, client):
    take(client)
    strict = staff_client(office, enforce_csrf_checks=True)
    assert post(strict, "/api/v1/queue/huxi/counters/1/call-next").status_code in (401, 403)
    assert Ticket.objects.get().status == TicketStatus.WAITING


def test_unknown_counters_actions_and_tickets_are_not_found(client, office):
    ticket_id = take(client).json()["id"]
    staff = staff_client(office)
    assert post(staff, "/api/v1/queue/huxi/counters/99/call-next").status_code == 404
    assert post(staff, f"/api/v1/queue/huxi/tickets/{ticket_id}/explode").status_code == 404
    assert post(staff, f"/api/v1/queue/huxi/tickets/{uuid.uuid4()}/finish").status_code == 404
    state = post(staff, "/api/v1/queue/huxi/counters/1/state", {"state": "asleep"})
    assert state.status_code == 422
    assert Ticket.objects.get().status == TicketStatus.WAITING


@pytest.mark.parametrize("code", ["AB1", "A" * 13, "AB12<>", "預約代碼一二三"])
def test_a_malformed_appointment_code_is_refused_as_at_the_kiosk(client, office, code):
    response = post(
        client,
        "/api/v1/queue/huxi/check-in",
        {"appointment_code": code, "idempotency_key": "c2"},
        HTTP_AUTHORIZATION=f"Kiosk {TOKEN}",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_code"
    assert Ticket.objects.count() == 0
