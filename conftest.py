"""Fixtures for every test: factories, a live server with demo data, a real browser
(the system's Chromium driven by Playwright) and the axe-core accessibility check."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would otherwise
# refuse database calls from that thread as "async".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_configure(config):
    from django.conf import settings

    # WhiteNoise warns about a missing STATIC_ROOT before `collectstatic` has run.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    # The production hasher spends a quarter of a second on purpose; tests log in often.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tasks run at once, in the test's own process and transaction; the worker itself is
    # tested for real in tests/test_serve.py.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Apps that define tasks at import time have already built the configured backends;
    # the same signal the `settings` fixture sends makes django-tasks build them again.
    from django.test.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)


@pytest.fixture(autouse=True)
def _fresh_caches(request):
    """Each test starts with empty caches: a rolled-back test must not leave, say, its
    site chrome or its rate-limit counts behind for the next one. The shared cache is
    the database's cache table (or Redis), so it is emptied only where a test may use
    the database."""
    from django.core.cache import caches

    caches["default"].clear()
    database = _database_fixture(request)
    if database:
        request.getfixturevalue(database)
        caches["shared"].clear()


@pytest.fixture(autouse=True)
def _audit_guard(request):
    """Keep the audit log's append-only triggers in place for every database test.

    Transactional tests (live server, thread races) empty every table when they finish,
    which the triggers would refuse, so those tests lift them for their teardown only."""
    database = _database_fixture(request)
    if database is None:
        yield
        return
    from django.db import connection

    from huzheng.core.db import install_audit_guard, remove_audit_guard

    request.getfixturevalue(database)
    install_audit_guard(connection)
    yield
    if database == "transactional_db":
        remove_audit_guard(connection)


def _database_fixture(request):
    """ "transactional_db" or "db" for a test that may use the database, else None."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not {"db", "transactional_db", "live_server"} & names:
        return None
    transactional = {"transactional_db", "live_server"} & names or (
        marker is not None and marker.kwargs.get("transaction")
    )
    return "transactional_db" if transactional else "db"


@pytest.fixture
def demo_data(db):
    """The demo offices, staff, villages, counters and pages, as `make run` loads them.

    The first test of the day loads them for real; later tests get the same rows back
    from a snapshot of the database (tests/dbsnapshot.py), in a fraction of the time."""
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from huzheng.core.db import install_audit_guard, remove_audit_guard
    from huzheng.core.models import Office
    from tests.dbsnapshot import DatabaseSnapshot

    # Demo rows may be dated relative to today, so a run that crosses midnight seeds again.
    key = (connection.vendor, timezone.localdate())
    snapshot = _DEMO_SNAPSHOTS.get(key)
    if snapshot is None:
        call_command("seed_demo", verbosity=0)
        _DEMO_SNAPSHOTS.clear()
        _DEMO_SNAPSHOTS[key] = DatabaseSnapshot(connection)
    else:
        # The audit log's guard refuses the DELETE that empties its table.
        remove_audit_guard(connection)
        snapshot.restore(connection)
        install_audit_guard(connection)
    return {o.code: o for o in Office.objects.all()}


_DEMO_SNAPSHOTS = {}


@pytest.fixture
def live_site(live_server, demo_data):
    """A live server (its own thread, the test database) with the demo data loaded.
    Live-server tests empty the database when they finish; the demo loader puts back
    what Wagtail's migrations would have made (root page, locale, root collection)."""
    return live_server.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def assert_no_axe_violations(page, context=None):
    """Run axe-core on the page; fail listing every WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    results = Axe().run(page, context=context, options=options)
    violations = results.response["violations"]
    if violations:
        lines = [f"{page.url}: {len(violations)} axe violation(s)"]
        for v in violations:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} at {targets}")
        pytest.fail("\n".join(lines))
    return results


@pytest.fixture
def axe():
    return assert_no_axe_violations
