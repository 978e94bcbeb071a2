"""The display board's event stream and first render: a board is told at once to fetch
the state, then each time the queue changes; a reconnecting board only when it missed
something; a stream ends by itself, and a board that goes away leaves nothing behind."""

import asyncio
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.db import connection, connections

from huzheng.core import broadcast
from huzheng.core.tests.factories import OfficeFactory
from huzheng.queueing import demo as queue_demo
from huzheng.queueing import services
from huzheng.queueing.models import Counter
from huzheng.queueing.views import board

EVENTS = "/queue/huxi/events/"


@pytest.fixture
def huxi(db, settings):
    """The demo office with its series, counters and announcements (without the whole
    demo site, which takes long to load)."""
    settings.HUZHENG_DEMO = True  # the demo office takes tickets at any hour
    office = OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所", is_demo=True)
    queue_demo.seed()
    return office


@pytest.fixture
def quick(monkeypatch):
    """Heartbeats and lifetimes short enough for a test to wait through."""
    monkeypatch.setattr(board, "HEARTBEAT_SECONDS", 0.3)
    monkeypatch.setattr(board, "WSGI_LIFETIME_SECONDS", 5)


def parse(chunk):
    """One server-sent event block as a dict of its fields (comments under ":")."""
    fields = {}
    for line in chunk.decode().strip("\n").split("\n"):
        name, _, value = line.partition(":")
        fields[name or ":"] = value.strip()
    return fields


def hang_up(response):
    """End the stream as the server does when the board goes away, keeping the test's
    database connection (the test client would close it as after a request)."""
    with mock.patch.object(connection, "close_if_unusable_or_obsolete"):
        response.close()


def changed_id(chunk):
    fields = parse(chunk)
    assert fields.get("event") == "changed", fields
    assert json.loads(fields["data"]) == {"id": int(fields["id"])}
    return int(fields["id"])


# --- the sync stream (runserver, the live-server tests) --------------------------------------


@pytest.mark.django_db
def test_a_new_board_is_told_at_once_and_then_on_every_change(client, huxi, quick):
    channel = services.channel(huxi)
    services.issue_ticket(huxi)
    response = client.get(EVENTS)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/event-stream")
    assert response["Cache-Control"] == "no-cache"
    assert response["X-Accel-Buffering"] == "no"
    chunks = response.streaming_content
    assert parse(next(chunks)) == {"retry": "2000"}
    assert changed_id(next(chunks)) == broadcast.latest_id(channel)

    services.call_next(Counter.objects.get(office=huxi, number=1))
    assert changed_id(next(chunks)) == broadcast.latest_id(channel)
    hang_up(response)


@pytest.mark.django_db
def test_a_quiet_stream_sends_heartbeats(client, huxi, quick):
    response = client.get(EVENTS, headers={"Last-Event-ID": "0"})
    chunks = response.streaming_content
    next(chunks)  # retry
    ping = parse(next(chunks))  # nothing happened in the office yet
    assert ping[":"] == "ping"
    assert ping["event"] == "ping"  # EventSource hides comments; the board's watchdog sees this
    hang_up(response)


@pytest.mark.django_db
def test_a_reconnecting_board_is_told_only_what_it_missed(client, huxi, quick):
    services.issue_ticket(huxi)
    latest = broadcast.latest_id(services.channel(huxi))

    response = client.get(EVENTS, headers={"Last-Event-ID": str(latest)})
    chunks = response.streaming_content
    next(chunks)  # retry
    assert parse(next(chunks))[":"] == "ping"  # up to date: nothing to fetch
    services.issue_ticket(huxi)
    newer = broadcast.latest_id(services.channel(huxi))
    assert newer > latest
    assert changed_id(next(chunks)) == newer
    hang_up(response)

    response = client.get(EVENTS, headers={"Last-Event-ID": str(latest)})
    chunks = response.streaming_content
    next(chunks)
    assert changed_id(next(chunks)) == newer  # missed one: at once
    hang_up(response)


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["", "abc", "-1", "1e9", "９", "9" * 40])
def test_a_strange_last_event_id_counts_as_a_new_board(client, huxi, quick, header):
    services.issue_ticket(huxi)
    response = client.get(EVENTS, headers={"Last-Event-ID": header})
    chunks = response.streaming_content
    next(chunks)
    assert changed_id(next(chunks)) == broadcast.latest_id(services.channel(huxi))
    hang_up(response)


@pytest.mark.django_db
def test_the_stream_ends_by_itself_so_the_browser_reconnects(client, huxi, monkeypatch):
    monkeypatch.setattr(board, "HEARTBEAT_SECONDS", 0.2)
    monkeypatch.setattr(board, "WSGI_LIFETIME_SECONDS", 0.7)
    response = client.get(EVENTS)
    chunks = list(response.streaming_content)
    assert parse(chunks[0]) == {"retry": "2000"}
    assert 2 <= len(chunks) <= 6


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["nowhere", "../etc", "x" * 300, "%E6%B9%96"])
def test_an_unknown_office_has_no_stream_and_no_board(client, huxi, code):
    assert client.get(f"/queue/{code}/events/").status_code == 404
    assert client.get(f"/queue/{code}/display/").status_code == 404


@pytest.mark.django_db
def test_the_stream_and_board_answer_only_get(client, huxi):
    assert client.post(EVENTS).status_code == 405
    assert client.post("/queue/huxi/display/").status_code == 405


# --- the async stream (uvicorn) ----------------------------------------------------------------


def _scope(path, headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 40000),
        "server": ("testserver", 80),
    }


def _in_another_thread(work):
    """Run `work` in a thread of its own (a counter clerk elsewhere), with its own
    database connection, and wait for it."""
    errors = []

    def run():
        try:
            work()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not errors, errors


def _subscribers(channel):
    return sum(
        w.subscribers for (_, name), w in broadcast._Watcher._watchers.items() if name == channel
    )


@pytest.mark.django_db(transaction=True)
def test_under_asgi_a_change_in_another_thread_reaches_the_stream_and_a_gone_board_leaves_nothing(
    huxi, monkeypatch
):
    monkeypatch.setattr(board, "HEARTBEAT_SECONDS", 0.5)
    channel = services.channel(huxi)
    counter = Counter.objects.get(office=huxi, number=1)

    async def scenario():
        loop = asyncio.get_running_loop()
        # One thread for the broadcaster's poller, so its connection can be closed after.
        pool = ThreadPoolExecutor(max_workers=1)
        loop.set_default_executor(pool)
        inbox = asyncio.Queue()
        bodies = asyncio.Queue()
        started = {}

        async def receive():
            return await inbox.get()

        async def send(message):
            if message["type"] == "http.response.start":
                started.update(status=message["status"], headers=dict(message["headers"]))
            elif message.get("body"):
                await bodies.put(message["body"])

        async def next_event(kind):
            while True:
                fields = parse(await asyncio.wait_for(bodies.get(), 5))
                if fields.get("event") == kind or (kind == "retry" and "retry" in fields):
                    return fields

        await inbox.put({"type": "http.request", "body": b"", "more_body": False})
        task = asyncio.create_task(ASGIHandler()(_scope(EVENTS), receive, send))
        try:
            assert (await next_event("retry"))["retry"] == "2000"
            first = await next_event("changed")
            assert int(first["id"]) == await asyncio.to_thread(broadcast.latest_id, channel)
            assert started["status"] == 200
            assert started["headers"][b"Content-Type"].startswith(b"text/event-stream")
            assert started["headers"][b"X-Accel-Buffering"] == b"no"

            await asyncio.to_thread(_in_another_thread, lambda: services.issue_ticket(huxi))
            await asyncio.to_thread(_in_another_thread, lambda: services.call_next(counter))
            newest = await asyncio.to_thread(broadcast.latest_id, channel)
            seen = int(first["id"])
            while seen < newest:  # the two changes, maybe as one event
                seen = int((await next_event("changed"))["id"])
            assert seen == newest
            assert _subscribers(channel) == 1

            await inbox.put({"type": "http.disconnect"})  # the board goes away
            await asyncio.wait_for(task, 5)
            assert _subscribers(channel) == 0
        finally:
            task.cancel()
            await loop.run_in_executor(None, connections.close_all)
            await sync_to_async(connections.close_all)()

    # A thread of its own: in a session with browser tests, Playwright's loop is already
    # running in this one.
    with ThreadPoolExecutor(max_workers=1) as runner:
        runner.submit(asyncio.run, scenario()).result(timeout=60)


# --- the board's first render -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_board_is_never_blank_it_shows_the_calls_from_the_server(client, huxi):
    services.issue_ticket(huxi)
    services.issue_ticket(huxi, priority=True)
    services.call_next(Counter.objects.get(office=huxi, number=2))
    state = services.queue_status(huxi)
    called = state["calls"][0]

    response = client.get("/queue/huxi/display/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<span class="board__hero-ticket">{called["ticket"]}</span>' in html
    assert 'class="board__counter is-newest"' in html
    assert html.count('<li class="board__counter') == Counter.objects.filter(office=huxi).count()
    for series in state["series"]:
        assert f'data-series="{series["letter"]}"' in html
    config = json.loads(re.search(r'id="board-config"[^>]*>(.*?)</script>', html, re.S)[1])
    # Calls already on the board when it loads are not announced again.
    assert config["last_call_id"] == called["id"]
    assert config["event_id"] == state["event_id"]
    assert config["events_url"] == EVENTS
    assert config["status_url"] == "/api/v1/queue/huxi/status"
    assert "data-marquee" in html  # the demo office's announcements


@pytest.mark.django_db
def test_a_board_before_the_first_call_says_so(client, huxi):
    response = client.get("/queue/huxi/display/")
    assert 'class="board__hero-none"' in response.content.decode()


@pytest.mark.django_db
def test_the_board_fetches_its_announcements_as_a_fragment(client, huxi):
    response = client.get("/queue/huxi/display/?part=marquee")
    html = response.content.decode()
    assert "data-marquee" in html
    assert "<html" not in html
