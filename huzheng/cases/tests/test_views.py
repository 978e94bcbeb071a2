"""The public progress page /cases/query/: the right facts show the timeline, every
wrong fact the same message, a future birth date a clear one, too many failures "try
again later"; nothing is ever a 500."""

import pytest

from huzheng.cases import services
from huzheng.cases.models import Stage
from huzheng.cases.tests.factories import NATIONAL_ID, OTHER_ID, case_desk, make_case

pytestmark = pytest.mark.django_db

URL = "/cases/query/"


@pytest.fixture
def case():
    case = make_case(case_desk())
    services.move_stage(case, Stage.REVIEW)
    return case


def test_the_query_page_asks_for_the_two_facts(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="case_number"' in response.content
    assert b'name="birth_date"' in response.content


def test_the_right_facts_show_the_timeline_and_the_phone_only(client, case):
    response = client.post(URL, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert response.status_code == 200
    text = response.content.decode()
    assert case.number in text
    assert case.office.phone in text
    assert "王小明" not in text and NATIONAL_ID not in text and "0912345678" not in text
    assert 'aria-current="step"' in text


def test_an_assigned_case_shows_the_clerks_phone(client):
    desk = case_desk()
    desk["clerk"].staff_profile.phone = "06-9921299"
    desk["clerk"].staff_profile.save()
    case = make_case(desk)
    services.assign(case, desk["clerk"], user=desk["director"])
    response = client.post(URL, {"case_number": case.number, "national_id": NATIONAL_ID})
    text = response.content.decode()
    assert "06-9921299" in text and case.office.phone in text
    assert services.query(case.number, national_id=NATIONAL_ID).clerk_phone == "06-9921299"


def _error(response):
    text = response.content.decode()
    start = text.index('id="query-error"')
    return text[start : text.index("</p>", start)]


def test_wrong_number_and_wrong_id_read_the_same(client, case):
    wrong_id = client.post(URL, {"case_number": case.number, "national_id": OTHER_ID})
    wrong_number = client.post(URL, {"case_number": "115-HUXI-000999", "national_id": NATIONAL_ID})
    malformed = client.post(URL, {"case_number": "<b>x</b>", "national_id": "A1"})
    assert wrong_id.status_code == wrong_number.status_code == malformed.status_code == 404
    assert _error(wrong_id) == _error(wrong_number) == _error(malformed)
    assert "<b>x</b>" not in malformed.content.decode()


def test_a_future_birth_date_gets_its_own_clear_message(client, case):
    response = client.post(URL, {"case_number": case.number, "birth_date": "200/1/1"})
    assert response.status_code == 422
    assert "id_birth_date" in _error(response)


def test_one_of_id_or_birth_date_is_needed(client, case):
    response = client.post(URL, {"case_number": case.number})
    assert response.status_code == 422


def test_hostile_input_is_never_a_500(client, case):
    for payload in (
        {"case_number": "x" * 10000, "national_id": "y" * 10000},
        {"case_number": "１１５－ＨＵＸＩ－０００００１", "national_id": "\u202e" * 10},
        {"case_number": case.number, "birth_date": "99999/99/99"},
    ):
        assert client.post(URL, payload).status_code in (404, 422)


def test_too_many_failures_say_try_again_later(client, case):
    for _ in range(services.FAILURE_LIMIT):
        client.post(URL, {"case_number": case.number, "national_id": OTHER_ID})
    response = client.post(URL, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert response.status_code == 429
    assert str(services.TOO_MANY_MESSAGE) in response.content.decode()
