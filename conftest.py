"""Fixtures for every test: factories, a live server with demo data, a real browser
(the system's Chromium driven by Playwright) and the axe-core accessibility check.

The suite runs in parallel (pytest-xdist, `make test`): each worker has its own test
database (pytest-django names it per worker) and its own Redis databases
(`tests/redisdb.py`), since Django's Redis `cache.clear()` empties a whole database."""

import os

import pytest

from tests import demobuild, redisdb

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

    from tests.testsettings import apply_test_settings

    if not hasattr(config, "workerinput"):
        demobuild.begin_run()
    # WhiteNoise warns about a missing STATIC_ROOT before `collectstatic` has run.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    apply_test_settings(settings)
    # Apps that define tasks at import time have already built the configured backends;
    # the same signal the `settings` fixture sends makes django-tasks build them again.
    from django.test.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)
    _give_this_worker_its_own_redis(settings)
    _give_this_worker_its_own_version_files(settings)


def _give_this_worker_its_own_redis(settings):
    if not settings.REDIS_URL:
        return
    from django.test.signals import setting_changed

    url = redisdb.url_for("cache")
    settings.REDIS_URL = url
    for cache in settings.CACHES.values():
        if "redis" in cache["BACKEND"].lower():
            cache["LOCATION"] = url
    setting_changed.send(sender=None, setting="CACHES", value=settings.CACHES, enter=True)


def _give_this_worker_its_own_version_files(settings):
    # Without Redis on SQLite the page cache's versions are files: one folder per worker.
    versions = settings.CACHES["versions"]
    if "filebased" not in versions["BACKEND"]:
        return
    import tempfile

    from django.test.signals import setting_changed

    versions["LOCATION"] = tempfile.mkdtemp(prefix="huzheng-test-versions-")
    setting_changed.send(sender=None, setting="CACHES", value=settings.CACHES, enter=True)


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        demobuild.end_run()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """A test that drives Chromium is a browser test, marked or not, so that
    `-m "not browser"` (CI's SQLite pass) leaves every one of them out.

    Tests that need a demo build (tests/demobuild.py) go after those that do not, each
    group in the order pytest-django gave it. The builds start when collection ends and
    take a minute or two; xdist hands each worker a contiguous share of this order, so
    the first worker runs build-free tests only and the next ones start with build-free
    tests too, instead of each sitting idle at its first demo test until the build is
    done (about 120 s a worker on PostgreSQL)."""
    for item in items:
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: bool(_builds_needed_by(item)))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """Start building the demo databases the selected tests will need, in the background,
    while the first tests run (tests/demobuild.py)."""
    needed = set()
    for item in session.items:
        needed.update(_builds_needed_by(item))
    if any(_database_fixture_of(item) for item in session.items):
        # Every worker's test database and every demo build start from it.
        demobuild.start(f"migrated-{_vendor()}")
    for kind in sorted(needed):
        demobuild.start(kind)


def _builds_needed_by(item):
    """The run's demo builds (tests/demobuild.py) this test will wait for."""
    postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    return demobuild.kinds_for(getattr(item, "fixturenames", ()), _vendor(), postgres)


def _vendor():
    from django.db import connection

    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each worker's test database starts as a copy of the run's migrated build
    (tests/demobuild.py) rather than migrating for itself: at the start of a pass every
    worker and every demo build used to migrate at once, four or five on two cores.
    Django keeps the copy (`django_db_keepdb` below), brings it up to date (nothing to do)
    and makes its cache table; the copy is dropped when the worker ends."""
    from django.db import connection

    name = connection.creation._get_test_db_name()
    demobuild.place_copy(_vendor(), name)
    yield
    connection.close()
    demobuild.drop_copy(_vendor(), name)


@pytest.fixture(scope="session")
def django_db_keepdb(django_db_modify_db_settings):
    """Keep the copy `django_db_modify_db_settings` made: Django would otherwise drop it
    and migrate from nothing. (`--create-db` still does that.)"""
    return True


@pytest.fixture(autouse=True)
def _fresh_caches(request):
    """Each test starts with empty caches: a rolled-back test must not leave, say, its
    site chrome, its rate-limit counts or its content types behind for the next one.
    The shared cache is the database's cache table (or Redis), so it is emptied only
    where a test may use the database."""
    from django.core.cache import caches

    caches["default"].clear()
    caches["pages"].clear()
    database = _database_fixture(request)
    if "filebased" in caches["versions"].__class__.__module__:
        caches["versions"].clear()
    if database:
        from django.contrib.contenttypes.models import ContentType

        request.getfixturevalue(database)
        caches["shared"].clear()
        caches["versions"].clear()
        # A test that restored a snapshot (tests/dbsnapshot.py) may have cached content
        # types whose ids its rollback took away.
        ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _audit_guard(request):
    """Keep the audit log's append-only triggers in place for every database test.

    The first database test of a worker puts them in place (a reused test database may
    have lost them). Transactional tests (live server, thread races) empty every table
    when they finish, which the triggers would refuse, so those tests lift them for
    their teardown, and the next database test puts them back before it starts."""
    database = _database_fixture(request)
    if database is None:
        yield
        return
    from django.db import connection

    from huzheng.core.db import install_audit_guard, remove_audit_guard

    request.getfixturevalue(database)
    if _AUDIT_GUARD["lifted"]:
        install_audit_guard(connection)
        _AUDIT_GUARD["lifted"] = False
    yield
    if database == "transactional_db":
        remove_audit_guard(connection)
        _AUDIT_GUARD["lifted"] = True


_AUDIT_GUARD = {"lifted": True}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the audit guard back, committed, once a transactional test has emptied the
    tables. Put back by the next test's fixture instead, it would sit inside that test's
    transaction (pytest-django opens it first for a `django_db` mark) and leave with its
    rollback: every later test of the worker would run unguarded. pytest-django runs a
    worker's transactional tests last, but workers steal tests from each other."""
    try:
        return (yield)
    finally:
        # After the last test the session's teardown has dropped the test database.
        lifted = _AUDIT_GUARD["lifted"] and nextitem is not None
        if lifted and _database_fixture_of(item) == "transactional_db":
            from django.db import connection
            from pytest_django.plugin import blocking_manager_key

            from huzheng.core.db import install_audit_guard

            with item.config.stash[blocking_manager_key].unblock():
                install_audit_guard(connection)
            _AUDIT_GUARD["lifted"] = False


def _database_fixture(request):
    """ "transactional_db" or "db" for a test that may use the database, else None."""
    return _database_fixture_of(request.node)


def _database_fixture_of(item):
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    if marker is None and not {"db", "transactional_db", "live_server"} & names:
        return None
    transactional = {"transactional_db", "live_server"} & names or (
        marker is not None and marker.kwargs.get("transaction")
    )
    return "transactional_db" if transactional else "db"


@pytest.fixture
def demo_data(db):
    """The demo offices, staff, villages, counters and pages, as `make run` loads them."""
    from django.core.management import call_command
    from django.db import connection

    from huzheng.core.models import Office
    from tests.dbsnapshot import built_once

    built_once(
        "demo",
        lambda: call_command("seed_demo", verbosity=0),
        prebuilt=lambda: demobuild.ready(f"tests-{connection.vendor}"),
        prebuilt_day=lambda: demobuild.built_on(f"tests-{connection.vendor}"),
    )
    return {o.code: o for o in Office.objects.all()}


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
    # Playwright's wait_for_function evaluates its predicate as a string, which our
    # Content-Security-Policy (no eval) refuses; tests/test_browser_csp.py drives pages
    # under the real policy.
    context = browser.new_context(
        locale="zh-TW", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page under the site's real Content-Security-Policy."""
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def assert_no_axe_violations(page, context=None):
    """Run axe-core on the page; fail listing every WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    # Colours mid-animation (Wagtail's messages fade in, its sidebar badge pulses five
    # times) are not the page's colours: axe reads every finite animation at its end,
    # at once, instead of waiting for it (the pulse alone lasts 25 s).
    page.evaluate(
        "document.getAnimations().forEach(a => {"
        " if (a.effect && a.effect.getTiming().iterations !== Infinity) a.finish(); })"
    )
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
