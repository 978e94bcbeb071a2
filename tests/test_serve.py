"""`manage.py serve`, which `make run` ends with: uvicorn and the task worker start
together, the worker runs queued tasks (here: a real e-mail through Django's file
backend), /healthz sees it, and Ctrl-C stops both processes."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def _get_json(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
        return json.loads(response.read())


# A Redis database of its own, emptied first: jobs left by other runs in a shared one
# would queue ahead of this test's e-mail.
REDIS_FOR_TEST = os.environ.get("HUZHENG_TEST_SERVE_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(params=["database", "redis"])
def platform_env(request, tmp_path):
    """The platform's environment with the database task queue (nothing but SQLite), and
    with Redis carrying cache and tasks as a county deployment runs it."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "HUZHENG_DEMO": "1",
    }
    env.pop("REDIS_URL", None)
    if request.param == "redis":
        import redis

        redis.Redis.from_url(REDIS_FOR_TEST).flushdb()
        env["REDIS_URL"] = REDIS_FOR_TEST
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    return env, manage, request.param


def test_serve_runs_the_site_and_the_worker_and_ctrl_c_stops_both(platform_env, tmp_path):
    env, manage, backend = platform_env
    port = _free_port()
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
        health = None
        for _ in range(100):
            try:
                health = _get_json(base + "/healthz")
                if health["tasks"]["ok"]:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        assert health and health["status"] == "ok", health
        assert (
            health["tasks"]["backend"]
            == {"database": "DatabaseBackend", "redis": "RQBackend"}[backend]
        )
        assert (
            health["cache"]["shared"]["backend"]
            == {"database": "DatabaseCache", "redis": "RedisCache"}[backend]
        )

        code = (
            "import django; django.setup();"
            "from huzheng.core.tasks import send_email;"
            "print(send_email.enqueue('測試信', '戶政事務所通知', ['citizen@example.tw']).id)"
        )
        subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "huzheng.settings"},
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        mail_dir = tmp_path / "mail"
        for _ in range(100):
            if mail_dir.exists() and any(mail_dir.iterdir()):
                break
            time.sleep(0.2)
        (mail_file,) = mail_dir.iterdir()
        assert "citizen@example.tw" in mail_file.read_text()

        assert len(_children(server.pid)) == 2  # uvicorn and the worker
        children = _descendants(server.pid)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)
        deadline = time.monotonic() + 5
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(c) for c in children)
        with pytest.raises(OSError):
            _get_json(base + "/healthz")
    finally:
        if server.poll() is None:
            server.kill()
    output = server.stdout.read()
    assert f"http://127.0.0.1:{port}/" in output
    assert "huzheng-demo" in output
    assert "Huzheng stopped." in output
