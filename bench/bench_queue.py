"""The queue (issue 5): how fast tickets are issued and called with 10,000 tickets already
in the day, how fast a call reaches 50 display boards over server-sent events, and how
good the wait estimate printed on a ticket is over a simulated busy day.

Targets: issue and call under 50 ms p95 server time; all 50 boards see a call within 1 s.
Run by `make bench` (SQLite), or with DATABASE_URL for PostgreSQL; the fan-out runs
without Redis and, when a Redis answers at BENCH_REDIS_URL (default
redis://127.0.0.1:6379/14), with it. Results in docs/performance.md.
"""

import datetime as dt
import heapq
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from unittest import mock

from common import setup_django, time_calls

EXISTING = 10_000  # tickets already issued that day
WAITING = 300  # of which still waiting
ROUNDS = 200
BOARDS = 50
CALLS = 5  # calls timed per fan-out run
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SEED = int(os.environ.get("BENCH_SEED", "5"))
ROOT = Path(__file__).resolve().parent.parent


def main():
    os.environ["HUZHENG_DEMO"] = "1"  # the demo office issues tickets at any hour
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor}")
    office = _scratch_office()
    # BENCH_QUEUE_PARTS=speed,fanout,estimate (the default) picks what runs.
    parts = os.environ.get("BENCH_QUEUE_PARTS", "speed,fanout,estimate").split(",")
    if "speed" in parts:
        issue_and_call(office)
    if "fanout" in parts:
        fan_out(office, redis_url=None)
        if _redis_answers(REDIS):
            fan_out(office, redis_url=REDIS)
        else:
            print(f"fan-out with Redis skipped: nothing answers at {REDIS}")
    if "estimate" in parts:
        simulate_day(office)


# --- 1. issue and call ------------------------------------------------------------------------


def issue_and_call(office):
    from django.test import Client
    from django.utils import timezone

    from huzheng.queueing import services
    from huzheng.queueing.models import Counter, Series

    today = timezone.localdate()
    _fill_day(office, today)
    counters = list(Counter.objects.filter(office=office, is_full_function=True))
    series_b = Series.objects.get(office=office, letter="B")
    b_service = series_b.services.first()

    def issue(n):
        services.issue_ticket(
            office, service=b_service if n % 3 == 0 else None, priority=n % 7 == 0
        )

    def call(n):
        services.call_next(counters[n % len(counters)])

    client = Client()
    slug = b_service.slug

    def api_issue(n):
        response = client.post(
            f"/api/v1/queue/{office.code}/tickets",
            {"service": slug, "idempotency_key": uuid.uuid4().hex, "priority": n % 7 == 0},
            content_type="application/json",
            HTTP_AUTHORIZATION="Kiosk demo-kiosk-huxi",
        )
        assert response.status_code == 201, (response.status_code, response.content[:300])

    rows = [
        ("services.issue_ticket", time_calls(issue, ROUNDS)),
        ("services.call_next", time_calls(call, ROUNDS)),
        (f"POST /api/v1/queue/{office.code}/tickets (kiosk)", time_calls(api_issue, ROUNDS)),
        ("services.queue_status (cache cold)", time_calls(lambda n: _cold_status(office), ROUNDS)),
    ]
    print(f"\nissue and call, {EXISTING:,} tickets already that day ({WAITING} waiting)")
    print(f"{'operation':52} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (p50, p95) in rows:
        print(f"{name:52} {p50:8.2f} {p95:8.2f}")


def _fill_day(office, day):
    """EXISTING tickets in series A/B/P through the day, all done but the last WAITING."""
    from django.utils import timezone

    from huzheng.core.models import NumberSequence
    from huzheng.queueing.models import Counter, Series, Ticket, TicketStatus

    rng = random.Random(SEED)
    series = {s.letter: s for s in Series.objects.filter(office=office)}
    counters = list(Counter.objects.filter(office=office))
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(8)))
    step = dt.timedelta(hours=9) / EXISTING
    numbers = {letter: 0 for letter in series}
    tickets = []
    for n in range(EXISTING):
        letter = rng.choices(["A", "B", "P"], weights=[6, 3, 1])[0]
        numbers[letter] += 1
        issued = start + n * step
        waiting = n >= EXISTING - WAITING
        called = issued + dt.timedelta(minutes=rng.uniform(1, 30))
        tickets.append(
            Ticket(
                office=office,
                date=day,
                series=series[letter],
                numbered_in=series[letter],
                number=numbers[letter],
                label=f"{letter}{numbers[letter]:03d}",
                status=TicketStatus.WAITING if waiting else TicketStatus.DONE,
                queued_at=issued,
                issued_at=issued,
                called_at=None if waiting else called,
                started_at=None if waiting else called,
                finished_at=None if waiting else called + dt.timedelta(minutes=rng.uniform(2, 15)),
                counter=None if waiting else rng.choice(counters),
            )
        )
    Ticket.objects.bulk_create(tickets, batch_size=1000)
    for letter, last in numbers.items():
        NumberSequence.objects.update_or_create(
            name="ticket",
            office=office,
            key=str(series[letter].pk),
            period=day.isoformat(),
            defaults={"last": last},
        )
    from django.db import connection

    if connection.vendor == "postgresql":
        # Autovacuum analyses a table after a day's worth of inserts; a bulk load made a
        # moment ago has no statistics yet, and the planner would guess wrong.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE queueing_ticket")


def _cold_status(office):
    from django.core.cache import cache

    from huzheng.queueing import services

    cache.clear()
    services.queue_status(office)


def _p50_p95(times):
    times = sorted(times)
    return statistics.median(times), times[max(0, math.ceil(len(times) * 0.95) - 1)]


# --- 2. fan-out to the display boards ---------------------------------------------------------


def fan_out(office, *, redis_url):
    """BOARDS clients on /queue/<office>/events/ of a real uvicorn; time from a committed
    call (in this process, same database) until each client reads the new `changed`."""
    from django.test import override_settings

    from huzheng.core import broadcast
    from huzheng.queueing import services
    from huzheng.queueing.models import Counter

    port = _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "huzheng.asgi:application",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
    )
    label = "with Redis" if redis_url else "database polling only"
    try:
        _wait_for_port(port)
        counter = Counter.objects.filter(office=office, is_full_function=True).first()
        latencies = []
        with override_settings(REDIS_URL=redis_url):
            broadcast._redis_client = None
            for _ in range(CALLS):
                boards = [_Board(port, office.code) for _ in range(BOARDS)]
                for board in boards:
                    board.start()
                for board in boards:
                    assert board.ready.wait(30), "a board got no first event"
                services.call_next(counter)
                committed = time.perf_counter()
                for board in boards:
                    assert board.seen.wait(10), "a board never saw the call"
                    latencies.append((board.seen_at - committed) * 1000)
                for board in boards:
                    board.close()
            broadcast._redis_client = None
        latencies.sort()
        p50, p95 = _p50_p95(latencies)
        print(
            f"\nfan-out to {BOARDS} boards ({label}), {CALLS} calls: "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms"
        )
    finally:
        server.terminate()
        server.wait(10)


class _Board(threading.Thread):
    """One display board: reads the event stream raw (chunk sizes are skipped as lines
    that are neither `event:` nor `id:`), notes the first `changed` and the next one."""

    def __init__(self, port, office):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        request = (
            f"GET /queue/{office}/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.ready, self.seen = threading.Event(), threading.Event()
        self.first_id = None
        self.seen_at = None

    def run(self):
        stream = self.sock.makefile("rb")
        event = None
        try:
            for raw in stream:
                line = raw.decode(errors="replace").strip()
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("id:") and event == "changed":
                    event_id = int(line[3:].strip())
                    if self.first_id is None:
                        self.first_id = event_id
                        self.ready.set()
                    elif event_id > self.first_id:
                        self.seen_at = time.perf_counter()
                        self.seen.set()
                        return
        except OSError:
            return

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("uvicorn did not start")


def _redis_answers(url):
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=1).ping())
    except Exception:
        return False


# --- 3. the wait estimate over a simulated busy day ------------------------------------------

SIM_DAY = dt.date(2027, 1, 6)  # a Wednesday with no other tickets
OPENS, CLOSES = 8 * 60, 17 * 60  # minutes after midnight; arrivals stop at closing
ARRIVALS = 300
# (share of arrivals, median service minutes, lognormal sigma)
MIX = {"A": (0.55, 6.0, 0.5), "B": (0.30, 3.0, 0.4), "P": (0.15, 7.0, 0.5)}


def _arrival_rate(minute):
    """Relative arrivals per minute: a morning peak near 09:30 and an afternoon one near
    14:30 over a steady base."""
    hour = minute / 60
    return (
        1 + 2.2 * math.exp(-((hour - 9.5) ** 2) / 0.8) + 1.6 * math.exp(-((hour - 14.5) ** 2) / 0.9)
    )


def simulate_day(office):
    """Replay a busy day through the real services with a controlled clock; compare the
    estimate printed on each ticket (services.estimate_wait) with its actual wait."""
    from django.utils import timezone

    from huzheng.queueing import services, waiting
    from huzheng.queueing.models import ACTIVE_STATUSES, Counter, Series, Ticket, TicketStatus

    rng = random.Random(SEED)
    Ticket.objects.filter(status__in=ACTIVE_STATUSES).update(status=TicketStatus.DONE)
    counters = list(Counter.objects.filter(office=office, is_active=True).order_by("number"))
    series = {s.letter: s for s in Series.objects.filter(office=office)}
    b_service = series["B"].services.first()
    clock = {"now": _at(OPENS)}
    real_now = timezone.now

    arrivals = _arrivals(rng)
    events = [(minute, n, "arrive", None) for n, minute in enumerate(arrivals)]
    heapq.heapify(events)
    seq = len(events)
    idle = {c.pk for c in counters}
    at_counter = {}
    estimates = {}

    def serve(counter, minute):
        nonlocal seq
        try:
            ticket = services.call_next(counter)
        except services.QueueError:
            current = at_counter.pop(counter.pk, None)
            if current is not None:
                services.finish(current)
            idle.add(counter.pk)
            return
        idle.discard(counter.pk)
        at_counter[counter.pk] = ticket
        _share, median, sigma = MIX[ticket.series.letter]
        minutes = rng.lognormvariate(math.log(median), sigma)
        seq += 1
        heapq.heappush(events, (minute + minutes, seq, "free", counter))

    with mock.patch.object(timezone, "now", lambda: clock["now"]):
        for counter in counters:
            services.set_counter_state(counter, "open")
        while events:
            minute, _n, kind, payload = heapq.heappop(events)
            clock["now"] = _at(minute)
            if kind == "free":
                serve(payload, minute)
                continue
            letter = rng.choices(list(MIX), weights=[m[0] for m in MIX.values()])[0]
            ticket, _created = services.issue_ticket(
                office, service=b_service if letter == "B" else None, priority=letter == "P"
            )
            estimates[ticket.pk] = ticket.estimated_wait_minutes
            for counter in counters:
                if counter.pk in idle and waiting.counter_serves(counter, ticket.series):
                    serve(counter, minute)
                    break
    assert timezone.now is real_now

    results = {}
    for ticket in Ticket.objects.filter(office=office, date=SIM_DAY).select_related("series"):
        if ticket.called_at is None or ticket.pk not in estimates:
            continue
        actual = (ticket.called_at - ticket.issued_at).total_seconds() / 60
        results.setdefault(ticket.series.letter, []).append((actual, estimates[ticket.pk]))
    everyone = [r for rows in results.values() for r in rows]
    print(
        f"\nwait estimate over a simulated day: {len(everyone)} tickets, "
        f"{len(counters)} counters, seed {SEED}"
    )
    print(f"{'series':8} {'tickets':>7} {'mean wait':>9} {'mean est.':>9} {'MAE':>8} {'bias':>8}")
    for letter, rows in [*sorted(results.items()), ("all", everyone)]:
        print(f"{letter:8} {len(rows):7d} " + _error_columns(rows))


def _error_columns(rows):
    actual = [r[0] for r in rows]
    estimate = [r[1] if r[1] is not None else 0 for r in rows]
    errors = [e - a for e, a in zip(estimate, actual, strict=True)]
    return (
        f"{statistics.fmean(actual):9.1f} {statistics.fmean(estimate):9.1f} "
        f"{statistics.fmean(abs(e) for e in errors):8.1f} {statistics.fmean(errors):+8.1f}"
    )


def _arrivals(rng):
    """ARRIVALS arrival minutes between opening and closing, by thinning a Poisson process."""
    peak = max(_arrival_rate(m) for m in range(OPENS, CLOSES))
    mean_rate = statistics.fmean(_arrival_rate(m) for m in range(OPENS, CLOSES))
    scale = ARRIVALS / ((CLOSES - OPENS) * mean_rate)
    out, minute = [], OPENS
    while True:
        minute += rng.expovariate(peak * scale)
        if minute >= CLOSES:
            return out
        if rng.random() < _arrival_rate(minute) / peak:
            out.append(minute)


def _at(minute):
    from django.utils import timezone

    start = timezone.make_aware(dt.datetime.combine(SIM_DAY, dt.time()))
    return start + dt.timedelta(minutes=minute)


def _scratch_office():
    """The demo office with no tickets, calls or numbers left from an earlier run."""
    from huzheng.core.models import NumberSequence, Office
    from huzheng.queueing.models import Call, Counter, Ticket

    office = Office.objects.get(code="huxi")
    Call.objects.filter(counter__office=office).delete()
    Ticket.objects.filter(office=office).delete()
    NumberSequence.objects.filter(name="ticket", office=office).delete()
    Counter.objects.filter(office=office).update(state="closed", staffed_by=None)
    return office


if __name__ == "__main__":
    main()
