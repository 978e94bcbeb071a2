"""Issue 15, findings 4 and 11: requests no real client sends are refused before any
view runs, with 400/413 (JSON on the API), never a 500; a kiosk with a wrong token is
told 401, not "CSRF check failed"."""

import json

import pytest
from django.test import Client

from huzheng.queueing import services
from huzheng.queueing.models import Ticket
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db

TOKEN = "kiosk-token-for-tests"


@pytest.fixture
def office():
    office, _series = queue_office()
    services.create_kiosk(office, "大廳", token=TOKEN)
    return office


@pytest.mark.parametrize(
    "url, field",
    [
        ("/appointments/manage/", "code"),
        ("/services/checklist/", "service"),
    ],
)
def test_a_nul_byte_in_a_form_field_is_a_400(client, url, field):
    response = client.post(url, {field: "A1\x00B"})
    assert response.status_code == 400


def test_a_nul_byte_in_an_api_body_is_a_json_400(client, office):
    body = json.dumps({"service": "birth", "idempotency_key": "k\x00"})
    response = client.post(
        "/api/v1/queue/huxi/tickets",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Kiosk {TOKEN}",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert Ticket.objects.count() == 0


def test_a_body_over_the_limit_is_a_json_413(client, office, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"service": "birth", "idempotency_key": "k" * 2000})
    response = client.post(
        "/api/v1/queue/huxi/tickets",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Kiosk {TOKEN}",
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_a_broken_multipart_body_is_a_json_400(client, office):
    response = client.generic(
        "POST",
        "/api/v1/queue/huxi/tickets",
        b"--nothing-like-the-boundary\r\ngarbage",
        content_type="multipart/form-data; boundary=",
        HTTP_AUTHORIZATION=f"Kiosk {TOKEN}",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


@pytest.mark.parametrize("authorization", [None, "Kiosk wrong-token"])
def test_a_kiosk_without_a_valid_token_is_told_401_not_csrf(office, authorization):
    client = Client(enforce_csrf_checks=True)
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = client.post(
        "/api/v1/queue/huxi/tickets",
        json.dumps({"service": "birth", "idempotency_key": "x"}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
