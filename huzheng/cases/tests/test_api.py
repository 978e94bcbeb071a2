"""POST /api/v1/cases/query: 200 with the stages for the right facts, one identical 404
for every wrong one, 422 for a future birth date, 429 over the limit."""

import pytest

from huzheng.cases import services
from huzheng.cases.models import Stage
from huzheng.cases.tests.factories import NATIONAL_ID, OTHER_ID, case_desk, make_case

pytestmark = pytest.mark.django_db

URL = "/api/v1/cases/query"


@pytest.fixture
def case():
    case = make_case(case_desk())
    services.move_stage(case, Stage.REVIEW)
    return case


def post(client, payload, ip="192.0.2.1"):
    return client.post(URL, payload, content_type="application/json", REMOTE_ADDR=ip)


def test_the_right_facts_give_the_stages(client, case):
    response = post(client, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert response.status_code == 200
    body = response.json()
    assert body["case_number"] == case.number
    assert body["stage"] == "review"
    assert body["expected_completion"] == case.due_on.isoformat()
    assert body["office_phone"] == case.office.phone
    assert body["stages"][0]["at"].endswith("+08:00")
    assert set(body) == {
        "case_number",
        "stage",
        "stage_label",
        "stages",
        "expected_completion",
        "office_phone",
        "clerk_phone",
        "survey_url",
    }
    assert body["clerk_phone"] == ""  # nobody assigned yet
    assert body["survey_url"] is None  # not before the case is closed


def test_a_birth_date_in_roc_or_iso_works_too(client, case):
    for text in ("69/5/1", "1980-05-01", "民國69年5月1日"):
        response = post(client, {"case_number": case.number, "birth_date": text})
        assert response.status_code == 200, text


def test_every_wrong_fact_gets_the_identical_404(client, case):
    wrong = [
        {"case_number": case.number, "national_id": OTHER_ID},
        {"case_number": "115-HUXI-000999", "national_id": NATIONAL_ID},
        {"case_number": "<script>", "national_id": NATIONAL_ID},
        {"case_number": case.number, "national_id": "A123"},
        {"case_number": case.number, "birth_date": "69/5/2"},
    ]
    bodies = []
    for i, payload in enumerate(wrong):
        response = post(client, payload, ip=f"192.0.2.{10 + i}")
        assert response.status_code == 404
        bodies.append(response.content)
    assert len(set(bodies)) == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"case_number": "115-HUXI-000001", "birth_date": "200/1/1"},
        {"case_number": "115-HUXI-000001", "birth_date": "not a date"},
        {"case_number": "115-HUXI-000001"},
        {"national_id": NATIONAL_ID},
        {"case_number": "x" * 500, "national_id": NATIONAL_ID},
        {"case_number": 5, "national_id": ["A"]},
    ],
)
def test_bad_input_is_422_and_says_why(client, case, payload):
    response = post(client, payload)
    assert response.status_code == 422
    assert response.json()["message"]


def test_malformed_json_is_not_a_500(client):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code in (400, 422)


def test_over_the_limit_the_answer_is_429_even_for_the_right_facts(client, case):
    for _ in range(services.FAILURE_LIMIT):
        assert (
            post(client, {"case_number": case.number, "national_id": OTHER_ID}).status_code == 404
        )
    response = post(client, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"
