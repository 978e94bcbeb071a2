"""The one way every app queues a background task (django-tasks, run by `manage.py
worker`) that belongs to a write. Messages to citizens are `notify`'s tasks."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, run_after=None, **kwargs):
    """Queue `task` so that it runs only if the current transaction commits.

    The database backend's task row is written in the transaction itself, so it commits
    or rolls back with the change that caused it. Any other backend (RQ on Redis) is
    handed the task once the transaction has committed, so its worker never looks for
    rows it cannot see yet. In tests (the immediate backend) the task runs at once, in
    the test's transaction. A backend that cannot defer runs `run_after` tasks when the
    periodic command that sweeps for them next runs (see `notify.send_messages`)."""
    backend = task.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            return None
        task = task.using(run_after=run_after)
    if _writes_in_the_transaction(backend) or not transaction.get_connection().in_atomic_block:
        return _enqueue(task, *args, **kwargs)
    transaction.on_commit(lambda: _enqueue(task, *args, **kwargs))
    return None


def _enqueue(task, *args, **kwargs):
    """Hand the task to its queue. With the queue's Redis unreachable the task is not
    queued, and the write that caused it still stands: what it would have sent waits in
    the outbox for the periodic sweep (`notify.send_messages`)."""
    try:
        return task.enqueue(*args, **kwargs)
    except Exception as exc:
        if not _queue_unreachable(exc):
            raise
        logger.warning("task queue unreachable; %s left for the periodic sweep", task.name)
        return None


def _queue_unreachable(exc):
    try:
        import redis
    except ImportError:  # pragma: no cover - redis is a dependency
        return False
    return isinstance(exc, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError))


def _writes_in_the_transaction(backend):
    name = type(backend).__name__
    return name in {"DatabaseBackend", "ImmediateBackend"}
