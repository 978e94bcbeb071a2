"""Databases for the tests that start the platform in processes of its own.

Migrating and loading the demo data takes most of such a test's time, so each worker does
it once: into a SQLite file that every test copies, and into a PostgreSQL template
database that every test clones with CREATE DATABASE … TEMPLATE."""

import os
import sqlite3

import pytest

from tests.served import admin_sql, manage, platform_environment, with_database


@pytest.fixture(scope="session")
def demo_sqlite_template(tmp_path_factory):
    """A SQLite file, migrated, with the demo data: made once per worker."""
    path = tmp_path_factory.mktemp("platform-template") / "demo.sqlite3"
    env = platform_environment(DATABASE_URL=f"sqlite:///{path}")
    manage(env, "migrate", "-v0")
    manage(env, "seed_demo", "-v0")
    return path


@pytest.fixture
def demo_sqlite(demo_sqlite_template, tmp_path):
    """A fresh copy of the demo database for one test, as a `DATABASE_URL`."""
    path = tmp_path / "platform.sqlite3"
    source, target = sqlite3.connect(demo_sqlite_template), sqlite3.connect(path)
    try:
        source.backup(target)  # consistent even with the template in WAL mode
    finally:
        source.close()
        target.close()
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def demo_postgres_template():
    """A PostgreSQL database, migrated, with the demo data, to clone: once per worker.
    Skips unless the run's DATABASE_URL is PostgreSQL (CI's second pass)."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "PostgreSQL case: DATABASE_URL is not a PostgreSQL URL in this run "
            "(CI runs the suite once on PostgreSQL)"
        )
    name = f"huzheng_template_{os.getpid()}"
    admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin_sql(base, f'CREATE DATABASE "{name}"')
    try:
        env = platform_environment(DATABASE_URL=with_database(base, name))
        manage(env, "migrate", "-v0")
        manage(env, "seed_demo", "-v0")
        yield base, name
    finally:
        admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def demo_postgres(demo_postgres_template):
    """A fresh clone of the demo database for one test, as a `DATABASE_URL`."""
    base, template = demo_postgres_template
    name = f"huzheng_platform_{os.getpid()}"
    admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin_sql(base, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield with_database(base, name)
    finally:
        admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
