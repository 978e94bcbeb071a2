"""Run the background task worker and report its heartbeat for /healthz.

The database backend runs django-tasks-db's worker; with REDIS_URL set, the RQ worker.
Either way a thread writes a heartbeat row every few seconds, so the health probe can
tell a live worker from one that died.
"""

import os
import socket
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from huzheng.core.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 4


class Command(BaseCommand):
    help = "Run the background task worker (database or RQ backend) with a heartbeat."

    def add_arguments(self, parser):
        parser.add_argument("--queue", default="*", help="Queue names, comma separated.")
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between polls of the database queue.",
        )

    def handle(self, *args, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        worker_id = f"{socket.gethostname()}-{os.getpid()}-{get_random_string(6)}"
        beat = _Heartbeat(worker_id, backend.rsplit(".", 1)[-1])
        beat.start()
        try:
            if backend.endswith("RQBackend"):
                queues = settings.TASKS["default"].get("QUEUES", ["default"])
                # RQ must build django-tasks' own job class, or it would call the Task
                # object itself and fail.
                call_command(
                    "rqworker",
                    *queues,
                    job_class="django_tasks_rq.Job",
                    # Deferred tasks (a message's next try) wait in RQ's scheduler.
                    with_scheduler=True,
                    verbosity=options["verbosity"],
                )
            else:
                call_command(
                    "db_worker",
                    queue_name=options["queue"],
                    interval=options["interval"],
                    worker_id=worker_id[:64],
                    startup_delay=False,
                    # Its autoreloader would fork a second process that outlives a stop.
                    reload=False,
                    verbosity=options["verbosity"],
                )
        finally:
            beat.stop()


class _Heartbeat(threading.Thread):
    def __init__(self, worker_id, backend):
        super().__init__(name="huzheng-heartbeat", daemon=True)
        self.worker_id, self.backend = worker_id, backend
        self.stopping = threading.Event()
        self.started_at = timezone.now()

    def run(self):
        try:
            while not self.stopping.is_set():
                self.beat()
                self.stopping.wait(HEARTBEAT_SECONDS)
        finally:
            connection.close()

    def beat(self):
        close_old_connections()
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "hostname": socket.gethostname(),
                    "pid": os.getpid(),
                    "backend": self.backend,
                    "started_at": self.started_at,
                    "last_seen": timezone.now(),
                },
            )
        except Exception:  # a missed beat shows as "stale"; it must not kill the worker
            connection.close()

    def stop(self):
        self.stopping.set()
