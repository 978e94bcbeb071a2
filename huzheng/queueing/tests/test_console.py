"""The counter console (櫃檯叫號台): only the office's counter staff use it; every button
is a POST form that does what the queue's service says and comes back with a message;
bad or stale input changes nothing and never gives a server error."""

import datetime as dt
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from huzheng.core import roles
from huzheng.core.tests.factories import StaffFactory
from huzheng.queueing import services
from huzheng.queueing.models import Call, Counter, CounterState, Series, Ticket, VisitRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data(db):
    """The demo offices, staff, series and counters: the parts of `seed_demo` the queue
    needs, without the pages and villages, which take long to load."""
    from huzheng.core import demo as core_demo
    from huzheng.core.models import Office
    from huzheng.queueing import demo as queue_demo
    from tests.dbsnapshot import built_once

    built_once("queue-staff", lambda: (core_demo.seed(), queue_demo.seed()))
    return {office.code: office for office in Office.objects.all()}


@pytest.fixture
def huxi(demo_data, settings):
    # Demo offices take tickets at any hour in demo mode, so the tests run at any time.
    settings.HUZHENG_DEMO = True
    return demo_data["huxi"]


@pytest.fixture
def clerk(client, huxi):
    """The demo counter clerk of Huxi, signed in."""
    user = get_user_model().objects.get(username="counter")
    client.force_login(user)
    return user


def url(office="huxi", number=1):
    return reverse("queueing:console", args=[office, number])


def post(client, data, number=1, office="huxi"):
    """POST one action and follow the redirect back to the console, as the browser does;
    return (the console page, the messages it shows)."""
    response = client.post(url(office, number), data, follow=True)
    assert response.redirect_chain == [(url(office, number), 302)]
    assert response.status_code == 200
    return response, [str(m) for m in response.context["messages"]]


def issue(office, **kwargs):
    ticket, _created = services.issue_ticket(office, **kwargs)
    return ticket


def counter(office, number=1):
    return Counter.objects.get(office=office, number=number)


def called_ticket(client, office, number=1):
    """Issue an A ticket and call it to the counter through the console."""
    ticket = issue(office)
    _response, _shown = post(client, {"action": "call_next", "current": ""}, number)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CALLED
    return ticket


# --- who may use it -------------------------------------------------------------------------


def test_signed_out_visitors_are_sent_to_the_login_with_next(client, huxi):
    for path in (reverse("queueing:console_choose", args=["huxi"]), url()):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/admin/login/?next={path}"
    response = client.post(url(), {"action": "call_next"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_the_counter_role_get_a_clear_403(client, huxi):
    editor = get_user_model().objects.get(username="editor")  # web editor of Huxi
    client.force_login(editor)
    response = client.get(url())
    assert response.status_code == 403
    assert b"<h1>" in response.content
    assert "queueing/console_forbidden.html" in [t.name for t in response.templates]
    ticket = issue(huxi)
    response = client.post(url(), {"action": "call_next", "current": ""})
    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING


def test_magong_staff_cannot_use_huxis_console(client, huxi, demo_data):
    magong_staff = StaffFactory(office=demo_data["magong"], roles=[roles.COUNTER_STAFF]).user
    client.force_login(magong_staff)
    assert client.get(reverse("queueing:console_choose", args=["magong"])).status_code == 200
    assert client.get(url("magong", 1)).status_code == 200
    assert client.get(reverse("queueing:console_choose", args=["huxi"])).status_code == 403
    ticket = issue(huxi)
    response = client.post(url("huxi", 1), {"action": "call_next", "current": ""})
    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING
    assert counter(huxi).state == CounterState.CLOSED


def test_unknown_office_or_counter_is_404(client, clerk):
    assert client.get(url("nowhere", 1)).status_code == 404
    assert client.get(url("huxi", 99)).status_code == 404
    assert client.get(url("huxi", 999999999)).status_code == 404
    assert client.get("/queue/huxi/counter/0/").status_code == 404


# --- the pages ------------------------------------------------------------------------------


def test_the_counter_list_shows_state_staff_and_series(client, clerk, huxi):
    services.set_counter_state(counter(huxi, 2), CounterState.OPEN, user=clerk)
    response = client.get(reverse("queueing:console_choose", args=["huxi"]))
    assert response.status_code == 200
    rows = {row["counter"].number: row for row in response.context["rows"]}
    assert sorted(rows) == [1, 2, 3, 4]
    assert rows[2]["counter"].state == CounterState.OPEN
    assert rows[2]["staffed_by"] == "王淑芬"
    assert rows[2]["is_mine"] is True
    assert [s.letter for s in rows[4]["series"]] == ["B", "C"]
    html = response.content.decode()
    assert url("huxi", 4) in html


def test_the_console_shows_the_ticket_the_line_and_the_rules(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    issue(huxi)
    issue(huxi, priority=True)
    response = client.get(url())
    assert response.status_code == 200
    context = response.context
    assert context["ticket"] == ticket
    assert context["times_called"] == 1
    waiting = {row["letter"]: row["waiting"] for row in context["waiting"]}
    assert waiting == {"A": 1, "B": 0, "C": 0, "P": 1}
    html = response.content.decode()
    assert ticket.label in html
    assert 'name="action" value="recall"' in html
    assert 'name="action" value="no_show"' in html
    assert 'data-series="A"' in html
    assert "/api/v1/queue/huxi/status" in html
    assert str(services.PRIORITY_RUN) in html and str(services.RETURN_AFTER) in html


# --- each action through its form -----------------------------------------------------------


def test_call_next_calls_the_longest_waiting_ticket_and_opens_the_counter(client, clerk, huxi):
    first, second = issue(huxi), issue(huxi)
    _response, shown = post(client, {"action": "call_next", "current": ""})
    first.refresh_from_db()
    assert first.status == Ticket.Status.CALLED
    assert first.counter == counter(huxi)
    assert first.served_by == clerk
    assert counter(huxi).state == CounterState.OPEN
    assert any(first.label in m for m in shown)
    second.refresh_from_db()
    assert second.status == Ticket.Status.WAITING


def test_a_double_press_of_call_next_does_not_skip_a_ticket(client, clerk, huxi):
    first, second = issue(huxi), issue(huxi)
    post(client, {"action": "call_next", "current": ""})
    # The second press was sent from the same page, which saw no ticket at the counter.
    _response, shown = post(client, {"action": "call_next", "current": ""})
    assert shown and first.label not in shown[0]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Ticket.Status.CALLED
    assert second.status == Ticket.Status.WAITING
    # Pressed from the page that shows the first ticket, it finishes it and calls the next.
    post(client, {"action": "call_next", "current": str(first.pk)})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Ticket.Status.DONE
    assert second.status == Ticket.Status.CALLED


def test_call_next_with_nobody_waiting_says_so_and_changes_nothing(client, clerk, huxi):
    _response, shown = post(client, {"action": "call_next", "current": ""})
    assert not Call.objects.exists()
    assert counter(huxi).state == CounterState.CLOSED
    # The message is the service's own, in the user's language.
    with pytest.raises(services.QueueError) as refused:
        services.call_next(counter(huxi))
    assert shown == [refused.value.message]


def test_recall_start_and_finish(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    post(client, {"action": "recall", "ticket": str(ticket.pk)})
    assert Call.objects.filter(ticket=ticket, is_recall=True).count() == 1
    assert client.get(url()).context["times_called"] == 2

    post(client, {"action": "start", "ticket": str(ticket.pk)})
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.SERVING
    assert ticket.started_at is not None

    _response, shown = post(client, {"action": "finish", "ticket": str(ticket.pk)})
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    assert ticket.finished_at is not None
    assert any(ticket.label in m for m in shown)
    assert client.get(url()).context["ticket"] is None


def test_no_show_and_back_in_line_behind_the_stated_number(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    post(client, {"action": "no_show", "ticket": str(ticket.pk)})
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.NO_SHOW
    assert ticket.no_show_count == 1
    assert client.get(url()).context["no_shows"] == [ticket]

    others = [issue(huxi) for _ in range(services.RETURN_AFTER + 1)]
    # Any counter of the office can put the returning citizen back in line.
    post(client, {"action": "return_to_line", "ticket": str(ticket.pk)}, number=2)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING
    line = list(
        Ticket.objects.filter(office=huxi, status=Ticket.Status.WAITING).order_by("queued_at")
    )
    assert line.index(ticket) == services.RETURN_AFTER
    assert line[-1] == others[-1]


def test_transfer_to_a_series_keeps_the_number(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    _response, shown = post(
        client, {"action": "transfer", "ticket": str(ticket.pk), "series": "b", "counter": ""}
    )
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING
    assert ticket.series.letter == "B"
    assert ticket.label.startswith("A")  # its printed number stays
    assert ticket.counter is None
    assert ticket.queued_at == ticket.issued_at
    assert any(ticket.label in m for m in shown)


def test_transfer_to_a_counter_is_called_there_first(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    issue(huxi)  # waiting in the general line; the ticket transferred to counter 3 goes first
    post(client, {"action": "transfer", "ticket": str(ticket.pk), "series": "", "counter": "3"})
    ticket.refresh_from_db()
    assert ticket.for_counter == counter(huxi, 3)
    assert client.get(url(number=3)).context["transferred_here"] == 1
    post(client, {"action": "call_next", "current": ""}, number=3)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CALLED
    assert ticket.counter == counter(huxi, 3)


def test_counter_state_open_pause_close_and_busy_counter_refused(client, clerk, huxi):
    post(client, {"action": "state", "state": "open"})
    assert counter(huxi).state == CounterState.OPEN
    assert counter(huxi).staffed_by == clerk
    post(client, {"action": "state", "state": "paused"})
    assert counter(huxi).state == CounterState.PAUSED
    ticket = called_ticket(client, huxi)
    _response, shown = post(client, {"action": "state", "state": "closed"})
    assert len(shown) == 1
    assert counter(huxi).state == CounterState.OPEN  # calling opened it; closing refused
    post(client, {"action": "finish", "ticket": str(ticket.pk)})
    post(client, {"action": "state", "state": "closed"})
    assert counter(huxi).state == CounterState.CLOSED
    assert counter(huxi).staffed_by is None


def test_link_records_to_the_ticket_and_to_the_last_one_served(client, clerk, huxi):
    ticket = called_ticket(client, huxi)
    post(
        client,
        {
            "action": "link_record",
            "ticket": str(ticket.pk),
            "kind": "case",
            "reference": "HX-115-0042",
            "note": "遷入登記",
        },
    )
    post(client, {"action": "finish", "ticket": str(ticket.pk)})
    # Finished, the ticket is still the one to link the notice slip to.
    context = client.get(url()).context
    assert context["records_ticket"] == ticket
    post(
        client,
        {
            "action": "link_record",
            "ticket": str(ticket.pk),
            "kind": "slip",
            "reference": "HUXI-1150001",
        },
    )
    records = list(VisitRecord.objects.filter(ticket=ticket).values_list("kind", "reference"))
    assert records == [("case", "HX-115-0042"), ("slip", "HUXI-1150001")]
    html = client.get(url()).content.decode()
    assert "HX-115-0042" in html and "HUXI-1150001" in html

    # The same record twice, a bad reference, or a ticket served elsewhere: a message.
    for data in (
        {"kind": "case", "reference": "HX-115-0042"},
        {"kind": "case", "reference": "<script>"},
        {"kind": "case", "reference": "x" * 500},
        {"kind": "case", "reference": ""},
        {"kind": "bogus", "reference": "HX-1"},
        {"kind": "case", "reference": "HX-1\x00"},
        {"kind": "case", "reference": "HX-2", "note": "bad\x00note"},
        {"kind": "case", "reference": "HX-3", "note": "x" * 5000},
    ):
        body = {"action": "link_record", "ticket": str(ticket.pk), **data}
        # A NUL byte is refused before the view (RejectNulBytesMiddleware).
        if any("\x00" in str(value) for value in data.values()):
            assert client.post(url("huxi", 1), body).status_code == 400
            continue
        _response, shown = post(client, body)
        assert len(shown) == 1, data
    _response, shown = post(
        client,
        {"action": "link_record", "ticket": str(ticket.pk), "kind": "case", "reference": "HX-9"},
        number=2,
    )
    assert len(shown) == 1
    assert VisitRecord.objects.count() == 2


# --- bad and stale input --------------------------------------------------------------------


def test_a_counter_with_no_series_says_so(client, clerk, huxi):
    Counter.objects.create(office=huxi, number=9, is_full_function=False)
    issue(huxi)
    response = client.get(url(number=9))
    assert response.status_code == 200
    assert response.context["served_series"] == []
    assert 'class="console-warning"' in response.content.decode()
    response, shown = post(client, {"action": "call_next", "current": ""}, number=9)
    with pytest.raises(services.QueueError) as refused:
        services.call_next(Counter.objects.get(office=huxi, number=9))
    assert shown == [refused.value.message]
    assert not Call.objects.exists()
    choose = client.get(reverse("queueing:console_choose", args=["huxi"]))
    assert any(row["series"] == [] for row in choose.context["rows"])


GARBAGE = [
    {},
    {"action": "launch"},
    {"action": "finish"},
    {"action": "finish", "ticket": "not-a-uuid"},
    {"action": "finish", "ticket": "1; DROP TABLE"},
    {"action": "finish", "ticket": str(uuid.uuid4())},
    {"action": "recall", "ticket": "\x00"},
    {"action": "start", "ticket": "ｆｆｆ"},
    {"action": "no_show", "ticket": "0" * 5000},
    {"action": "return_to_line", "ticket": str(uuid.uuid4())},
    {"action": "transfer", "ticket": str(uuid.uuid4()), "series": "A"},
    {"action": "state", "state": "exploded"},
    {"action": "state"},
    {"action": "link_record", "ticket": "zzz", "kind": "case", "reference": "1"},
]


@pytest.mark.parametrize("data", GARBAGE)
def test_garbage_posts_get_a_message_and_change_nothing(client, clerk, huxi, data):
    ticket = issue(huxi)
    # A NUL byte is refused before the view (RejectNulBytesMiddleware).
    if any("\x00" in str(value) for value in data.values()):
        assert client.post(url("huxi", 1), data).status_code == 400
    else:
        _response, shown = post(client, data)
        assert len(shown) == 1
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING
    assert not Call.objects.exists()
    assert counter(huxi).state == CounterState.CLOSED


@pytest.mark.parametrize(
    "target",
    [
        {"series": "Z"},
        {"series": "AAA"},
        {"series": "甲"},
        {"counter": "99"},
        {"counter": "-1"},
        {"counter": "1e3"},
        {"counter": "９"},
        {"counter": "99999999999999999999"},
        {"series": "", "counter": ""},
    ],
)
def test_transfer_to_an_unknown_series_or_counter_changes_nothing(client, clerk, huxi, target):
    ticket = called_ticket(client, huxi)
    _response, shown = post(client, {"action": "transfer", "ticket": str(ticket.pk), **target})
    assert len(shown) == 1
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CALLED
    assert ticket.series.letter == "A"
    assert ticket.for_counter is None


def test_another_offices_series_or_counter_is_not_a_transfer_target(client, clerk, huxi, demo_data):
    magong = demo_data["magong"]
    assert Series.objects.filter(office=magong, letter="P").exists()
    ticket = called_ticket(client, huxi)
    Series.objects.filter(office=huxi, letter="P").update(is_active=False)
    _response, shown = post(client, {"action": "transfer", "ticket": str(ticket.pk), "series": "P"})
    assert len(shown) == 1
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CALLED


def test_a_ticket_of_another_office_or_counter_is_refused(client, clerk, huxi, demo_data):
    magong_no_show = issue(demo_data["magong"])
    Ticket.objects.filter(pk=magong_no_show.pk).update(status=Ticket.Status.NO_SHOW)
    ticket_here = called_ticket(client, huxi)
    # Counter 2 may not finish counter 1's ticket.
    _response, shown = post(client, {"action": "finish", "ticket": str(ticket_here.pk)}, number=2)
    assert len(shown) == 1 and ticket_here.label in shown[0]
    ticket_here.refresh_from_db()
    assert ticket_here.status == Ticket.Status.CALLED
    # A waiting ticket cannot be started or finished from a console.
    waiting = issue(huxi)
    for action in ("start", "finish", "recall", "no_show", "transfer"):
        post(client, {"action": action, "ticket": str(waiting.pk), "series": "B"})
        waiting.refresh_from_db()
        assert waiting.status == Ticket.Status.WAITING
        assert waiting.series.letter == "A"
    # Huxi's console cannot put Magong's no-show back in line.
    _response, shown = post(client, {"action": "return_to_line", "ticket": str(magong_no_show.pk)})
    assert len(shown) == 1
    magong_no_show.refresh_from_db()
    assert magong_no_show.status == Ticket.Status.NO_SHOW


def test_a_ticket_from_yesterday_gets_a_message(client, clerk, huxi):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    at = timezone.now() - dt.timedelta(days=1)
    a = Series.objects.get(office=huxi, letter="A")
    old_no_show = Ticket.objects.create(
        office=huxi,
        date=yesterday,
        series=a,
        number=7,
        label="A007",
        status="no_show",
        queued_at=at,
        issued_at=at,
        called_at=at,
        counter=counter(huxi),
    )
    left_at_counter = Ticket.objects.create(
        office=huxi,
        date=yesterday,
        series=a,
        number=8,
        label="A008",
        status="called",
        queued_at=at,
        issued_at=at,
        called_at=at,
        counter=counter(huxi),
    )
    # Yesterday's no-shows are not in today's list.
    response = client.get(url())
    assert response.context["no_shows"] == []
    assert response.context["ticket_is_stale"] is True

    for data in (
        {"action": "return_to_line", "ticket": str(old_no_show.pk)},
        {"action": "recall", "ticket": str(left_at_counter.pk)},
        {"action": "transfer", "ticket": str(left_at_counter.pk), "series": "B"},
        {
            "action": "link_record",
            "ticket": str(left_at_counter.pk),
            "kind": "case",
            "reference": "HX-1",
        },
    ):
        response, shown = post(client, data)
        assert len(shown) == 1, data
    old_no_show.refresh_from_db()
    left_at_counter.refresh_from_db()
    assert old_no_show.status == Ticket.Status.NO_SHOW
    assert left_at_counter.status == Ticket.Status.CALLED
    assert left_at_counter.series == a
    assert not VisitRecord.objects.exists()
    # Left at the counter overnight, it can still be finished, so the counter can close.
    post(client, {"action": "finish", "ticket": str(left_at_counter.pk)})
    left_at_counter.refresh_from_db()
    assert left_at_counter.status == Ticket.Status.DONE


def test_get_only_on_the_counter_list(client, clerk):
    response = client.post(reverse("queueing:console_choose", args=["huxi"]))
    assert response.status_code == 405
