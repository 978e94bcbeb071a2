"""The case desk's rules: numbers, due dates in working days, stages, notes, closing
with the reply letter, the progress query and its limits."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from huzheng.cases import services
from huzheng.cases.models import Case, CaseEvent, Stage
from huzheng.cases.tests.factories import BIRTH_DATE, NATIONAL_ID, OTHER_ID, case_desk, make_case
from huzheng.core import ratelimit
from huzheng.core.identity import mask
from huzheng.core.models import SpecialDay
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return case_desk()


# --- numbers and registration -------------------------------------------------------------


def test_case_numbers_run_per_office_and_roc_year(desk):
    first = make_case(desk)
    second = make_case(desk)
    next_year = make_case(desk, received_on=dt.date(2027, 1, 4))
    other = make_case(case_desk("magong"))
    assert first.number == "115-HUXI-000001"
    assert second.number == "115-HUXI-000002"
    assert next_year.number == "116-HUXI-000001"
    assert other.number == "115-MAGONG-000001"


def test_a_number_is_never_reused_after_a_case_is_deleted(desk):
    make_case(desk)
    Case.objects.filter(number="115-HUXI-000001").delete()
    assert make_case(desk).number == "115-HUXI-000002"


def test_the_id_number_is_kept_hashed_encrypted_and_masked(desk):
    case = make_case(desk)
    assert case.national_id_masked == mask(NATIONAL_ID) == "A12****" + NATIONAL_ID[-3:-1] + "*"
    row = Case.objects.filter(pk=case.pk).values().get()
    assert NATIONAL_ID not in str(row)


def test_a_wrong_id_number_registers_nothing(desk):
    with pytest.raises(ValidationError):
        make_case(desk, national_id="A123456788")
    assert not Case.objects.exists()


def test_a_birth_date_after_receipt_or_opt_in_without_address_is_refused(desk):
    with pytest.raises(services.CaseError):
        make_case(desk, birth_date=dt.date(2030, 1, 1))
    with pytest.raises(services.CaseError):
        make_case(desk, email="", notify_email=True)
    with pytest.raises(services.CaseError):
        make_case(desk, applicant_name="  \x00 ")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "email",
    ["not-an-address", "a@b.example\nBcc: x@y.example", "a@b\u2028.example", "x" * 250 + "@b.tw"],
)
def test_an_email_the_service_cannot_send_to_is_refused_at_registration(desk, email):
    with pytest.raises(services.CaseError):
        make_case(desk, email=email)
    assert not Case.objects.exists()


def test_registering_records_the_first_stage_with_who_did_it(desk):
    case = make_case(desk)
    event = case.events.get()
    assert (event.stage, event.by) == (Stage.RECEIVED, desk["clerk"])
    assert case.documents == ["申請書", "建物使用執照影本"]


# --- due dates ----------------------------------------------------------------------------


def test_due_date_counts_working_days_past_lunar_new_year(desk):
    # Thursday 115/2/12: Friday counts, then the weekend and the New Year break do not.
    case = make_case(desk, received_on=dt.date(2026, 2, 12))
    assert case.due_on == dt.date(2026, 2, 24)


def test_a_typhoon_day_moves_the_due_date(desk):
    assert make_case(desk, received_on=dt.date(2026, 3, 2)).due_on == dt.date(2026, 3, 5)
    SpecialDay.objects.create(office=desk["office"], date=dt.date(2026, 3, 3), is_open=False)
    assert make_case(desk, received_on=dt.date(2026, 3, 2)).due_on == dt.date(2026, 3, 6)


def test_a_make_up_saturday_counts_as_a_working_day(desk):
    SpecialDay.objects.create(office=desk["office"], date=dt.date(2026, 3, 7), is_open=True)
    assert make_case(desk, received_on=dt.date(2026, 3, 5)).due_on == dt.date(2026, 3, 9)


def test_a_service_without_a_processing_limit_has_no_due_date(desk):
    desk["service"].processing_working_days = None
    desk["service"].save()
    assert make_case(desk).due_on is None


# --- stages -------------------------------------------------------------------------------


def test_a_case_moves_forward_and_may_skip_the_inquiry(desk):
    case = make_case(desk)
    services.move_stage(case, Stage.REVIEW, user=desk["clerk"])
    case = services.move_stage(case, Stage.DECISION, user=desk["director"], note="核准")
    assert case.stage == Stage.DECISION
    stages = list(case.events.values_list("stage", "by__username"))
    assert stages == [
        (Stage.RECEIVED, "huxi-clerk"),
        (Stage.REVIEW, "huxi-clerk"),
        (Stage.DECISION, "huxi-director"),
    ]


@pytest.mark.parametrize("stage", [Stage.RECEIVED, Stage.REVIEW, "bogus", "", Stage.CLOSED])
def test_a_case_never_moves_back_sideways_or_closes_without_close(desk, stage):
    case = make_case(desk)
    services.move_stage(case, Stage.REVIEW)
    with pytest.raises(services.CaseError):
        services.move_stage(case, stage)
    assert Case.objects.get(pk=case.pk).stage == Stage.REVIEW


def test_notes_and_assignment_are_kept_in_the_history(desk):
    case = make_case(desk)
    services.add_note(case, "申請人來電補件", user=desk["clerk"])
    services.assign(case, desk["counter"], user=desk["director"])
    assert Case.objects.get(pk=case.pk).assigned_to == desk["counter"]
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == [CaseEvent.Kind.STAGE, CaseEvent.Kind.NOTE, CaseEvent.Kind.ASSIGN]
    with pytest.raises(services.CaseError):
        services.add_note(case, "   ")


def test_a_case_goes_only_to_a_clerk_of_its_office(desk):
    other = case_desk("magong")
    case = make_case(desk)
    with pytest.raises(services.CaseError):
        services.assign(case, other["clerk"])


def test_the_applicant_who_opted_in_hears_of_each_move(desk, django_capture_on_commit_callbacks):
    case = make_case(desk, notify_email=True, notify_sms=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert len(mail.outbox) == 1
    assert case.number in mail.outbox[0].body
    assert Message.objects.filter(channel=Message.Channel.SMS, reference=case.number).count() == 1


def test_nobody_hears_without_opting_in(desk, django_capture_on_commit_callbacks):
    case = make_case(desk)
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert mail.outbox == []
    assert not Message.objects.exists()


# --- closing and the reply letter -----------------------------------------------------------


def test_closing_a_case_that_needs_a_reply_makes_the_letter(desk):
    from pypdf import PdfReader

    case = make_case(desk, needs_reply=True)
    case = services.close(
        case, user=desk["clerk"], subject="核准門牌初編", explanation="門牌已編釘。\n請於門牌領取。"
    )
    assert case.stage == Stage.CLOSED and case.closed_at
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(case.reply_letter))).pages)
    squashed = "".join(text.split())
    for expected in ("受文者", "主旨", "說明", "核准門牌初編", case.number, "民國"):
        assert expected in squashed
    assert desk["office"].name in squashed


def test_a_reply_needs_a_subject_and_a_closed_case_stays_closed(desk):
    case = make_case(desk, needs_reply=True)
    with pytest.raises(services.CaseError):
        services.close(case, subject="  ")
    assert Case.objects.get(pk=case.pk).stage == Stage.RECEIVED
    plain = services.close(make_case(desk))
    assert plain.reply_letter is None
    with pytest.raises(services.CaseError):
        services.close(plain)


# --- the progress query -------------------------------------------------------------------


def test_the_query_shows_the_timeline_the_date_and_the_phone_only(desk):
    case = make_case(desk)
    services.move_stage(case, Stage.REVIEW)
    progress = services.query(case.number, national_id=NATIONAL_ID.lower())
    assert progress.stage == Stage.REVIEW
    assert progress.expected_on == case.due_on
    assert progress.phone == desk["office"].phone
    assert [line.stage for line in progress.timeline] == [
        "received",
        "review",
        "inquiry",
        "decision",
        "closed",
    ]
    assert [line.reached for line in progress.timeline] == [True, True, False, False, False]
    assert services.query(case.number.lower(), birth_date=BIRTH_DATE).number == case.number
    # The name, ID, phone and e-mail of the applicant are not in the answer.
    assert "王小明" not in repr(progress) and "0912345678" not in repr(progress)


def test_a_skipped_stage_is_left_out_of_the_timeline(desk):
    case = make_case(desk)
    services.move_stage(case, Stage.DECISION)
    lines = services.query(case.number, birth_date=BIRTH_DATE).timeline
    assert [line.stage for line in lines] == ["received", "decision", "closed"]


@pytest.mark.parametrize(
    "number, national_id, birth_date",
    [
        ("115-HUXI-000001", OTHER_ID, None),
        ("115-HUXI-000001", "A123456788", None),  # fails the check digit
        ("115-HUXI-000001", "not an id", None),
        ("115-HUXI-000001", None, dt.date(1980, 5, 2)),
        ("115-HUXI-000001", None, None),
        ("115-HUXI-000009", NATIONAL_ID, None),
        ("115-HUXI-1", NATIONAL_ID, None),
        ("'; DROP TABLE cases_case; --", NATIONAL_ID, None),
        ("115-HUXI-000001" * 20, NATIONAL_ID, None),
        ("", "", None),
    ],
)
def test_every_wrong_fact_gets_the_same_not_found(desk, number, national_id, birth_date):
    make_case(desk)
    with pytest.raises(services.CaseNotFound):
        services.query(number, national_id=national_id, birth_date=birth_date)


def test_a_future_birth_date_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        services.parse_birth_date("200/1/1")
    assert "future" in str(error.value.messages) or error.value.code == "future"
    assert services.parse_birth_date("69/5/1") == dt.date(1980, 5, 1)
    assert services.parse_birth_date("1980-05-01") == dt.date(1980, 5, 1)


def test_ten_failures_from_one_client_stop_its_look_ups(desk):
    case = make_case(desk)
    for _ in range(services.FAILURE_LIMIT):
        with pytest.raises(services.CaseNotFound):
            services.guarded_query("115-HUXI-000777", client="10.0.0.1", national_id=OTHER_ID)
    with pytest.raises(services.TooManyAttempts):
        services.guarded_query(case.number, client="10.0.0.1", national_id=NATIONAL_ID)
    # Another client is not held back.
    assert services.guarded_query(case.number, client="10.0.0.2", national_id=NATIONAL_ID)


def test_ten_failures_against_one_case_number_stop_look_ups_of_it_from_anywhere(desk):
    case = make_case(desk)
    for i in range(services.FAILURE_LIMIT):
        with pytest.raises(services.CaseNotFound):
            services.guarded_query(case.number, client=f"10.0.1.{i}", national_id=OTHER_ID)
    with pytest.raises(services.TooManyAttempts):
        services.guarded_query(case.number, client="10.0.2.1", national_id=NATIONAL_ID)
    ratelimit.reset(services.SCOPE_NUMBER, case.number)
    assert services.guarded_query(case.number, client="10.0.2.1", national_id=NATIONAL_ID)


def test_dashboard_lists_my_cases_due_soon_and_overdue(desk):
    mine = make_case(desk, received_on=dt.date(2026, 3, 2))  # due 3/5
    late = make_case(desk, received_on=dt.date(2026, 2, 12), assigned_to=desk["director"])
    far = make_case(desk, received_on=dt.date(2026, 3, 20), assigned_to=desk["director"])
    lists = services.dashboard(desk["clerk"], today=dt.date(2026, 3, 3))
    assert [c.pk for c in lists["overdue"]] == [late.pk]
    assert [c.pk for c in lists["due_soon"]] == [mine.pk]
    assert far.pk not in [c.pk for c in lists["due_soon"]]
