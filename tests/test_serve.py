"""`manage.py serve`, which `make run` ends with: uvicorn and the task worker start
together, the worker runs queued tasks (here: a real e-mail through Django's file
backend), /healthz sees it, and Ctrl-C stops both processes."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests import redisdb
from tests.served import (
    MANAGE,
    ROOT,
    empty_redis,
    free_port,
    get_json,
    platform_environment,
    wait_until,
)


def _children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _descendants(pid):
    found = []
    for child in _children(pid):
        found += [child, *_descendants(child)]
    return found


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


@pytest.fixture(params=["database", "redis"])
def platform_env(request, tmp_path, demo_sqlite):
    """The platform's environment with the database task queue (nothing but SQLite), and
    with Redis carrying cache and tasks as a county deployment runs it."""
    env = platform_environment(
        DATABASE_URL=demo_sqlite,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    if request.param == "redis":
        # This worker's own Redis database, emptied first: jobs left by another run
        # would queue ahead of this test's e-mail.
        env["REDIS_URL"] = empty_redis(redisdb.url_for("serve"))
    return env, MANAGE, request.param


def test_serve_runs_the_site_and_the_worker_and_ctrl_c_stops_both(platform_env, tmp_path):
    env, manage, backend = platform_env
    port = free_port()
    server = subprocess.Popen(
        [*manage, "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: get_json(base + "/healthz")["tasks"]["ok"], timeout=60)
        health = get_json(base + "/healthz")
        assert health["status"] == "ok", health
        assert (
            health["tasks"]["backend"]
            == {"database": "DatabaseBackend", "redis": "RQBackend"}[backend]
        )
        assert (
            health["cache"]["shared"]["backend"]
            == {"database": "DatabaseCache", "redis": "RedisWithFallback"}[backend]
        )

        code = (
            "import django; django.setup();"
            "from huzheng.notify.services import send_email;"
            "print(send_email('citizen@example.tw', '測試信', '戶政事務所通知').pk)"
        )
        subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "huzheng.settings"},
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        mail_dir = tmp_path / "mail"
        # The worker may send the office's own reminders too; ours must be among them.
        wait_until(
            lambda: (
                mail_dir.exists()
                and any("citizen@example.tw" in f.read_text() for f in mail_dir.iterdir())
            ),
            timeout=60,
        )

        assert len(_children(server.pid)) == 2  # uvicorn and the worker
        children = _descendants(server.pid)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
        wait_until(lambda: not any(_alive(c) for c in children), timeout=5)
        assert not any(_alive(c) for c in children)
        with pytest.raises(OSError):
            get_json(base + "/healthz", timeout=5)
    finally:
        if server.poll() is None:
            server.kill()
    output = server.stdout.read()
    assert f"http://127.0.0.1:{port}/" in output
    assert "huzheng-demo" in output
    assert "Huzheng stopped." in output


def _start(env, manage, port):
    return subprocess.Popen(
        [*manage, "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _page_status(url):
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - localhost
        return response.status


def test_a_dead_worker_is_started_again_and_the_site_keeps_serving(demo_sqlite):
    """Issue 15, finding 10: a crashed worker took the web server down with it."""
    env = platform_environment(DATABASE_URL=demo_sqlite)
    port = free_port()
    server = _start(env, MANAGE, port)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: get_json(base + "/healthz")["tasks"]["ok"], timeout=90)
        uvicorn, worker = _children(server.pid)
        os.kill(worker, signal.SIGKILL)
        restarted = wait_until(
            lambda: [p for p in _children(server.pid) if p not in (uvicorn, worker)], timeout=30
        )
        assert restarted, "the worker was not started again"
        assert server.poll() is None
        assert _page_status(base + "/") == 200
        assert wait_until(lambda: get_json(base + "/healthz")["status"] == "ok", timeout=60)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "starting it again" in server.stdout.read()


def test_serve_starts_and_serves_with_redis_unreachable(demo_sqlite):
    """Issue 15, finding 3: `serve` exited at start-up when Redis was unreachable."""
    env = platform_environment(
        DATABASE_URL=demo_sqlite, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"
    )
    port = free_port()
    server = _start(env, MANAGE, port)
    base = f"http://127.0.0.1:{port}"
    try:
        health = wait_until(lambda: get_json(base + "/healthz"), timeout=90)
        assert health["status"] == "degraded", health
        assert health["redis"]["ok"] is False
        for path in ("/", "/offices/", "/admin/login/", "/queue/huxi/"):
            assert _page_status(base + path) == 200, path
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
