"""The worklist's rules: one item per person, event and registration; the deadline from
the catalog; calls, letters and messages moving an item; the written reminder only
after the deadline; registrations at the desk closing items; the daily run."""

import datetime as dt

import pytest
from django.core import mail

from huzheng.cases.tests.factories import make_case
from huzheng.core import roc
from huzheng.core.models import AuditEntry
from huzheng.notify.models import Letter, Message
from huzheng.outreach import services
from huzheng.outreach.models import ItemEvent, State, WorkItem
from huzheng.outreach.services import OutreachError
from huzheng.outreach.tests.factories import NATIONAL_ID, OTHER_ID, make_item, outreach_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return outreach_desk()


def test_the_same_event_imported_twice_is_one_item(desk):
    first = make_item(desk)
    again, created = services.add_item(
        office=desk["office"],
        source="birth",
        service=desk["birth"],
        person_name="王小寶",
        national_id=NATIONAL_ID.lower(),
        event_date=first.event_date,
    )
    assert not created and again.pk == first.pk
    assert WorkItem.objects.count() == 1


def test_the_deadline_comes_from_the_catalog_and_the_id_number_is_kept_hashed(desk):
    item = make_item(desk, days_ago=10)
    assert item.deadline >= item.event_date + dt.timedelta(days=60)
    assert item.number.startswith(f"R{roc.roc_year(roc.today().year)}-HUXI-")
    row = WorkItem.objects.filter(pk=item.pk).values().get()
    assert NATIONAL_ID not in str(row)
    assert AuditEntry.objects.filter(object_id=str(item.pk), action="create").exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"national_id": "E123456780"},
        {"person_name": "  "},
        {"event_date": roc.today() + dt.timedelta(days=1)},
        {"deadline": roc.today() - dt.timedelta(days=1)},
        {"email": "not an address"},
        {"source": "rumour"},
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(desk, overrides):
    with pytest.raises(OutreachError) as refused:
        make_item(desk, **overrides)
    assert refused.value.message
    assert not WorkItem.objects.exists()


def test_a_call_that_reaches_someone_tells_them_and_a_missed_one_does_not(desk):
    item = make_item(desk)
    item = services.log_call(item, outcome="no_answer", user=desk["clerk"])
    assert item.state == State.NEW
    item = services.log_call(item, outcome="reached", note="母親下週來辦", user=desk["clerk"])
    assert item.state == State.TOLD and item.told_at
    calls = item.events.filter(kind=ItemEvent.Kind.CALL)
    assert list(calls.values_list("outcome", flat=True)) == ["no_answer", "reached"]
    with pytest.raises(OutreachError):
        services.log_call(item, outcome="shrug")


def test_a_written_reminder_waits_for_the_deadline_then_is_a_numbered_letter(desk):
    item = make_item(desk, days_ago=10)
    with pytest.raises(OutreachError):
        services.send_reminder_letter(item, user=desk["clerk"])
    assert not Letter.objects.exists()
    late = make_item(desk, days_ago=70, national_id=NATIONAL_ID, service="divorce")
    letter = services.send_reminder_letter(late, user=desk["clerk"])
    late.refresh_from_db()
    assert late.state == State.REMINDED and late.reminded_at
    assert letter.reference == late.number and letter.number.startswith("湖西戶字第")
    assert "離婚登記" in letter.subject
    assert services.fine(late) == 900  # after a reminder the fine is the top one


def test_a_message_from_the_template_tells_the_person(desk):
    item = make_item(desk)
    message = services.send_message(item, channel="email", user=desk["clerk"])
    item.refresh_from_db()
    assert item.state == State.TOLD
    assert message.template.key == services.NOTICE_EMAIL
    assert message.person_hash == item.national_id_hash
    assert "王小寶" in mail.outbox[0].body and "出生登記" in mail.outbox[0].subject


def test_closing_a_case_of_that_registration_settles_the_item(desk):
    from huzheng.cases import services as cases

    item = make_item(desk, national_id=NATIONAL_ID)
    case = make_case(
        {"office": desk["office"], "service": desk["birth"], "clerk": desk["clerk"]},
        national_id=NATIONAL_ID,
        received_on=roc.today(),
    )
    cases.close(case, user=desk["clerk"])
    item.refresh_from_db()
    assert item.state == State.REGISTERED
    assert item.registered_by == case.number and item.registered_on == roc.today()


def test_hand_over_needs_the_reminder_and_closing_an_open_item_needs_a_reason(desk):
    item = make_item(desk, days_ago=70, service="divorce")
    with pytest.raises(OutreachError):
        services.hand_over(item)
    with pytest.raises(OutreachError):
        services.close(item)
    services.send_reminder_letter(item)
    item = services.hand_over(item, note="逕行登記")
    assert item.state == State.HANDED_OVER
    item = services.close(item)
    assert item.state == State.CLOSED
    with pytest.raises(OutreachError):
        services.log_call(item, outcome="reached")


def test_the_daily_run_marks_overdue_items_and_tells_each_clerk_once(desk):
    make_item(desk, days_ago=70, service="divorce")
    make_item(desk, days_ago=3)
    assert services.daily() == (1, 1)
    assert services.daily() == (0, 0)
    reminder = Message.objects.get(topic=services.CLERK_REMINDER)
    assert reminder.recipient == desk["clerk"].email
    assert "1" in reminder.subject
    assert WorkItem.objects.exclude(overdue_since=None).count() == 1


def test_the_worklist_filters_ignore_values_not_on_offer(desk):
    make_item(desk, days_ago=70, service="divorce")
    make_item(desk, days_ago=3)
    items = WorkItem.objects.all()
    assert services.worklist(items, due="overdue").count() == 1
    assert services.worklist(items, state="<script>", source="x' OR 1=1").count() == 2


def test_the_indicators_count_items_by_their_deadline(desk):
    from huzheng.core.indicators import Period, get_indicator

    late = make_item(desk, days_ago=70, service="divorce")
    services.log_call(late, outcome="reached")
    early = make_item(desk, days_ago=20, service="divorce", national_id=OTHER_ID)
    services.mark_registered(early, reference="x")
    first = min(late.deadline, early.deadline)
    period = Period(first, first + dt.timedelta(days=60))
    office = desk["office"]
    assert get_indicator("outreach.registered_in_time").value(office, period) == 50.0
    assert get_indicator("outreach.reached_before_deadline").value(office, period) == 50.0
    empty = Period(dt.date(2000, 1, 1), dt.date(2000, 1, 31))
    assert get_indicator("outreach.registered_in_time").value(office, empty) is None
