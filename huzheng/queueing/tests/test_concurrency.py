"""The queue under concurrency, raced with real threads against the test database (SQLite
here, PostgreSQL in CI's second run): twenty kiosks at once, counters pressing "call
next" at once, and a double tap at one kiosk."""

import pytest

from huzheng.core.tests.races import race
from huzheng.queueing import services
from huzheng.queueing.models import Call, Counter, Ticket, TicketStatus
from huzheng.queueing.services import QueueError
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True


def test_twenty_kiosks_issuing_at_once_never_get_the_same_number():
    office, _series = queue_office()
    results, errors = race(20, lambda i: services.issue_ticket(office, idempotency_key=f"k{i}")[0])
    assert errors == []
    assert sorted(t.number for t in results) == list(range(1, 21))
    assert Ticket.objects.count() == 20


def test_a_double_tap_gives_one_ticket():
    office, _series = queue_office()
    results, errors = race(10, lambda i: services.issue_ticket(office, idempotency_key="same")[0])
    assert errors == []
    assert len({t.pk for t in results}) == 1
    assert Ticket.objects.count() == 1


def test_counters_calling_at_once_never_call_the_same_ticket():
    office, _series = queue_office(counters=6)
    for i in range(4):
        services.issue_ticket(office, idempotency_key=f"t{i}")
    counters = list(Counter.objects.filter(office=office).order_by("number"))

    def call(i):
        try:
            return services.call_next(counters[i]).pk
        except QueueError as error:
            return error.code

    results, errors = race(6, call)
    assert errors == []
    called = [r for r in results if r != "nobody_waiting"]
    assert len(called) == len(set(called)) == 4
    assert results.count("nobody_waiting") == 2
    assert Ticket.objects.filter(status=TicketStatus.CALLED).count() == 4
    assert Call.objects.count() == 4


def test_one_counter_pressed_twice_at_once_calls_in_turn():
    office, _series = queue_office()
    for i in range(2):
        services.issue_ticket(office, idempotency_key=f"t{i}")
    desk = Counter.objects.get(office=office, number=1)

    def call(i):
        try:
            return services.call_next(Counter.objects.get(pk=desk.pk)).pk
        except QueueError as error:
            return error.code

    _results, errors = race(2, call)
    assert errors == []
    # Whatever the interleaving, the counter holds one called ticket and the other is done.
    assert Ticket.objects.filter(counter=desk, status=TicketStatus.CALLED).count() == 1
    assert Ticket.objects.filter(status__in=[TicketStatus.CALLED, TicketStatus.DONE]).count() == 2
