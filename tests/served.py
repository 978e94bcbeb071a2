"""Helpers for the tests that start the platform as production starts it, in processes
of its own (`manage.py serve`, two uvicorn app servers); their databases come from the
fixtures in tests/conftest.py."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def platform_environment(**extra):
    """os.environ as a served platform sees it: demo mode, no test-only switches, and
    page-cache versions of its own (the servers started with one environment share
    them, as the processes of one machine do)."""
    env = {
        **os.environ,
        "HUZHENG_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "huzheng.settings",
        "HUZHENG_VERSIONS_PATH": tempfile.mkdtemp(prefix="huzheng-versions-"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the servers must be async-safe for real
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env, *command):
    subprocess.run([*MANAGE, *command], env=env, cwd=ROOT, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - localhost
        return json.loads(response.read())


def wait_until(condition, *, timeout, every=0.1):
    """Poll `condition()` until it returns a true value (returned) or the time is up (None)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except OSError:
            value = None
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(every)


def admin_sql(database_url, sql):
    import psycopg

    with psycopg.connect(database_url, dbname="postgres", autocommit=True) as connection:
        connection.execute(sql)


def clone_postgres(url, template, name):
    """CREATE DATABASE `name` as a copy of `template` (on the server of `url`), which is
    the fastest copy PostgreSQL makes, replacing it. It refuses while another session is
    connected to the template (a build that has not quite let go of it), so a refused
    clone tries again."""
    import psycopg

    admin_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for attempt in range(50):
        try:
            admin_sql(url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return
        except psycopg.errors.ObjectInUse:
            if attempt == 49:
                raise
            time.sleep(0.2)


def copy_sqlite(source, target):
    """Copy the SQLite database at `source` to the path `target`, replacing it."""
    import sqlite3

    remove_sqlite(target)
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reader.backup(writer)  # consistent even with the source in WAL mode
    finally:
        reader.close()
        writer.close()


def remove_sqlite(path):
    """Remove a SQLite database file with its write-ahead log and shared-memory files."""
    for leftover in (path, f"{path}-wal", f"{path}-shm"):
        Path(leftover).unlink(missing_ok=True)


def empty_redis(url):
    """Empty this worker's Redis database for the test; skip when Redis is not there."""
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.RedisError as error:
        pytest.skip(f"This case needs Redis at {url}: {error}")
    return url


def with_database(url, name):
    return urllib.parse.urlparse(url)._replace(path=f"/{name}").geturl()
