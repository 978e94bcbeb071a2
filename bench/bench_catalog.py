"""Server time of the catalog's pages with the full demo catalog, and the time to render
a notice slip PDF. Targets (issue 3): service detail and table pages under 50 ms, a slip
PDF under 1 s. Run by `make bench`; DATABASE_URL chooses the database (SQLite default).
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

from huzheng.catalog import services  # noqa: E402
from huzheng.catalog.models import RegistrationService  # noqa: E402
from huzheng.core.models import Office  # noqa: E402

ROUNDS = 100


def measure(client, path, rounds=ROUNDS):
    for _ in range(5):
        client.get(path)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    client = Client()
    count = RegistrationService.objects.count()
    print(f"catalog: {count} services")
    print(f"{'path':42} {'p50 ms':>8} {'p95 ms':>8}")
    paths = ["/services/", "/services/move-in/", "/services/household-transcript-english/"]
    paths += [f"/services/tables/{t}/" for t in ("guides", "time-limits", "fees", "fines")]
    paths += ["/services/tables/guides.csv", "/services/tables/fees.json"]
    for path in paths:
        p50, p95 = measure(client, path)
        print(f"{path:42} {p50:8.2f} {p95:8.2f}")

    office = Office.objects.get(code="huxi")
    service = RegistrationService.objects.get(slug="move-in")
    slip = services.issue_slip(office=office, service=service, answers={})
    p50, p95 = measure(client, f"/slips/{slip.number}.pdf", rounds=20)
    print(f"{'/slips/<number>.pdf':42} {p50:8.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
