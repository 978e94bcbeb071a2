"""Server time of the public pages and the health probe, with the demo data, on the
database DATABASE_URL names (SQLite by default). Run by `make bench`.

Measures Django's full request cycle through the test client (no network), so the
figures are server time as the issues define it. Prints p50/p95 in milliseconds.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huzheng.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
os.environ["DEBUG"] = "1"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PATHS = ["/", "/privacy/", "/api/v1/offices", "/api/v1/offices/huxi", "/healthz"]
ROUNDS = 200


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    client = Client()
    print(f"{'path':28} {'p50 ms':>8} {'p95 ms':>8}")
    for path in PATHS:
        for _ in range(10):  # warm caches and connections
            client.get(path)
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{path:28} {statistics.median(times):8.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
