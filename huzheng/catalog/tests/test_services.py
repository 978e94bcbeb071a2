"""The catalog's rules: deadlines counted as the law counts them, late fines by the
schedule, checklists that ask only what matters, and notice slips that never share a
number."""

import datetime as dt
import re
import threading

import pytest
from django.db import connection

from huzheng.catalog import services
from huzheng.catalog.models import NoticeSlip
from huzheng.catalog.tests.factories import fine_schedule, move_in_service
from huzheng.core.models import SpecialDay
from huzheng.core.tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


@pytest.fixture
def move_in():
    fine_schedule()
    return move_in_service()


def test_a_move_must_be_registered_three_months_and_30_days_after(move_in):
    assert services.deadline(move_in, dt.date(2026, 1, 10)) == dt.date(2026, 5, 10)


def test_months_end_on_the_last_day_of_a_shorter_month(move_in):
    # 11/30 + 3 months is 2/28 (2027 is not a leap year), then 30 days.
    assert services.deadline(move_in, dt.date(2026, 11, 30)) == dt.date(2027, 3, 30)


def test_a_deadline_on_a_closed_day_moves_to_the_next_working_day(move_in, office):
    # 2026-01-10 + 3 months + 30 days = 2026-05-10, a Sunday → Monday 5/11.
    assert services.deadline(move_in, dt.date(2026, 1, 10), office) == dt.date(2026, 5, 11)
    SpecialDay.objects.create(
        office=office,
        date=dt.date(2026, 5, 11),
        is_open=False,
        kind=SpecialDay.Kind.TYPHOON,
        reason="颱風停止上班",
    )
    assert services.deadline(move_in, dt.date(2026, 1, 10), office) == dt.date(2026, 5, 12)


def test_a_service_without_a_deadline_has_none(move_in):
    move_in.deadline_days = None
    move_in.deadline_months = None
    assert services.deadline(move_in, dt.date(2026, 1, 10)) is None
    assert services.deadline(move_in_service(slug="x"), None) is None


@pytest.mark.parametrize(
    ("filed_on", "fine"),
    [
        (dt.date(2026, 5, 10), 0),  # the last day: in time
        (dt.date(2026, 5, 11), 300),  # 1 day late
        (dt.date(2026, 5, 25), 300),  # 15
        (dt.date(2026, 5, 26), 500),  # 16
        (dt.date(2026, 6, 9), 500),  # 30
        (dt.date(2026, 6, 10), 700),  # 31
        (dt.date(2026, 11, 6), 700),  # 180
        (dt.date(2026, 11, 7), 900),  # 181
    ],
)
def test_late_fines_follow_the_schedule_by_days_late(move_in, filed_on, fine):
    assert services.late_fine(move_in, dt.date(2026, 1, 10), filed_on) == fine


def test_after_a_reminder_the_fine_is_900(move_in):
    assert (
        services.late_fine(move_in, dt.date(2026, 1, 10), dt.date(2026, 5, 11), reminded=True)
        == 900
    )


def test_a_service_without_the_late_fine_is_never_fined(move_in):
    move_in.late_fine_applies = False
    assert services.late_fine(move_in, dt.date(2026, 1, 10), dt.date(2027, 1, 1)) == 0


def test_the_checklist_adds_documents_only_when_an_answer_calls_for_them(move_in):
    plain = services.checklist(move_in, {"not_head": "no"})
    assert [d.name for d in plain.bring] == ["國民身分證", "戶口名簿"]
    assert [d.name for d in plain.looked_up] == ["戶籍謄本"]
    other_head = services.checklist(move_in, {"not_head": "yes"})
    assert "戶長同意書" in [d.name for d in other_head.bring]


@pytest.mark.parametrize(
    "answers", [{"not_head": "maybe"}, {"admin": "yes"}, {"not_head": "<script>"}, None]
)
def test_unknown_questions_and_answers_are_ignored(move_in, answers):
    result = services.checklist(move_in, answers)
    assert "戶長同意書" not in [d.name for d in result.bring]
    assert result.answers == {}


def test_a_slip_lists_what_is_still_missing_and_freezes_it(move_in, office):
    identity_card = move_in.documents.get(name="國民身分證")
    slip = services.issue_slip(
        office=office,
        service=move_in,
        brought_ids=[identity_card.pk],
        answers={"not_head": "yes"},
        event_date=dt.date(2026, 1, 10),
        applicant_label="王先生",
    )
    assert [d["name"] for d in slip.missing] == ["戶口名簿", "戶長同意書"]
    assert [d["name"] for d in slip.brought] == ["國民身分證"]
    assert slip.deadline == dt.date(2026, 5, 11)
    assert slip.fees[0]["amount"] == 50
    move_in.documents.filter(name="戶口名簿").update(name="新名稱")
    slip.refresh_from_db()
    assert slip.missing[0]["name"] == "戶口名簿"


def test_slip_numbers_carry_office_roc_date_sequence_and_a_random_part(move_in, office):
    first = services.issue_slip(office=office, service=move_in)
    second = services.issue_slip(office=office, service=move_in)
    pattern = r"HUXI-\d{7}-(\d{3})-[2-9A-HJ-NP-Z]{4}"
    assert re.fullmatch(pattern, first.number)
    assert [re.fullmatch(pattern, s.number).group(1) for s in (first, second)] == ["001", "002"]
    assert services.get_slip(first.number.lower()) == first


def test_the_same_idempotency_key_gives_the_same_slip(move_in, office):
    one = services.issue_slip(office=office, service=move_in, idempotency_key="abc123")
    two = services.issue_slip(office=office, service=move_in, idempotency_key="abc123")
    assert one == two
    assert NoticeSlip.objects.count() == 1


@pytest.mark.parametrize("number", ["", "HUXI", "x" * 500, "<script>", "../../etc"])
def test_unknown_slip_numbers_are_not_found(number):
    with pytest.raises(services.SlipNotFound):
        services.get_slip(number)


@pytest.mark.django_db(transaction=True)
def test_two_counters_issuing_at_once_never_share_a_slip_number():
    office = OfficeFactory(code="huxi")
    service = move_in_service()
    numbers, errors = [], []
    barrier = threading.Barrier(8)

    def issue():
        try:
            barrier.wait()
            numbers.append(services.issue_slip(office=office, service=service).number)
        except Exception as exc:  # collected and shown below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sequences = sorted(int(n.split("-")[2]) for n in numbers)
    assert sequences == list(range(1, 9))
