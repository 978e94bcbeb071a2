"""Databases for the tests that start the platform in processes of its own.

Migrating and loading the demo data takes most of such a test's time, so it is done once
per run (tests/demobuild.py): into a SQLite file that every test copies, and into a
PostgreSQL template database that every test clones with CREATE DATABASE … TEMPLATE."""

import os
from pathlib import Path

import pytest

from tests import demobuild
from tests.served import admin_sql, clone_postgres, copy_sqlite, with_database


@pytest.fixture(scope="session")
def demo_sqlite_template():
    """A SQLite file, migrated, with the demo data: built once per run (tests/demobuild.py)."""
    return Path(demobuild.ready("served-sqlite"))


@pytest.fixture
def demo_sqlite(demo_sqlite_template, tmp_path):
    """A fresh copy of the demo database for one test, as a `DATABASE_URL`."""
    path = tmp_path / "platform.sqlite3"
    copy_sqlite(demo_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def demo_postgres_template():
    """A PostgreSQL database, migrated, with the demo data, to clone: built once per run
    (tests/demobuild.py). Skips unless the run's DATABASE_URL is PostgreSQL (CI's second
    pass)."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "PostgreSQL case: DATABASE_URL is not a PostgreSQL URL in this run "
            "(CI runs the suite once on PostgreSQL)"
        )
    return base, demobuild.ready("served-postgresql")


@pytest.fixture
def demo_postgres(demo_postgres_template):
    """A fresh clone of the demo database for one test, as a `DATABASE_URL`."""
    base, template = demo_postgres_template
    name = f"huzheng_platform_{os.getpid()}"
    clone_postgres(base, template, name)
    try:
        yield with_database(base, name)
    finally:
        admin_sql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
