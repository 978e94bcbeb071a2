"""The validity check API: three answers and nothing more, 422 for a malformed or
failed-checksum number with a clear message, 429 after ten failures, counted in the
shared cache so every app server sees the same count."""

import json

import pytest
from django.test import Client

from huzheng.idcards import services
from huzheng.idcards.models import LossReport
from huzheng.idcards.tests.helpers import lost_person, person, unknown_id

pytestmark = pytest.mark.django_db

URL = "/api/v1/idcards/validity"


@pytest.fixture(autouse=True)
def registry(demo_data):
    return demo_data


def body(p, **changes):
    facts = {
        "national_id": p["national_id"],
        "issue_date": p["issue_date"].isoformat(),
        "issue_type": p["issue_type"],
        "issue_place": p["issue_place"],
        **changes,
    }
    return json.dumps(facts)


def post(client, data, addr="192.0.2.1"):
    return client.post(URL, data, content_type="application/json", REMOTE_ADDR=addr)


def test_three_answers(client):
    assert post(client, body(person(0))).json() == {"result": "latest"}
    assert post(client, body(lost_person())).json() == {"result": "reported_lost"}
    answer = post(client, body(person(0), issue_type="first"))
    assert answer.status_code == 200 and answer.json() == {"result": "not_latest"}


def test_an_unknown_number_answers_not_latest_and_nothing_else(client):
    answer = post(client, body(person(0), national_id=unknown_id()))
    assert answer.status_code == 200 and answer.json() == {"result": "not_latest"}


def test_county_names_are_accepted(client):
    assert post(client, body(person(0), issue_place="澎湖縣")).json()["result"] == "latest"


@pytest.mark.parametrize("number", ["X100000010", "A12345", "１２３", "<b>x</b>", ""])
def test_malformed_or_failed_checksum_numbers_get_422(client, number):
    answer = post(client, body(person(0), national_id=number))
    assert answer.status_code == 422
    data = answer.json()
    assert data["code"] == "invalid" and data["message"] and data["field"] == "national_id"
    assert "<b>" not in answer.content.decode()


@pytest.mark.parametrize(
    "changes",
    [{"issue_type": "lost"}, {"issue_place": "Narnia"}, {"issue_date": "2999-12-31"}],
)
def test_other_bad_fields_get_422(client, changes):
    assert post(client, body(person(0), **changes)).status_code == 422


@pytest.mark.parametrize("raw", ["", "{", "[]", '{"national_id": 5}', "null"])
def test_broken_bodies_get_422_not_500(client, raw):
    assert post(client, raw).status_code in (400, 422)


def test_english_messages_on_request(client):
    answer = client.post(
        URL,
        body(person(0), national_id="X100000010"),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "check-digit" in answer.json()["message"]


def test_the_api_writes_nothing(client):
    before = LossReport.objects.count()
    post(client, body(person(0)))
    assert LossReport.objects.count() == before


def test_two_app_servers_share_the_per_client_limit():
    """Two clients stand for two app servers: the count lives in the shared cache."""
    server_a, server_b = Client(), Client()
    for i in range(services.LIMIT):
        server = server_a if i % 2 else server_b
        answer = post(server, body(person(i), issue_place="09007"), addr="198.51.100.7")
        assert answer.json() == {"result": "not_latest"}
    refused = post(server_a, body(person(12)), addr="198.51.100.7")
    assert refused.status_code == 429 and refused.json()["code"] == "rate_limited"
    assert post(server_b, body(person(12)), addr="198.51.100.8").json()["result"] == "latest"


def test_the_per_number_limit_holds_across_client_addresses():
    server_a, server_b = Client(), Client()
    target = person(0)
    for i in range(services.LIMIT):
        server = server_a if i % 2 else server_b
        post(server, body(target, issue_type="first"), addr=f"203.0.113.{i}")
    assert post(server_a, body(target), addr="203.0.113.200").status_code == 429
    assert post(server_b, body(person(3)), addr="203.0.113.200").status_code == 200


def test_malformed_requests_count_against_the_client(client):
    for _ in range(services.LIMIT):
        post(client, body(person(0), national_id="X100000010"), addr="192.0.2.99")
    assert post(client, body(person(0)), addr="192.0.2.99").status_code == 429
