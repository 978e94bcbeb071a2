"""POST /api/v1/feedback/messages and GET /api/v1/feedback/statistics."""

import pytest
from django.utils import timezone

from huzheng.core.roles import REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import services
from huzheng.feedback.models import FeedbackMessage
from huzheng.feedback.tests.factories import counted_message

pytestmark = pytest.mark.django_db

URL = "/api/v1/feedback/messages"


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


def payload(**change):
    data = {
        "office": "huxi",
        "mailbox": "director",
        "name": "王小明",
        "email": "ming@example.com",
        "subject": "建議",
        "body": "請增加假日服務。",
    }
    data.update(change)
    return data


def test_a_message_written_through_the_api_is_unconfirmed_with_its_due_date(client, office):
    response = client.post(URL, payload(), content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    message = FeedbackMessage.objects.get()
    assert data == {
        "number": message.number,
        "status": "unconfirmed",
        "received_on": message.received_on.isoformat(),
        "due_on": message.due_on.isoformat(),
    }
    assert message.mailbox == "director"


def test_bad_input_gets_422_per_field_and_writes_nothing(client, office):
    response = client.post(
        URL, payload(email="not an address", subject=""), content_type="application/json"
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"email", "subject"}
    response = client.post(URL, {"office": "huxi"}, content_type="application/json")
    assert response.status_code == 422
    response = client.post(URL, payload(office="nowhere"), content_type="application/json")
    assert response.status_code == 404
    response = client.post(URL, "not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert not FeedbackMessage.objects.exists()


def test_over_the_limit_gets_429(client, office):
    for n in range(services.CLIENT_LIMIT):
        response = client.post(
            URL, payload(email=f"p{n}@example.com"), content_type="application/json"
        )
        assert response.status_code == 201
    response = client.post(URL, payload(email="late@example.com"), content_type="application/json")
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"


def test_statistics_give_counts_and_shares_only(client, office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    today = timezone.localdate()
    message = counted_message(office, channel="phone", received_on=today)
    counted_message(office, received_on=today)
    services.answer(message, "已處理。", user=clerk)
    response = client.get("/api/v1/feedback/statistics?office=huxi&months=2")
    assert response.status_code == 200
    months = response.json()["months"]
    assert len(months) == 2
    now = months[-1]
    assert now["received"] == 2
    assert now["by_channel"] == {"counter": 1, "phone": 1}
    assert now["answered"] == 1 and now["share_in_time"] == 1.0
    assert "李大華" not in response.content.decode()
    assert client.get("/api/v1/feedback/statistics?office=huxi&months=0").status_code == 422
    assert client.get("/api/v1/feedback/statistics?office=zz").status_code == 404
    csv = client.get("/feedback/open-data/huxi.csv")
    assert csv.status_code == 200 and b"share_in_time" in csv.content
    assert client.get("/feedback/open-data/huxi.json").json()["office"] == "huxi"
    assert client.get("/feedback/open-data/huxi.xml").status_code == 404
