"""Issue 15, finding 12: one limiter for every look-up that answers "found / not
found": the booking look-up page and the API share one count, and notice slips and
kiosk sign-in are limited too."""

import json

import pytest

from huzheng.core.ratelimit import LOOKUP_LIMIT
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db


def test_the_booking_look_up_page_and_the_api_share_one_limit(client):
    for n in range(LOOKUP_LIMIT):
        response = client.post(
            "/appointments/manage/", {"code": f"X{n:06d}", "national_id": "A123456789"}
        )
        assert response.status_code == 422
    assert (
        client.post(
            "/appointments/manage/", {"code": "X999999", "national_id": "A123456789"}
        ).status_code
        == 429
    )
    api = client.post(
        "/api/v1/appointments/bookings/X999999/cancel",
        json.dumps({"national_id": "A123456789"}),
        content_type="application/json",
    )
    assert api.status_code == 429
    assert api.json()["code"] == "too_many_requests"
    # Another address is not held back by this one.
    other = client.post(
        "/appointments/manage/",
        {"code": "X999999", "national_id": "A123456789"},
        REMOTE_ADDR="10.5.5.5",
    )
    assert other.status_code == 422


def test_guessing_notice_slip_numbers_is_limited(client):
    for n in range(LOOKUP_LIMIT):
        assert client.get(f"/slips/S{n:08d}/").status_code == 404
    assert client.get("/slips/S99999999/").status_code == 429


def test_guessing_kiosk_tokens_is_limited(client):
    queue_office()
    for _ in range(LOOKUP_LIMIT):
        response = client.post("/queue/huxi/kiosk/sign-in/", {"token": "wrong"})
        assert response.status_code == 400
    assert client.post("/queue/huxi/kiosk/sign-in/", {"token": "wrong"}).status_code == 429
