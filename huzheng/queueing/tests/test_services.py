"""The queue's rules (叫號): numbers per series and day, calling order with priority
interleaved, recall, no-show and return, transfer, counters, estimates and bad input."""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from huzheng.catalog.models import RegistrationService
from huzheng.core import broadcast
from huzheng.core.models import OpeningPeriod
from huzheng.core.tests.factories import OfficeFactory
from huzheng.queueing import services
from huzheng.queueing.models import Call, Counter, CounterState, Ticket, TicketStatus
from huzheng.queueing.services import QueueError
from huzheng.queueing.tests.factories import CounterFactory, SeriesFactory, queue_office

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True  # demo offices take tickets at any hour


@pytest.fixture
def office():
    return queue_office()


@pytest.fixture
def transcript():
    return RegistrationService.objects.create(
        slug="household-transcript", name="戶籍謄本", name_en="Transcript", category="certificate"
    )


def issue(office, **kwargs):
    return services.issue_ticket(office, **kwargs)[0]


def counter(office, number=1):
    return Counter.objects.get(office=office, number=number)


# --- issuing ---------------------------------------------------------------------------------


def test_numbers_run_per_series_and_print_with_the_letter(office, transcript):
    office, series = office
    series["B"].services.add(transcript)
    assert [issue(office).label for _ in range(3)] == ["A001", "A002", "A003"]
    assert issue(office, service=transcript).label == "B001"
    assert issue(office, priority=True).label == "P001"


def test_numbers_restart_each_day(office):
    office, _series = office
    first = issue(office)
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(days=1)
    ):
        tomorrow = issue(office)
    assert first.label == tomorrow.label == "A001"
    assert tomorrow.date == first.date + dt.timedelta(days=1)


def test_the_same_idempotency_key_gives_the_same_ticket(office):
    office, _series = office
    first, created = services.issue_ticket(office, idempotency_key="tap-1")
    again, created_again = services.issue_ticket(office, idempotency_key="tap-1")
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Ticket.objects.count() == 1


def test_a_service_no_series_lists_goes_to_the_catch_all_series(office, transcript):
    office, series = office
    series["B"].services.add(transcript)
    other = RegistrationService.objects.create(
        slug="birth", name="出生登記", name_en="Birth", category="registration"
    )
    assert issue(office, service=other).series == series["A"]


def test_an_office_without_a_matching_series_issues_nothing(transcript):
    office = OfficeFactory(code="lonely", is_demo=True)
    SeriesFactory(office=office, letter="B").services.add(transcript)
    with pytest.raises(QueueError) as error:
        issue(office, service=RegistrationService.objects.create(slug="x", name="x", name_en="x"))
    assert error.value.code == "no_series"
    assert Ticket.objects.count() == 0


def test_a_closed_office_issues_nothing_and_says_when_it_opens(settings):
    settings.HUZHENG_DEMO = False
    office, _series = queue_office(code="closedoffice")
    sunday = timezone.make_aware(dt.datetime(2026, 11, 29, 10, 0))
    with mock.patch("django.utils.timezone.now", return_value=sunday):
        with pytest.raises(QueueError) as error:
            issue(office)
    assert error.value.status == 409
    assert error.value.code == "office_closed"
    assert "115年11月30日" in error.value.message  # the next Monday, in the ROC calendar
    assert Ticket.objects.count() == 0


def test_an_open_office_issues_during_its_hours(settings):
    settings.HUZHENG_DEMO = False
    office, _series = queue_office(code="openoffice")
    assert office.opening_periods.filter(kind=OpeningPeriod.Kind.NOON).exists()
    monday_noon = timezone.make_aware(dt.datetime(2026, 11, 30, 12, 15))
    with mock.patch("django.utils.timezone.now", return_value=monday_noon):
        assert issue(office).label == "A001"


def test_check_in_is_refused_when_no_appointment_look_up_is_registered(office):
    office, _series = office
    with check_in_look_up(None):
        with pytest.raises(QueueError) as error:
            services.check_in(office, "ABC12345")
    assert error.value.code == "check_in_unavailable"
    assert Ticket.objects.count() == 0


def test_a_registered_check_in_gives_a_ticket_in_the_check_in_series(office, transcript):
    office, series = office
    linked = []
    with check_in_look_up(lambda office, code: transcript, lambda *args: linked.append(args)):
        ticket, created = services.check_in(office, "abc12345", idempotency_key="k")
        again, created_again = services.check_in(office, "abc12345", idempotency_key="k")
    assert created and ticket.series == series["C"]
    shown = (ticket.label, ticket.appointment_code, ticket.service)
    assert shown == ("C001", "ABC12345", transcript)
    # The double tap gives the same ticket and links the booking once.
    assert (again, created_again) == (ticket, False)
    assert linked == [(office, "ABC12345", ticket)]


def test_a_refused_check_in_writes_nothing(office):
    office, _series = office

    def refuse(office, code):
        raise QueueError("unknown_booking", "No such appointment.", status=404)

    with check_in_look_up(refuse):
        with pytest.raises(QueueError):
            services.check_in(office, "ABC12345")
    assert not Ticket.objects.exists()


@contextmanager
def check_in_look_up(resolver, linker=None):
    """Swap the appointments app's look-up for this test, then put it back."""
    saved = (
        services._check_in_resolver,
        services._check_in_linker,
        services._check_in_alphabet,
        services._check_in_length,
    )
    services.register_check_in(resolver, linker, saved[2], saved[3])
    try:
        yield
    finally:
        services.register_check_in(*saved)


def test_every_change_is_announced_on_the_offices_channel(office):
    office, _series = office
    before = broadcast.latest_id(services.channel(office))
    issue(office)
    services.call_next(counter(office))
    assert broadcast.latest_id(services.channel(office)) >= before + 2


# --- calling -----------------------------------------------------------------------------------


def test_call_next_calls_the_longest_waiting_ticket(office):
    office, _series = office
    first, second = issue(office), issue(office)
    called = services.call_next(counter(office))
    assert called.pk == first.pk
    assert (called.status, called.counter.number) == (TicketStatus.CALLED, 1)
    assert Call.objects.get().ticket == first
    assert Ticket.objects.get(pk=second.pk).status == TicketStatus.WAITING


def test_call_next_finishes_the_ticket_still_at_the_counter(office):
    office, _series = office
    first, _second = issue(office), issue(office)
    desk = counter(office)
    services.call_next(desk)
    services.call_next(desk)
    first.refresh_from_db()
    assert first.status == TicketStatus.DONE
    assert first.finished_at is not None


def test_priority_tickets_are_interleaved_so_nobody_starves(office):
    office, _series = office
    regular = [issue(office) for _ in range(3)]
    priority = [issue(office, priority=True) for _ in range(5)]
    desk = counter(office)
    order = [services.call_next(desk).label for _ in range(8)]
    # After PRIORITY_RUN priority calls in a row, the oldest regular ticket goes next.
    assert services.PRIORITY_RUN == 2
    assert order == ["P001", "P002", "A001", "P003", "P004", "A002", "P005", "A003"]
    assert {t.label for t in regular + priority} == set(order)


def test_a_checked_in_appointment_is_called_in_the_priority_line(office):
    office, _series = office
    issue(office)
    issue(office)
    booked = issue(office, appointment_code="ABC12345")
    desk = counter(office)
    # The booked citizen goes before earlier regular tickets, as priority tickets do.
    order = [services.call_next(desk).label for _ in range(3)]
    assert order == [booked.label, "A001", "A002"]
    assert booked.series.is_priority


def test_a_counter_calls_only_the_series_it_serves(office, transcript):
    office, series = office
    quick = CounterFactory(office=office, number=9, is_full_function=False)
    quick.series.set([series["B"]])
    series["B"].services.add(transcript)
    issue(office)
    certificate = issue(office, service=transcript)
    assert services.call_next(quick).pk == certificate.pk
    with pytest.raises(QueueError) as error:
        services.call_next(quick)
    assert error.value.code == "nobody_waiting"


def test_calling_with_nobody_waiting_says_so_and_changes_nothing(office):
    office, _series = office
    desk = counter(office)
    before = broadcast.latest_id(services.channel(office))
    with pytest.raises(QueueError) as error:
        services.call_next(desk)
    assert error.value.code == "nobody_waiting"
    assert Call.objects.count() == 0
    assert broadcast.latest_id(services.channel(office)) == before
    desk.refresh_from_db()
    assert desk.state == CounterState.CLOSED


def test_a_counter_with_no_series_cannot_call(office):
    office, _series = office
    issue(office)
    empty = CounterFactory(office=office, number=7, is_full_function=False)
    with pytest.raises(QueueError) as error:
        services.call_next(empty)
    assert error.value.code == "counter_has_no_series"
    assert Ticket.objects.get().status == TicketStatus.WAITING


def test_yesterdays_waiting_tickets_are_not_called_today(office):
    office, _series = office
    old = issue(office)
    Ticket.objects.filter(pk=old.pk).update(date=old.date - dt.timedelta(days=1))
    with pytest.raises(QueueError):
        services.call_next(counter(office))


def test_a_counter_holds_one_called_ticket_in_the_database(office):
    office, _series = office
    first, second = issue(office), issue(office)
    desk = counter(office)
    Ticket.objects.filter(pk=first.pk).update(status=TicketStatus.CALLED, counter=desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.filter(pk=second.pk).update(status=TicketStatus.SERVING, counter=desk)


# --- at the counter ------------------------------------------------------------------------


def test_recall_calls_the_same_ticket_again(office):
    office, _series = office
    issue(office)
    ticket = services.call_next(counter(office))
    services.recall(ticket)
    calls = list(Call.objects.order_by("at", "id"))
    assert [c.is_recall for c in calls] == [False, True]
    assert {c.ticket_id for c in calls} == {ticket.pk}


def test_a_waiting_ticket_cannot_be_recalled(office):
    office, _series = office
    with pytest.raises(QueueError):
        services.recall(issue(office))


def test_start_and_finish_record_the_service_times(office):
    office, _series = office
    issue(office)
    ticket = services.call_next(counter(office))
    ticket = services.start_service(ticket)
    assert ticket.status == TicketStatus.SERVING and ticket.started_at
    ticket = services.finish(ticket)
    assert ticket.status == TicketStatus.DONE and ticket.finished_at >= ticket.started_at


def test_a_no_show_who_returns_goes_behind_the_next_waiting_tickets(office):
    office, _series = office
    late = issue(office)
    waiting = [issue(office) for _ in range(5)]
    desk = counter(office)
    services.call_next(desk)
    late = services.mark_no_show(Ticket.objects.get(pk=late.pk))
    assert (late.status, late.no_show_count) == (TicketStatus.NO_SHOW, 1)
    services.return_to_line(late)
    order = [services.call_next(desk).pk for _ in range(6)]
    assert services.RETURN_AFTER == 3
    assert order.index(late.pk) == 3
    assert order[:3] == [t.pk for t in waiting[:3]]


def test_a_returning_no_show_at_a_short_line_goes_to_its_end(office):
    office, _series = office
    late, other = issue(office), issue(office)
    desk = counter(office)
    services.call_next(desk)
    services.return_to_line(services.mark_no_show(Ticket.objects.get(pk=late.pk)))
    assert [services.call_next(desk).pk for _ in range(2)] == [other.pk, late.pk]


def test_only_a_no_show_can_return(office):
    office, _series = office
    with pytest.raises(QueueError) as error:
        services.return_to_line(issue(office))
    assert error.value.code == "not_no_show"


def test_a_transferred_ticket_keeps_its_number_and_is_called_only_at_its_counter(office):
    office, _series = office
    issue(office)
    ticket = services.call_next(counter(office, 1))
    other = issue(office)
    moved = services.transfer(ticket, counter=counter(office, 2))
    assert (moved.label, moved.status, moved.counter) == (ticket.label, TicketStatus.WAITING, None)
    assert services.call_next(counter(office, 1)).pk == other.pk
    assert services.call_next(counter(office, 2)).pk == ticket.pk


def test_a_ticket_transferred_to_another_series_keeps_its_place_by_issue_time(office):
    office, series = office
    issue(office)
    ticket = services.call_next(counter(office))
    later = issue(office, priority=False)
    moved = services.transfer(ticket, series=series["B"])
    assert moved.series == series["B"] and moved.label.startswith("A")
    assert moved.queued_at == ticket.issued_at < later.queued_at


def test_issuing_goes_on_in_a_series_a_ticket_was_transferred_into(office):
    """Finding 1 of issue 15: A001 moved to series B once blocked B001 for the day."""
    office, series = office
    series["B"].services.add(
        RegistrationService.objects.create(slug="transcript", name="戶籍謄本", category="x")
    )
    moved = services.transfer(issue(office), series=series["B"])
    labels = [issue(office, service=series["B"].services.get()).label for _ in range(3)]
    assert labels == ["B001", "B002", "B003"]
    assert moved.label == "A001"
    assert Ticket.objects.filter(series=series["B"], number=1).count() == 2


def test_a_ticket_can_be_transferred_onto_a_number_the_target_series_has(office, transcript):
    office, series = office
    series["B"].services.add(transcript)
    waiting_b = issue(office, service=transcript)  # B001
    moved = services.transfer(issue(office), series=series["B"])  # A001 into B
    assert (moved.series, moved.label, moved.status) == (series["B"], "A001", "waiting")
    assert [t.label for t in Ticket.objects.filter(series=series["B"])] == ["B001", "A001"]
    assert services.call_next(counter(office)).pk == waiting_b.pk
    assert issue(office).label == "A002"


def test_transfer_to_another_offices_counter_is_refused(office):
    office, _series = office
    issue(office)
    ticket = services.call_next(counter(office))
    elsewhere, _ = queue_office(code="magong")
    with pytest.raises(QueueError) as error:
        services.transfer(ticket, counter=counter(elsewhere))
    assert error.value.status == 422
    assert Ticket.objects.get(pk=ticket.pk).status == TicketStatus.CALLED


def test_a_ticket_from_yesterday_cannot_be_served(office):
    office, _series = office
    issue(office)
    ticket = services.call_next(counter(office))
    Ticket.objects.filter(pk=ticket.pk).update(date=ticket.date - dt.timedelta(days=1))
    ticket.refresh_from_db()
    for action in (services.recall, services.mark_no_show, services.start_service):
        with pytest.raises(QueueError) as error:
            action(ticket)
        assert error.value.code == "not_today"
    assert Ticket.objects.get(pk=ticket.pk).status == TicketStatus.CALLED
    # Left at the counter overnight, it can still be finished so the counter can close.
    assert services.finish(ticket).status == TicketStatus.DONE


def test_a_counter_with_a_ticket_cannot_pause_until_it_is_done(office):
    office, _series = office
    issue(office)
    desk = counter(office)
    ticket = services.call_next(desk)
    with pytest.raises(QueueError) as error:
        services.set_counter_state(desk, CounterState.PAUSED)
    assert error.value.code == "counter_busy"
    services.finish(ticket)
    assert services.set_counter_state(desk, CounterState.PAUSED).state == CounterState.PAUSED


def test_the_cases_of_the_visit_are_linked_to_its_ticket(office):
    office, _series = office
    ticket = issue(office)
    services.link_record(ticket, kind="case", reference="HUXI-115-000123")
    with pytest.raises(QueueError):
        services.link_record(ticket, kind="case", reference="HUXI-115-000123")
    with pytest.raises(QueueError) as error:
        services.link_record(ticket, kind="case", reference="<script>")
    assert error.value.status == 422
    assert [r.reference for r in ticket.records.all()] == ["HUXI-115-000123"]


# --- the state of the line and estimates ---------------------------------------------------


def test_the_status_shows_now_serving_waiting_and_the_latest_calls(office):
    office, _series = office
    for _ in range(3):
        issue(office)
    services.call_next(counter(office))
    state = services.queue_status(office)
    a = next(s for s in state["series"] if s["letter"] == "A")
    assert (a["now_serving"], a["waiting"]) == ("A001", 2)
    assert state["calls"][0]["ticket"] == "A001" and state["calls"][0]["counter"] == 1
    assert state["counters"][0]["serving"] == "A001"
    assert state["waiting_total"] == 2


def test_the_status_changes_with_every_event(office):
    office, _series = office
    first = services.queue_status(office)
    issue(office)
    assert services.queue_status(office)["waiting_total"] == first["waiting_total"] + 1


def test_the_wait_grows_with_the_line_and_shrinks_with_open_counters(office):
    office, _series = office
    tickets = [issue(office) for _ in range(6)]
    # No counter open: the office's counters are assumed to open, sharing the line.
    assert tickets[0].estimated_wait_minutes == 0
    assert tickets[5].estimated_wait_minutes > tickets[2].estimated_wait_minutes
    one_counter = services.estimate_wait(tickets[5])
    services.set_counter_state(counter(office, 1), CounterState.OPEN)
    alone = services.estimate_wait(Ticket.objects.get(pk=tickets[5].pk))
    services.set_counter_state(counter(office, 2), CounterState.OPEN)
    both = services.estimate_wait(Ticket.objects.get(pk=tickets[5].pk))
    assert alone > both
    assert one_counter == both  # both counters were assumed before either opened


def test_service_time_comes_from_the_days_finished_tickets(office):
    office, series = office
    assert services.service_minutes(series["A"]) == 10  # the series' usual time
    ticket = issue(office)
    now = timezone.now()
    Ticket.objects.filter(pk=ticket.pk).update(
        status=TicketStatus.DONE, called_at=now - dt.timedelta(minutes=4), finished_at=now
    )
    # Kept for the rest of the minute, then read again.
    next_minute = now + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=next_minute):
        assert services.service_minutes(series["A"]) == pytest.approx(4)


def test_people_ahead_counts_the_waiting_tickets_of_the_series(office):
    office, _series = office
    tickets = [issue(office) for _ in range(4)]
    assert services.ticket_position(tickets[3])[0] == 3
    services.call_next(counter(office))
    assert services.ticket_position(Ticket.objects.get(pk=tickets[3].pk))[0] == 2
    assert services.ticket_position(Ticket.objects.get(pk=tickets[0].pk)) == (None, None)


def test_people_ahead_counts_older_tickets_of_series_the_same_counters_call_first(
    office, transcript
):
    office, series = office
    series["B"].services.add(transcript)
    services.set_counter_state(counter(office, 1), CounterState.OPEN)
    services.set_counter_state(counter(office, 2), CounterState.CLOSED)
    older = [issue(office, service=transcript) for _ in range(3)]
    a001 = issue(office)
    # One counter calls A and B alike, the longest waiting first: the three older B
    # tickets go before A001, and each takes B's usual 10 minutes.
    assert services.ticket_position(a001) == (3, 30)
    assert services.ticket_position(older[0]) == (0, 0)
    # What the live page said for an A ticket taken then is what A001 got.
    assert a001.estimated_wait_minutes == 30


def test_tickets_of_series_other_counters_call_are_not_ahead(office, transcript):
    office, series = office
    series["B"].services.add(transcript)
    only_a, only_b = counter(office, 1), counter(office, 2)
    Counter.objects.filter(pk__in=[only_a.pk, only_b.pk]).update(is_full_function=False)
    only_a.series.set([series["A"]])
    only_b.series.set([series["B"]])
    for each in (only_a, only_b):
        services.set_counter_state(each, CounterState.OPEN)
    for _ in range(5):
        issue(office, service=transcript)
    a001 = issue(office)
    assert services.ticket_position(a001) == (0, 0)
    row = {s["letter"]: s for s in services.queue_status(office)["series"]}
    assert (row["A"]["waiting"], row["A"]["people_ahead"]) == (1, 1)
    assert (row["B"]["waiting"], row["B"]["people_ahead"]) == (5, 5)
    assert row["B"]["estimated_wait_minutes"] == 50


def test_a_series_with_nobody_waiting_is_not_quoted_a_longer_wait_than_the_busy_one(
    office, transcript
):
    # The live page once read "A: 0 waiting, about 130 min" beside "B: 42 waiting, about
    # 38 min" on counters that call both.
    office, series = office
    series["B"].services.add(transcript)
    services.set_counter_state(counter(office, 1), CounterState.OPEN)
    for _ in range(6):
        issue(office, service=transcript)
    row = {s["letter"]: s for s in services.queue_status(office)["series"]}
    assert row["A"]["waiting"] == 0
    assert row["A"]["people_ahead"] == row["B"]["people_ahead"] == 6
    assert row["A"]["estimated_wait_minutes"] == row["B"]["estimated_wait_minutes"] == 60


def test_calling_next_calls_the_ticket_the_page_said_was_next(office, transcript):
    office, series = office
    series["B"].services.add(transcript)
    desk = counter(office, 1)
    services.set_counter_state(desk, CounterState.OPEN)
    issue(office, service=transcript)
    issue(office)
    for _ in range(3):
        issue(office, priority=True)
    issue(office, service=transcript)
    transferred = issue(office)
    services.transfer(transferred, counter=desk)
    while Ticket.objects.filter(status=TicketStatus.WAITING).exists():
        waiting = Ticket.objects.filter(status=TicketStatus.WAITING)
        said_next = [t for t in waiting if services.ticket_position(t)[0] == 0]
        assert len(said_next) == 1
        assert services.call_next(desk) == said_next[0]
    # Transferred first, then priority twice, a regular one, the last priority, the rest.
    called = list(Call.objects.order_by("at", "id").values_list("ticket__label", flat=True))
    assert called == ["A002", "P001", "P002", "B001", "P003", "A001", "B002"]


def test_the_ticket_figures_are_kept_until_the_line_changes(office, django_assert_num_queries):
    office, _series = office
    services.set_counter_state(counter(office, 1), CounterState.OPEN)
    tickets = [issue(office) for _ in range(3)]
    first = services.ticket_position(tickets[2])
    with django_assert_num_queries(1):  # the office's latest event, nothing else
        assert services.ticket_position(tickets[2]) == first == (2, 20)


# --- kiosks and staff ----------------------------------------------------------------------------


def test_a_kiosk_is_known_only_by_its_token_and_at_its_office(office):
    office, _series = office
    kiosk, token = services.create_kiosk(office, "大廳")
    assert token not in kiosk.token_hash
    assert services.authenticate_kiosk(token, office) == kiosk
    elsewhere, _ = queue_office(code="magong")
    assert services.authenticate_kiosk(token, elsewhere) is None
    for wrong in ("", "x", token + "x", "y" * 500, None):
        assert services.authenticate_kiosk(wrong) is None
    kiosk.is_active = False
    kiosk.save()
    assert services.authenticate_kiosk(token) is None


def test_an_appointment_code_typed_full_width_or_with_dashes_is_the_same_code():
    assert services.normalise_appointment_code("ａｂ１２-ｃｄ ３４") == "AB12CD34"
