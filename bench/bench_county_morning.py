"""A county morning, mixed: citizens reading pages and searching, display boards on their
event streams, kiosks issuing tickets, counters calling them — against two app servers
run as production runs them (uvicorn, DEBUG=0, after collectstatic). Prints requests,
errors and p50/p95/p99 per kind of request. Results and the machine in
docs/performance.md ("A county morning").

    python bench/bench_county_morning.py                   SQLite, no Redis
    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/bench_county_morning.py
    BENCH_SECONDS=30 BENCH_READERS=16 BENCH_BOARDS=50 BENCH_KIOSKS=4 BENCH_COUNTERS=3 …

The load comes from threads of this process on the same machine, so the figures are
what the servers do while sharing the cores with their clients: a floor, not a ceiling.
"""

import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_served import _free_port, _machine, _platform_env, _prepare, _stop

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
READERS = int(os.environ.get("BENCH_READERS", "16"))
BOARDS = int(os.environ.get("BENCH_BOARDS", "50"))
KIOSKS = int(os.environ.get("BENCH_KIOSKS", "4"))
COUNTERS = int(os.environ.get("BENCH_COUNTERS", "3"))
SERVERS = 2
KIOSK_TOKEN = "demo-kiosk-huxi"
PAGES = [
    "/",
    "/services/",
    "/services/birth/",
    "/services/move-in/",
    "/services/household-transcript/",
    "/services/tables/fees/",
    "/services/tables/fines/",
    "/news/",
    "/offices/",
    "/offices/huxi/",
    "/faq/",
    "/api/v1/queue/huxi/status",
]
SEARCHES = ["掛失", "戶籍謄本", "出生登記", "身份证", "遷入", "門牌", "結婚", "English"]
SERVICES = ["move-in", "household-transcript", "birth", "marriage", "id-card-replacement"]


def main():
    work = Path(os.environ.get("BENCH_WORK") or __import__("tempfile").mkdtemp())
    env = _platform_env(work)
    _prepare(env)
    servers = [_serve(env) for _ in range(SERVERS)]
    bases = [server.base for server in servers]
    recorder = Recorder()
    stop = threading.Event()
    threads = []
    try:
        for i in range(READERS):
            threads.append(
                threading.Thread(target=_reader, args=(bases[i % SERVERS], recorder, stop))
            )
        for i in range(BOARDS):
            threads.append(
                threading.Thread(
                    target=_board, args=(bases[i % SERVERS], recorder, stop), daemon=True
                )
            )
        for i in range(KIOSKS):
            threads.append(
                threading.Thread(target=_kiosk, args=(bases[i % SERVERS], recorder, stop))
            )
        for i in range(COUNTERS):
            threads.append(
                threading.Thread(target=_counter, args=(bases[i % SERVERS], i + 1, recorder, stop))
            )
        for thread in threads:
            thread.start()
        time.sleep(SECONDS)
        stop.set()
        for thread in threads:
            if not thread.daemon:
                thread.join(30)
    finally:
        for server in servers:
            _stop(server)
    print(_machine())
    print(
        f"database: {'PostgreSQL' if 'DATABASE_URL' in os.environ else 'SQLite'}, "
        f"Redis: {'yes' if env.get('REDIS_URL') else 'no'}; {SERVERS} app servers (1 uvicorn "
        f"worker each); {SECONDS} s; {READERS} readers, {BOARDS} boards, {KIOSKS} kiosks, "
        f"{COUNTERS} counters"
    )
    recorder.report()


class Recorder:
    def __init__(self):
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.lock = threading.Lock()

    def timed(self, kind, function):
        started = time.perf_counter()
        try:
            ok = function()
        except (OSError, http.client.HTTPException):
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.times[kind].append(elapsed)
            if not ok:
                self.errors[kind] += 1
        return ok

    def report(self):
        print(
            f"{'request':28} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        )
        for kind in sorted(self.times):
            values = sorted(self.times[kind])
            p95, p99 = (values[min(len(values) - 1, int(len(values) * q))] for q in (0.95, 0.99))
            median = statistics.median(values)
            print(
                f"{kind:28} {len(values):7d} {self.errors[kind]:7d} {median:8.1f} "
                f"{p95:8.1f} {p99:8.1f}"
            )


class Client:
    """One keep-alive connection with cookies, as a browser or a kiosk keeps it."""

    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.connection = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (OSError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data


def _reader(base, recorder, stop):
    client = Client(base)
    while not stop.is_set():
        if random.random() < 0.2:
            path = "/search/?q=" + urllib.parse.quote(random.choice(SEARCHES))
            kind = "search"
        else:
            path = random.choice(PAGES)
            kind = "status JSON" if path.startswith("/api/") else "page"
        recorder.timed(kind, lambda path=path: client.request("GET", path)[0] == 200)


def _board(base, recorder, stop):
    """A display board: the event stream, and the status fetched on each `changed`."""
    url = urllib.parse.urlparse(base)
    fetcher = Client(base)
    while not stop.is_set():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        try:
            connection.request(
                "GET", "/queue/huxi/events/", headers={"Accept": "text/event-stream"}
            )
            response = connection.getresponse()
            while not stop.is_set():
                line = response.readline()
                if not line:
                    break
                if line.startswith(b"event: changed"):
                    recorder.timed(
                        "board status after event",
                        lambda: fetcher.request("GET", "/api/v1/queue/huxi/status")[0] == 200,
                    )
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
        finally:
            connection.close()


def _kiosk(base, recorder, stop):
    client = Client(base)
    headers = {"Authorization": f"Kiosk {KIOSK_TOKEN}", "Content-Type": "application/json"}
    while not stop.is_set():
        body = json.dumps(
            {"service": random.choice(SERVICES), "idempotency_key": str(uuid.uuid4())}
        )
        recorder.timed(
            "kiosk issues a ticket",
            lambda body=body: (
                client.request("POST", "/api/v1/queue/huxi/tickets", body, headers)[0] in (200, 201)
            ),
        )
        stop.wait(random.uniform(1.0, 3.0))


def _counter(base, number, recorder, stop):
    client = Client(base)
    _sign_in(client, "counter")
    token = client.cookies.get("csrftoken", "")
    headers = {"X-CSRFToken": token, "Content-Type": "application/json", "Referer": base + "/"}
    path = f"/api/v1/queue/huxi/counters/{number}/call-next"
    while not stop.is_set():
        recorder.timed(
            "counter calls the next",
            lambda: client.request("POST", path, "{}", headers)[0] in (200, 404, 409),
        )
        stop.wait(random.uniform(2.0, 4.0))


def _sign_in(client, username):
    _status, page = client.request("GET", "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": "huzheng-demo",
            "next": "/admin/",
        }
    )
    client.request(
        "POST",
        "/admin/login/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{client.port}/admin/login/",
        },
    )


def _serve(env):
    port = _free_port()
    process = subprocess.Popen(
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
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            Client(base).request("GET", "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    process.base = base
    return process


if __name__ == "__main__":
    main()
