"""The broadcaster: services publish small "something changed" events on a channel (one
office's queue, say), and display boards and live pages wait for them through
server-sent events, then fetch the full state. A missed event costs nothing.

An event is a row in the database, written in the same transaction as the change it
announces, so it appears exactly when the change does, in every server process: each
process runs one poller per channel that reads the newest id every POLL_SECONDS and
wakes all of that process's streams. With REDIS_URL set, the event id is also published
on Redis after the commit, which wakes the pollers at once; the database poll stays as
the safety net, at a slower pace.

    publish(channel, kind, data)          inside the service's transaction
    latest_id(channel)                    the newest event id, 0 when none
    await wait_for_change(channel, after, timeout)   async streams (uvicorn)
    wait_for_change_sync(channel, after, timeout)    sync streams (runserver, live tests)
"""

import asyncio
import contextlib
import datetime as dt
import logging
import threading
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from huzheng.core import pagecache
from huzheng.core.models import BroadcastEvent

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.25
# With Redis pub/sub waking the pollers, the database is read only this often.
REDIS_POLL_SECONDS = 2.0
KEEP_EVENTS = dt.timedelta(days=1)
PRUNE_EVERY = 500  # events; pruning runs when an event id is a multiple of this


def publish(channel, kind, data=None):
    """Record an event on a channel. Call it inside the transaction of the change."""
    event = BroadcastEvent.objects.create(channel=channel, kind=kind, data=data or {})
    # Kept pages showing this channel (the queue on the home page, the status JSON) are
    # stale once the change commits.
    pagecache.changed("channel", channel)
    if settings.REDIS_URL:
        transaction.on_commit(lambda: _redis_publish(channel, event.pk))
    if event.pk % PRUNE_EVERY == 0:
        BroadcastEvent.objects.filter(created_at__lt=timezone.now() - KEEP_EVENTS).delete()
    return event


def latest_id(channel):
    return BroadcastEvent.objects.filter(channel=channel).aggregate(m=Max("id"))["m"] or 0


def events_after(channel, after_id, limit=50):
    return list(
        BroadcastEvent.objects.filter(channel=channel, id__gt=after_id).order_by("id")[:limit]
    )


async def wait_for_change(channel, after_id, timeout):
    """Wait until the channel has an event newer than `after_id`, at most `timeout`
    seconds; return the newest id then (or `after_id` when nothing happened)."""
    watcher = _Watcher.get(channel)
    watcher.subscribers += 1
    try:
        return await watcher.wait(after_id, timeout)
    finally:
        watcher.subscribers -= 1


def wait_for_change_sync(channel, after_id, timeout):
    """The same for synchronous servers: poll the database from the request's thread."""
    deadline = time.monotonic() + timeout
    while True:
        newest = latest_id(channel)
        if newest > after_id or time.monotonic() >= deadline:
            return max(newest, after_id)
        time.sleep(POLL_SECONDS)


class _Watcher:
    """One poller per channel and event loop, shared by every stream of this process."""

    _watchers = {}
    _lock = threading.Lock()

    @classmethod
    def get(cls, channel):
        loop = asyncio.get_running_loop()
        key = (id(loop), channel)
        with cls._lock:
            watcher = cls._watchers.get(key)
            if watcher is None or watcher.task.done():
                watcher = cls._watchers[key] = cls(channel)
        return watcher

    def __init__(self, channel):
        self.channel = channel
        self.latest = None
        self.subscribers = 0
        self.changed = asyncio.Event()
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def wait(self, after_id, timeout):
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            if self.latest is not None and self.latest > after_id:
                return self.latest
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return after_id if self.latest is None else max(self.latest, after_id)
            changed = self.changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def _run(self):
        idle_since = None
        pubsub = await _redis_subscribe(self.channel)
        try:
            while True:
                await self._poll()
                if self.subscribers == 0:
                    idle_since = idle_since or time.monotonic()
                    if time.monotonic() - idle_since > 30:
                        return  # nobody listens any more; the next stream starts a new one
                else:
                    idle_since = None
                if pubsub is None:
                    await asyncio.sleep(POLL_SECONDS)
                else:
                    pubsub = await _redis_wait(pubsub, self.channel, REDIS_POLL_SECONDS)
        finally:
            if pubsub is not None:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()

    async def _poll(self):
        try:
            newest = await sync_to_async(_latest_id_in_thread, thread_sensitive=False)(self.channel)
        except DatabaseError:
            logger.warning("broadcast poll of %s failed; retrying", self.channel, exc_info=True)
            return
        if self.latest is None or newest > self.latest:
            self.latest = newest
            old, self.changed = self.changed, asyncio.Event()
            old.set()


def _latest_id_in_thread(channel):
    # The poller's thread keeps its connection between polls (a new one four times a
    # second would cost more than the query); a broken one is dropped so the next poll
    # reconnects after a database restart.
    try:
        return latest_id(channel)
    except DatabaseError:
        connection.close()
        raise


# --- Redis --------------------------------------------------------------------------------

_redis_client = None


def _redis_key(channel):
    return f"huzheng:broadcast:{channel}"


def _redis_publish(channel, event_id):
    global _redis_client
    try:
        if _redis_client is None:
            import redis

            _redis_client = redis.Redis.from_url(settings.REDIS_URL)
        _redis_client.publish(_redis_key(channel), event_id)
    except Exception:  # the database poll still delivers the event, a little later
        logger.warning("broadcast publish to Redis failed", exc_info=True)


async def _redis_subscribe(channel):
    if not settings.REDIS_URL:
        return None
    try:
        import redis.asyncio

        client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
        pubsub = client.pubsub()
        await pubsub.subscribe(_redis_key(channel))
        return pubsub
    except Exception:
        logger.warning("broadcast cannot subscribe to Redis; polling the database", exc_info=True)
        return None


async def _redis_wait(pubsub, channel, timeout):
    """Wait for a Redis message or the timeout; after a Redis failure, subscribe anew."""
    try:
        await pubsub.get_message(ignore_subscribe_messages=True, timeout=timeout)
        return pubsub
    except Exception:
        logger.warning("broadcast lost Redis; resubscribing", exc_info=True)
        await asyncio.sleep(POLL_SECONDS)
        return await _redis_subscribe(channel)
