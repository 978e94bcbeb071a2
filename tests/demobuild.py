"""The databases the test run builds once and every worker shares.

Migrating takes about half a minute of one core and loading the demo a few seconds more.
Every worker needs a migrated test database, and three kinds of test start from the demo:
the tests with `demo_data` (restored into each worker's test database from a snapshot,
tests/dbsnapshot.py), and the tests that start the platform in processes of its own from a
SQLite or a PostgreSQL copy of it (tests/conftest.py). Each used to migrate for itself, four
or five migrations at once on two cores at the start of a pass. Now the run migrates once
per database kind ("migrated-…"), in a background process that the first worker to collect
a database test starts; each worker's test database (`place_copy`) and each demo build
start as a copy of it (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL),
and the demo builds then only load the demo. The other workers go on with their own tests
meanwhile, and whoever needs a build first waits for it. The run's controller drops what
the builds made at the end.

    ready(kind) -> where the built database is (a SQLite path or a PostgreSQL name)

Kinds:
- "migrated-sqlite", "migrated-postgresql": migrated, nothing loaded;
- "tests-sqlite", "tests-postgresql": the demo loaded under the test suite's settings (fast
  password hasher, tasks run at once), exactly what `seed_demo` inside a test would write;
- "served-sqlite", "served-postgresql": the demo loaded as `make run` loads it
  (tests/served.py's platform environment), for the served-platform tests to copy or clone.

Run as a module (`python -m tests.demobuild KIND URL`) it is the background build itself.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

RUN_VARIABLE = "HUZHENG_TEST_RUN"
KINDS = (
    "migrated-sqlite",
    "migrated-postgresql",
    "tests-sqlite",
    "tests-postgresql",
    "served-sqlite",
    "served-postgresql",
)
WAIT_SECONDS = 900
_started = []  # the Popen objects this process started, kept so they are not collected


def begin_run():
    """Called once by the process that starts the run (the xdist controller, or the only
    process): names the run, so its workers share one folder of builds."""
    os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex[:12])


def end_run():
    """Stop builds still running and drop what the run's builds made."""
    folder = _folder()
    if not folder.exists():
        return
    for pid_file in folder.glob("*.pid"):
        try:
            os.killpg(int(pid_file.read_text()), 15)
        except (OSError, ValueError):
            pass
    for kind in KINDS:
        if kind.endswith("postgresql") and (folder / f"{kind}.started").exists():
            _drop_postgres(_postgres_name(kind))
    for path in folder.iterdir():
        path.unlink(missing_ok=True)
    folder.rmdir()


def start(kind):
    """Start building `kind` in the background, unless a worker of this run already has."""
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        marker = os.open(folder / f"{kind}.started", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(marker)
    log = open(folder / f"{kind}.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.demobuild", kind, _url(kind)],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    (folder / f"{kind}.pid").write_text(str(process.pid))
    _started.append(process)


def ready(kind):
    """Wait until `kind` is built (starting it if nobody has); return where it is."""
    start(kind)
    folder = _folder()
    deadline = time.monotonic() + WAIT_SECONDS
    while not (folder / f"{kind}.done").exists():
        failed = folder / f"{kind}.failed"
        if failed.exists() or time.monotonic() > deadline:
            log = (folder / f"{kind}.log").read_text(errors="replace")[-4000:]
            raise RuntimeError(f"The demo database ({kind}) could not be built:\n{log}")
        time.sleep(0.2)
    return (folder / f"{kind}.done").read_text()


def built_on(kind):
    """The day (ISO) the build's rows are dated from."""
    return (_folder() / f"{kind}.day").read_text()


def place_copy(vendor, name):
    """Make the database `name` (a SQLite path or a PostgreSQL database on the run's
    server) a fresh copy of the run's migrated build for `vendor`, replacing what is
    there: a worker's test database, which Django then keeps (`keepdb`) and only brings up
    to date."""
    _copy(vendor, ready(f"migrated-{vendor}"), name)


def drop_copy(vendor, name):
    """Drop a database `place_copy` made."""
    from tests.served import remove_sqlite

    if vendor == "sqlite":
        remove_sqlite(name)
    else:
        _drop_postgres(name)


def _copy(vendor, source, target):
    """Replace the database `target` by a copy of `source`: a SQLite file copy, or a
    clone on the run's PostgreSQL server."""
    from tests.served import clone_postgres, copy_sqlite

    if vendor == "sqlite":
        copy_sqlite(source, target)
    else:
        clone_postgres(_postgres_base(), source, target)


def kinds_for(fixturenames, vendor, postgres_url):
    """The builds a test with these fixtures will need."""
    kinds = []
    if "demo_data" in fixturenames:
        kinds.append(f"tests-{vendor}")
    if "demo_sqlite" in fixturenames:
        kinds.append("served-sqlite")
    if "demo_postgres" in fixturenames and postgres_url:
        kinds.append("served-postgresql")
    return kinds


def _folder():
    run = os.environ.get(RUN_VARIABLE) or f"pid{os.getpid()}"
    return Path(tempfile.gettempdir()) / f"huzheng-demo-{run}"


def _url(kind):
    if kind.endswith("sqlite"):
        return f"sqlite:///{_folder() / (kind + '.sqlite3')}"
    from tests.served import with_database

    return with_database(_postgres_base(), _postgres_name(kind))


def _postgres_base():
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        raise RuntimeError("A PostgreSQL build needs DATABASE_URL to be a PostgreSQL URL.")
    return base


def _postgres_name(kind):
    run = os.environ.get(RUN_VARIABLE) or f"pid{os.getpid()}"
    return f"huzheng_{kind.replace('-', '_')}_{run}"


def _drop_postgres(name):
    from tests.served import admin_sql

    try:
        admin_sql(_postgres_base(), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Exception as error:
        print(f"could not drop {name}: {error}", file=sys.stderr)


# --- The build itself, in its own process ---------------------------------------------


def _build(kind, url):
    from tests.served import admin_sql, manage, platform_environment

    stage, vendor = kind.split("-")
    where = url.removeprefix("sqlite:///") if vendor == "sqlite" else _postgres_name(kind)
    if stage == "migrated":
        if vendor == "postgresql":
            admin_sql(url, f'DROP DATABASE IF EXISTS "{where}" WITH (FORCE)')
            admin_sql(url, f'CREATE DATABASE "{where}"')
        _as_the_tests_do(url, "migrate")
        return where
    _copy(vendor, ready(f"migrated-{vendor}"), where)
    if stage == "served":
        manage(platform_environment(DATABASE_URL=url), "seed_demo", "-v0")
    else:
        _as_the_tests_do(url, "seed_demo")
    return where


def _as_the_tests_do(url, command):
    """Run a management command in this process under the test suite's settings."""
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huzheng.settings")
    from django.conf import settings

    from tests.testsettings import apply_test_settings

    apply_test_settings(settings)
    settings.DEBUG = False  # as pytest-django runs the tests
    if command != "migrate":  # whose migrations make the database caches' table
        # Nothing this process caches is read by anyone else.
        settings.CACHES = {
            alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
            for alias in settings.CACHES
        }
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command(command, verbosity=0)
    # The build is copied as soon as it says it is done; PostgreSQL refuses to copy a
    # database someone is still connected to.
    connections.close_all()


def main(kind, url):
    folder = _folder()
    try:
        where = _build(kind, url)
    except BaseException:
        (folder / f"{kind}.failed").write_text("failed")
        raise
    if kind.startswith("tests"):
        from django.utils import timezone

        (folder / f"{kind}.day").write_text(timezone.localdate().isoformat())
    # Written last, by rename, so a reader never sees half of it.
    (folder / f"{kind}.done.tmp").write_text(where)
    (folder / f"{kind}.done.tmp").rename(folder / f"{kind}.done")
    (folder / f"{kind}.pid").unlink(missing_ok=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
