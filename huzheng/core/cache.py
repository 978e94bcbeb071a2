"""Cache generations: a cheap "forget everything cached for X" across app servers."""

import contextlib
import contextvars
import time

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver


class Generation:
    """A counter in the "versions" cache that names the current version of some cached
    data. Keys built with ``current()`` become unreachable when ``bump()`` is called, so
    one increment clears every office's and every language's entries at once, on every
    app server (the "versions" cache is Redis, files shared by the processes of one
    SQLite machine, or the database's cache table)."""

    def __init__(self, name):
        self.key = f"{name}:generation"

    def current(self):
        # A counter that was evicted or culled starts again from the clock, never from a
        # value an old entry could still carry.
        return _shared().get_or_set(self.key, time.time_ns)

    @classmethod
    def current_many(cls, names):
        """{name: version} of several generations in one cache read."""
        keys = {f"{name}:generation": name for name in names}
        found = _shared().get_many(list(keys))
        return {name: found.get(key) for key, name in keys.items()}

    @classmethod
    async def acurrent_many(cls, names):
        """`current_many` for async code that must not block on a network or a database:
        {name: version}, or None when that cannot be told so (the versions are in the
        database's cache table, or Redis is unreachable; the caller then goes the sync
        way, which reads the fallback). Redis is read with an async client; files or local
        memory (one machine without Redis) directly, as cheaply as the sync way does."""
        keys = {f"{name}:generation": name for name in names}
        versions = _process_versions()
        if hasattr(versions, "aget_many_from_redis"):
            found = await versions.aget_many_from_redis(list(keys))
            if found is None:
                return None
        elif isinstance(versions, (FileBasedCache, LocMemCache)):
            found = versions.get_many(list(keys))
        else:
            return None
        return {name: found.get(key) for key, name in keys.items()}

    def bump(self):
        """A new version now, and again when the current transaction commits: a reader
        that saw the old data just before the commit cannot keep it under the new name."""
        deferred = _deferred.get()
        if deferred is not None:
            deferred.add(self.key)
            return
        self._increment()
        connection = transaction.get_connection()
        if connection.in_atomic_block:
            transaction.on_commit(self._increment)

    def _increment(self):
        shared = _shared()
        try:
            shared.incr(self.key)
        except ValueError:  # evicted or never set: any value but the old one will do
            shared.set(self.key, time.time_ns(), None)


@contextlib.contextmanager
def bumps_deferred():
    """Bump each generation once when the block ends, however often its writes asked.

    For bulk loads (the demo data, the catalog): thousands of saves would otherwise each
    write the shared counter twice. Only for writes nobody is reading meanwhile."""
    if _deferred.get() is not None:  # an outer block bumps at its end
        yield
        return
    keys = set()
    token = _deferred.set(keys)
    try:
        yield
    finally:
        _deferred.reset(token)
        for key in sorted(keys):
            generation = Generation.__new__(Generation)
            generation.key = key
            generation.bump()


_deferred = contextvars.ContextVar("huzheng_deferred_bumps", default=None)


def _shared():
    return caches["versions"]


# One "versions" cache object for the async readers of this process: `caches[...]` makes
# a new one per async context, that is per request under ASGI.
_versions_of_process = []


def _process_versions():
    if not _versions_of_process:
        _versions_of_process.append(caches.create_connection("versions"))
    return _versions_of_process[0]


@receiver(setting_changed)
def _caches_changed(setting, **kwargs):
    if setting == "CACHES":
        _versions_of_process.clear()
