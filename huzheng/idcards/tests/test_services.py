"""ID card rules: the validity check answers only one of three words, a loss report
needs all three facts and never says which was wrong, a repeated report keeps its
reference, and a cancellation records how identity was checked."""

import datetime as dt

import pytest
from django.utils import timezone

from huzheng.core.crypto import lookup_hash
from huzheng.core.models import AuditEntry
from huzheng.idcards import services
from huzheng.idcards.models import CardStatus, LossReport, Resident
from huzheng.idcards.registry import DemoRegistry, get_registry
from huzheng.idcards.services import InvalidInput, NotFound, NotMatched, RateLimited
from huzheng.idcards.tests.helpers import lost_person, person, unknown_id

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registry(demo_data):
    return demo_data


def check(p, **changes):
    facts = {**p, **changes}
    return services.check_validity(
        facts["national_id"],
        facts["issue_date"],
        facts["issue_type"],
        facts["issue_place"],
        client=changes.get("client", "10.0.0.1"),
    )


def test_the_demo_registry_is_the_default_gateway():
    assert isinstance(get_registry(), DemoRegistry)
    p = person(0)
    found = get_registry().find_person(p["national_id"])
    assert found.name == p["name"] and found.card.issue_place_code == "10016"


def test_residents_keep_no_id_number_in_plain_text():
    p = person(0)
    row = Resident.objects.get(national_id_hash=lookup_hash(p["national_id"]))
    stored = " ".join(str(v) for v in Resident.objects.filter(pk=row.pk).values_list()[0])
    assert p["national_id"] not in stored
    assert row.national_id_masked == p["national_id"][:3] + "****" + p["national_id"][-3:-1] + "*"


def test_the_latest_card_is_latest():
    assert check(person(0)) == services.LATEST


def test_issue_place_may_be_the_county_name_with_either_tai():
    p = person(3)  # issued in 臺北市
    assert check(p, issue_place="台北市") == services.LATEST
    assert check(p, issue_place="臺北市") == services.LATEST


def test_an_older_card_or_a_wrong_detail_is_not_latest():
    p = person(0)
    assert check(p, issue_date=p["issue_date"] - dt.timedelta(days=1)) == services.NOT_LATEST
    assert check(p, issue_type="first") == services.NOT_LATEST
    assert check(p, issue_place="63000") == services.NOT_LATEST


def test_an_unknown_number_is_just_not_latest():
    assert check(person(0), national_id=unknown_id()) == services.NOT_LATEST


def test_a_card_reported_lost_says_so():
    assert check(lost_person()) == services.REPORTED_LOST


@pytest.mark.parametrize(
    "changes",
    [
        {"national_id": "X100000010"},  # fails the checksum
        {"national_id": "12345"},
        {"national_id": "X80000001" + "0"},  # resident certificate format
        {"national_id": None},
        {"issue_type": "stolen"},
        {"issue_place": "Atlantis"},
        {"issue_date": "2999-01-01"},
        {"issue_date": "115/13/40"},
        {"issue_date": "<script>"},
    ],
)
def test_malformed_validity_requests_are_refused_clearly(changes):
    with pytest.raises(InvalidInput) as caught:
        check(person(0), **changes)
    assert str(caught.value.message)


def test_online_loss_report_gives_a_reference_and_marks_the_card():
    p = person(1)
    report, created = services.report_loss_online(
        p["national_id"], p["name"], p["birth_date"], client="10.0.0.2"
    )
    assert created and report.reference.startswith("L-")
    assert report.channel == LossReport.Channel.ONLINE
    assert get_registry().find_person(p["national_id"]).card.status == CardStatus.REPORTED_LOST
    assert check(p) == services.REPORTED_LOST
    assert "民國" in services.roc_timestamp(report.created_at)


def test_a_repeated_report_returns_the_same_reference():
    p = person(1)
    first, _ = services.report_loss_online(
        p["national_id"], p["name"], p["birth_date"], client="10.0.0.2"
    )
    again, created = services.report_loss_online(
        p["national_id"], f" {p['name']} ", p["birth_date"], client="10.0.0.2"
    )
    assert not created and again.reference == first.reference
    assert LossReport.objects.filter(national_id_hash=first.national_id_hash).count() == 1


def test_references_are_numbered_per_year_and_never_reused():
    a, _ = services.report_loss_online(*_facts(person(1)), client="c")
    b, _ = services.report_loss_online(*_facts(person(2)), client="c")
    year_a, seq_a = a.reference.split("-")[1:]
    year_b, seq_b = b.reference.split("-")[1:]
    assert year_a == year_b and int(seq_b) == int(seq_a) + 1


@pytest.mark.parametrize(
    "wrong",
    [
        {"name": "王小明"},
        {"birth_date": dt.date(1961, 3, 12)},
        {"national_id": unknown_id()},
    ],
)
def test_any_mismatch_gives_one_answer_that_reveals_nothing(wrong):
    facts = {**person(0), **wrong}
    with pytest.raises(NotMatched) as caught:
        services.report_loss_online(*_facts(facts), client="10.0.0.3")
    assert str(caught.value.message) == str(services.NOT_MATCHED_MESSAGE)
    assert not LossReport.objects.filter(national_id_hash=lookup_hash(person(0)["national_id"]))


def test_a_future_birth_date_is_refused_and_nothing_written():
    p = person(0)
    with pytest.raises(InvalidInput):
        services.report_loss_online(
            p["national_id"], p["name"], timezone.localdate() + dt.timedelta(days=2), client="c"
        )
    assert LossReport.objects.filter(channel="online").count() == 1  # the demo's only


def test_phone_report_records_answers_encrypted_and_is_audited(django_user_model):
    staff = django_user_model.objects.get(username="counter")
    p = person(2)
    answers = {"registered_address": "澎湖縣湖西鄉湖西村1號", "parent_name": "陳大明"}
    report, created = services.report_loss_by_phone(
        *_facts(p), staff=staff, office=None, answers=answers
    )
    assert created and report.channel == LossReport.Channel.PHONE and report.staff == staff
    assert "湖西村" not in report.verification_encrypted
    assert AuditEntry.objects.filter(object_id=str(report.pk), action="create").exists()


def test_phone_report_without_answers_is_refused(django_user_model):
    staff = django_user_model.objects.get(username="counter")
    with pytest.raises(InvalidInput):
        services.report_loss_by_phone(
            *_facts(person(2)), staff=staff, office=None, answers={"parent_name": "  "}
        )
    assert not LossReport.objects.filter(channel="phone").exists()


def test_phone_report_mismatch_gives_the_same_answer(django_user_model):
    staff = django_user_model.objects.get(username="counter")
    facts = {**person(2), "name": "別人"}
    with pytest.raises(NotMatched):
        services.report_loss_by_phone(
            *_facts(facts), staff=staff, office=None, answers={"parent_name": "陳大明"}
        )


def test_cancel_needs_an_identity_check_and_restores_the_card(django_user_model):
    staff = django_user_model.objects.get(username="counter")
    p = person(1)
    report, _ = services.report_loss_online(*_facts(p), client="c")
    with pytest.raises(InvalidInput):
        services.cancel_loss_report(report, staff=staff, identity_check="  ")
    services.cancel_loss_report(report, staff=staff, identity_check="護照 passport")
    report.refresh_from_db()
    assert report.status == LossReport.Status.CANCELLED and report.cancelled_by == staff
    assert check(p) == services.LATEST
    with pytest.raises(InvalidInput):
        services.cancel_loss_report(report, staff=staff, identity_check="again")
    # A new report after the cancellation gets a new reference.
    new, created = services.report_loss_online(*_facts(p), client="c")
    assert created and new.reference != report.reference


def test_issue_status_answers_being_made_ready_or_one_not_found():
    being_made = person(4)
    ready = person(9)
    status = services.issue_status(being_made["national_id"], being_made["birth_date"], client="c")
    assert not status.ready
    status = services.issue_status(ready["national_id"], ready["birth_date"], client="c")
    assert status.ready and status.application.collect_at.code == "huxi"
    for number, birth in [
        (ready["national_id"], dt.date(2000, 1, 1)),
        (unknown_id(), ready["birth_date"]),
    ]:
        with pytest.raises(NotFound) as caught:
            services.issue_status(number, birth, client="c")
        assert str(caught.value.message) == str(services.NOT_FOUND_MESSAGE)


def test_ten_failures_from_one_client_then_try_again_later():
    # Each failure on a different number, so only the client's count reaches the limit.
    for i in range(services.LIMIT):
        assert check(person(i), issue_place="09007", client="10.9.9.9") == services.NOT_LATEST
    with pytest.raises(RateLimited):
        check(person(11), client="10.9.9.9")
    assert check(person(11), client="10.9.9.10") == services.LATEST


def test_ten_failures_on_one_number_lock_that_number_for_every_client():
    p = person(0)
    for i in range(services.LIMIT):
        check(p, issue_type="first", client=f"10.1.1.{i}")
    with pytest.raises(RateLimited):
        check(p, client="10.2.2.2")
    assert check(person(3), client="10.2.2.2") == services.LATEST


def _facts(p):
    return p["national_id"], p["name"], p["birth_date"]
