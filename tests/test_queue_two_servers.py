"""Two app servers behave as one (test_two_servers_*): a ticket issued through one uvicorn
process and a call made by a clerk elsewhere reach a display board streaming from the
other within a second, and the other's status shows the call. Once on a SQLite file with
nothing else (the database carries the events), once on PostgreSQL with Redis pub/sub,
as a county runs it. The limits on public look-ups count across both servers too."""

import contextlib
import http.client
import json
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from tests import redisdb
from tests.served import (
    MANAGE,
    ROOT,
    empty_redis,
    free_port,
    get_json,
    platform_environment,
    wait_until,
)

KIOSK = {"Authorization": "Kiosk demo-kiosk-huxi"}


@pytest.fixture(params=["sqlite", "postgres-redis"])
def platform_env(request):
    """The environment both servers share, on a fresh copy of the demo database: a SQLite
    file with nothing else, or PostgreSQL with Redis (only when the run is on PostgreSQL)."""
    if request.param == "sqlite":
        return platform_environment(DATABASE_URL=request.getfixturevalue("demo_sqlite"))
    database = request.getfixturevalue("demo_postgres")
    # This worker's own Redis database, emptied first: the queue's cached state is keyed
    # by office and event id, which another test's database would share.
    return platform_environment(
        DATABASE_URL=database, REDIS_URL=empty_redis(redisdb.url_for("two_servers"))
    )


@pytest.fixture
def two_servers(platform_env):
    processes, urls = [], []
    try:
        for _ in range(2):
            port = free_port()
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "huzheng.asgi:application",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--no-access-log",
                    ],
                    env=platform_env,
                    cwd=ROOT,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait_until_serving(url)
        yield urls[0], urls[1], platform_env
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_two_servers_a_ticket_and_a_call_on_one_reach_the_board_on_the_other(two_servers):
    one, two, env = two_servers
    board = EventReader(two + "/queue/huxi/events/")
    board.start()
    try:
        first = board.next_changed(after=-1, timeout=15)  # told at once to fetch the state

        # A citizen takes a ticket at the kiosk, whose requests go to server one.
        status, ticket = _post_json(
            one + "/api/v1/queue/huxi/tickets",
            {"service": "move-in", "idempotency_key": str(uuid.uuid4())},
            KIOSK,
        )
        assert status == 201, ticket
        # How fast it arrives is measured in bench/, not timed here.
        issued = board.next_changed(after=first.id, timeout=5)

        # A clerk calls it at counter 1, from yet another process.
        # The served demo may already have people waiting: serve them first.
        code = (
            "from huzheng.queueing import services\n"
            "from huzheng.queueing.models import Counter\n"
            "counter = Counter.objects.get(office__code='huxi', number=1)\n"
            "called = services.call_next(counter)\n"
            f"while called.label != {ticket['number']!r}:\n"
            "    services.finish(called)\n"
            "    called = services.call_next(counter)\n"
            "print(called.label)\n"
        )
        done = subprocess.run(
            [*MANAGE, "shell", "-c", code],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        assert done.stdout.strip().splitlines()[-1] == ticket["number"]
        called = board.next_changed(after=issued.id, timeout=5)

        state = get_json(two + "/api/v1/queue/huxi/status")
        assert state["event_id"] >= called.id
        assert state["calls"][0]["ticket"] == ticket["number"]
        assert state["calls"][0]["counter"] == 1
        counters = {c["number"]: c for c in state["counters"]}
        assert counters[1]["serving"] == ticket["number"]
    finally:
        board.stop()
    assert board.status == 200
    assert board.content_type.startswith("text/event-stream")


# --- helpers ----------------------------------------------------------------------------------


class EventReader(threading.Thread):
    """A display board's stream, read line by line in a thread; events go to a queue
    stamped with the moment they arrived."""

    class Event:
        def __init__(self, at, fields):
            self.at = at
            self.fields = fields
            self.id = int(fields.get("id") or 0)

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = urllib.parse.urlparse(url)
        self.events = queue.Queue()
        self.status = None
        self.content_type = ""
        self.connection = None

    def run(self):
        self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)
        with contextlib.suppress(OSError, http.client.HTTPException, ValueError):
            self.connection.request("GET", self.url.path, headers={"Accept": "text/event-stream"})
            response = self.connection.getresponse()
            self.status = response.status
            self.content_type = response.getheader("Content-Type", "")
            fields = {}
            while line := response.readline():
                line = line.decode().rstrip("\r\n")
                if line:
                    name, _, value = line.partition(":")
                    fields[name or ":"] = value.strip()
                    continue
                if "event" in fields:
                    self.events.put(self.Event(time.monotonic(), fields))
                fields = {}

    def next_changed(self, *, after, timeout):
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                break
            if event.fields.get("event") == "changed" and event.id > after:
                assert json.loads(event.fields["data"]) == {"id": event.id}
                return event
        pytest.fail(f"no `changed` event after id {after} within {timeout} s")

    def stop(self):
        if self.connection is not None and self.connection.sock is not None:
            with contextlib.suppress(OSError):
                self.connection.sock.shutdown(socket.SHUT_RDWR)
        self.join(5)


def _wait_until_serving(url):
    if not wait_until(lambda: get_json(url + "/api/v1/queue/huxi/status"), timeout=120, every=0.2):
        pytest.fail(f"{url} did not start")


def _post_json(url, data, headers):
    request = urllib.request.Request(  # noqa: S310 - localhost
        url,
        data=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_two_servers_share_the_limit_on_public_look_ups(two_servers):
    """Ten wrong case look-ups spread over both servers use up one client's limit: the
    count is in the shared cache (the database's cache table, or Redis), not in either
    process."""
    one, two, _env = two_servers
    answers = []
    for n in range(10):
        server = (one, two)[n % 2]
        status, body = _post_json(
            server + "/api/v1/cases/query",
            {"case_number": f"115-HUXI-{900000 + n:06d}", "national_id": "A123456789"},
            {},
        )
        answers.append(status)
    assert answers == [404] * 10
    for server in (one, two):
        status, body = _post_json(
            server + "/api/v1/cases/query",
            {"case_number": "115-HUXI-000001", "national_id": "A100000001"},
            {},
        )
        assert status == 429, body


def test_two_servers_an_edit_shows_at_once_on_both_despite_their_page_caches(two_servers):
    """Each server keeps anonymous pages in its own memory (core.pagecache); an edit made
    elsewhere bumps the versions they share (files on SQLite, Redis with PostgreSQL), so
    neither serves its kept copy again."""
    one, two, env = two_servers
    path = "/services/birth/"
    status = "/api/v1/queue/huxi/status"
    for server in (one, two):
        for _ in range(2):  # the second answer comes from the server's page cache
            assert "嬰兒出生十四日內" not in _get_text(server + path)
            assert "颱風停班公告測試" not in _get_text(server + "/news/")
            get_json(server + status)
        assert "嬰兒出生十四日內" not in _get_text(server + "/")
    # Elsewhere (an editor, a clerk): a service edited, a marquee notice, a news item
    # published, and a ticket issued and called.
    code = (
        "from huzheng.catalog.models import RegistrationService\n"
        "s = RegistrationService.objects.get(slug='birth')\n"
        "s.summary = '嬰兒出生十四日內請來辦理。'; s.is_hot = True; s.save()\n"
        "from huzheng.queueing.models import MarqueeMessage, Counter\n"
        "from django.utils import timezone; import datetime as dt\n"
        "MarqueeMessage.objects.create(office=None, text='系統維護公告測試',"
        " starts_at=timezone.now() - dt.timedelta(minutes=1),"
        " ends_at=timezone.now() + dt.timedelta(hours=1))\n"
        "from huzheng.site.models import NewsIndexPage, NewsPage\n"
        "news = NewsPage(title='颱風停班公告測試', slug='typhoon-two-servers')\n"
        "NewsIndexPage.objects.first().add_child(instance=news)\n"
        "news.save_revision().publish()\n"
        "from huzheng.queueing import services\n"
        "office = Counter.objects.get(office__code='huxi', number=1).office\n"
        "ticket, _ = services.issue_ticket(office, service=s, idempotency_key='two-servers')\n"
        "counter = Counter.objects.get(office=office, number=1)\n"
        "called = services.call_next(counter)\n"
        "while called.pk != ticket.pk:\n"
        "    services.finish(called)\n"
        "    called = services.call_next(counter)\n"
        "print(called.label)\n"
    )
    done = subprocess.run(
        [*MANAGE, "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    label = done.stdout.strip().splitlines()[-1]
    for server in (one, two):
        assert "嬰兒出生十四日內" in _get_text(server + path)
        assert "系統維護公告測試" in _get_text(server + "/")
        assert "颱風停班公告測試" in _get_text(server + "/news/")
        assert get_json(server + status)["calls"][0]["ticket"] == label


def _get_text(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - localhost
        return response.read().decode()
