"""Serve the platform: uvicorn (ASGI) and the task worker side by side.

Ctrl-C (or SIGTERM) stops both. The web server is what citizens reach: if it exits,
everything stops, so a half-running platform never looks healthy. The worker is
supervised: if it dies, it is started again (waiting a little longer after each quick
death) while the web server keeps serving, and /healthz says "degraded" meanwhile.
"""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from huzheng.core.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Serve the platform with uvicorn and run the task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (run it elsewhere).",
        )

    def handle(self, *args, host, port, workers, no_worker, **options):
        python = sys.executable
        commands = [
            [
                python,
                "-m",
                "uvicorn",
                "huzheng.asgi:application",
                "--host",
                host,
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--proxy-headers",
                "--no-server-header",
            ]
        ]
        if not no_worker:
            commands.append([python, "-m", "huzheng", "worker", "--verbosity", "0"])
        web = subprocess.Popen(commands[0])  # noqa: S603 - our own argv
        worker = _Supervised(commands[1], self.stderr) if not no_worker else None
        self._announce(host, port, worker=not no_worker)

        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and web.poll() is None:
                if worker is not None:
                    worker.keep_running()
                time.sleep(0.2)
        finally:
            processes = [web] + ([worker.process] if worker and worker.process else [])
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for process in processes:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
        self.stdout.write("Huzheng stopped.")

    def _announce(self, host, port, *, worker):
        self.stdout.write(self.style.SUCCESS(f"\nHuzheng is serving on http://{host}:{port}/"))
        self.stdout.write(f"  back office: http://{host}:{port}/admin/")
        self.stdout.write(f"  API docs:    http://{host}:{port}/api/v1/docs")
        self.stdout.write(f"  health:      http://{host}:{port}/healthz")
        if worker:
            self.stdout.write("  task worker: running beside the server")
        if settings.HUZHENG_DEMO:
            self.stdout.write(
                f"  demo logins (password {DEMO_PASSWORD}): director 主任 · clerk 承辦人 · "
                "counter 櫃檯 · editor 網站管理 · admin"
            )
        self.stdout.write("Press Ctrl-C to stop.\n")


class _Supervised:
    """A child process started again whenever it exits. A child that dies soon after
    its start waits longer before the next start (1 s doubling to 60 s), so a worker that
    cannot start (its queue unreachable) does not spin."""

    QUICK_DEATH_SECONDS = 30
    MAX_DELAY_SECONDS = 60

    def __init__(self, argv, log):
        self.argv, self.log = argv, log
        self.delay = 1.0
        self.process = None
        self.restart_at = 0.0
        self._start()

    def keep_running(self):
        if self.process is not None:
            code = self.process.poll()
            if code is None:
                return
            lived = time.monotonic() - self.started
            self.delay = 1.0 if lived > self.QUICK_DEATH_SECONDS else self.delay
            self.log.write(
                f"The task worker exited (code {code}); starting it again in {self.delay:.0f} s."
            )
            self.process = None
            self.restart_at = time.monotonic() + self.delay
            self.delay = min(self.delay * 2, self.MAX_DELAY_SECONDS)
        if time.monotonic() >= self.restart_at:
            self._start()

    def _start(self):
        self.process = subprocess.Popen(self.argv)  # noqa: S603 - our own argv
        self.started = time.monotonic()
