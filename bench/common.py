"""What every benchmark shares: Django on a fresh database with the demo data, and
server time measured through Django's full request cycle (test client, no network).

DATABASE_URL chooses the database; without it a new SQLite file in a temporary folder.
"""

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huzheng.settings")
    if "DATABASE_URL" not in os.environ:
        # BENCH_SQLITE_PATH keeps the database between runs (bench_search's BENCH_PREPARED).
        default = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
        os.environ["SQLITE_PATH"] = os.environ.get("BENCH_SQLITE_PATH") or default
    os.environ["DEBUG"] = "1"

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)


def measure(client, path, rounds, warmup=10):
    """(p50, p95) in milliseconds of GET path; every answer must be 200."""
    for _ in range(warmup):
        client.get(path)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def time_calls(operation, rounds, warmup=10):
    """(p50, p95) in milliseconds of operation(n) for n in range(rounds), after warm-ups."""
    for n in range(warmup):
        operation(n)
    times = []
    for n in range(rounds):
        started = time.perf_counter()
        operation(n)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, math.ceil(len(times) * 0.95) - 1)]


def report(rows):
    print(f"{'path':42} {'p50 ms':>8} {'p95 ms':>8}")
    for path, (p50, p95) in rows:
        print(f"{path:42} {p50:8.2f} {p95:8.2f}")
