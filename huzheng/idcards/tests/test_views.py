"""The public ID card pages: a loss report online with the right and wrong facts, the
validity check's three answers, the issue status, and hostile input that never gets a
500 or a hint whether a number exists."""

import pytest

from huzheng.core import roc
from huzheng.idcards import services
from huzheng.idcards.models import LossReport
from huzheng.idcards.tests.helpers import lost_person, person, unknown_id

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry(demo_data):
    return demo_data


def loss_form(p, **changes):
    return {
        "national_id": p["national_id"],
        "name": p["name"],
        "birth_date": roc.format_short(p["birth_date"]),
        **changes,
    }


def validity_form(p, **changes):
    return {
        "national_id": p["national_id"],
        "issue_date": roc.format_short(p["issue_date"]),
        "issue_type": p["issue_type"],
        "issue_place": p["issue_place"],
        **changes,
    }


@pytest.mark.parametrize(
    "name", ["index", "report_lost", "cancel_info", "validity", "issue_status"]
)
def test_pages_open(client, name):
    assert client.get(f"/idcards/{_path(name)}").status_code == 200


def test_cancel_page_tells_the_counter_rule(client):
    text = client.get("/idcards/lost/cancel/").content.decode()
    assert "櫃" in text or "戶政事務所" in text or "office" in text


def test_report_lost_online_shows_reference_and_roc_time(client):
    answer = client.post("/idcards/lost/", loss_form(person(1)))
    text = answer.content.decode()
    report = LossReport.objects.latest("created_at")
    assert report.reference in text and "民國" in text
    assert person(1)["national_id"] not in text
    # The page leads to the next step: what to bring, the fee and a booking.
    assert 'href="/services/id-card-replacement/#documents"' in text
    assert 'href="/services/id-card-replacement/#fees"' in text
    assert 'href="/appointments/"' in text


def test_wrong_facts_and_unknown_numbers_read_the_same(client):
    wrong_name = client.post("/idcards/lost/", loss_form(person(0), name="某某某")).content
    unknown = client.post("/idcards/lost/", loss_form(person(0), national_id=unknown_id())).content
    message = str(services.NOT_MATCHED_MESSAGE)
    assert message in wrong_name.decode() and message in unknown.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"national_id": "X100000010"},
        {"national_id": "<script>alert(1)</script>"},
        {"birth_date": "200/1/1"},
        {"birth_date": "9999999999999999999999999999999"},
        {"name": ""},
        {"name": "x" * 500},
    ],
)
def test_hostile_loss_input_is_refused_and_nothing_written(client, changes):
    before = LossReport.objects.count()
    answer = client.post("/idcards/lost/", loss_form(person(0), **changes))
    assert answer.status_code == 200
    assert "<script>alert" not in answer.content.decode()
    assert 'id="error-summary"' in answer.content.decode()
    assert LossReport.objects.count() == before


def test_validity_page_three_answers(client):
    def result(data):
        return client.post("/idcards/validity/", data).content.decode()

    assert 'data-result="latest"' in result(validity_form(person(0)))
    assert 'data-result="reported_lost"' in result(validity_form(lost_person()))
    assert 'data-result="not_latest"' in result(validity_form(person(0), issue_type="first"))
    assert 'data-result="not_latest"' in result(validity_form(person(0), national_id=unknown_id()))


def test_validity_page_hostile_input(client):
    answer = client.post(
        "/idcards/validity/",
        validity_form(person(0), issue_place="'; DROP TABLE", issue_type="<x>", issue_date="?"),
    )
    assert answer.status_code == 200 and "data-result" not in answer.content.decode()


def test_validity_page_says_try_again_later(client):
    for i in range(services.LIMIT):
        client.post(
            "/idcards/validity/",
            validity_form(person(i), issue_place="09007"),
            REMOTE_ADDR="192.0.2.5",
        )
    answer = client.post("/idcards/validity/", validity_form(person(0)), REMOTE_ADDR="192.0.2.5")
    assert answer.status_code == 429
    assert str(services.RATE_LIMITED_MESSAGE) in answer.content.decode()


def test_issue_status_page(client):
    ready = person(9)
    text = client.post(
        "/idcards/status/",
        {"national_id": ready["national_id"], "birth_date": roc.format_short(ready["birth_date"])},
    ).content.decode()
    assert "湖西" in text
    text = client.post(
        "/idcards/status/",
        {"national_id": ready["national_id"], "birth_date": "80/1/1"},
    ).content.decode()
    assert str(services.NOT_FOUND_MESSAGE) in text


def _path(name):
    return {
        "index": "",
        "report_lost": "lost/",
        "cancel_info": "lost/cancel/",
        "validity": "validity/",
        "issue_status": "status/",
    }[name]
