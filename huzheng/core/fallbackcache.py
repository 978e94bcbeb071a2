"""A Redis cache that keeps answering when Redis does not (Redis 無法連線時的備援).

With Redis unreachable, every cache call would raise and nearly every page would be a
500. `RedisWithFallback` answers from a fallback cache instead (the database cache table
for the caches every app server shares, local memory for the per-process one) and stops
trying Redis for a few seconds after each failure, so an outage costs one refused
connection per process now and then, not one per call. `/healthz` reports the outage
as "degraded" through `redis_down()`."""

import asyncio
import logging
import time
import weakref

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

# After a failure, Redis is tried again only after this many seconds.
RETRY_SECONDS = 5.0

_down_until = 0.0

# Connection pools of this process, by server and options. Django makes a cache object,
# and with it a new pool, per thread and per async context: under ASGI every request,
# so every request opened a new connection to Redis. The pools (thread-safe, and
# reopened by redis-py after a fork) are shared instead.
_pools = {}


def redis_down():
    """True while a recent Redis failure has this process answering from the fallback."""
    return time.monotonic() < _down_until


def _mark_down(exc):
    global _down_until
    if not redis_down():
        logger.warning("Redis unreachable (%s); caches answer from their fallback", exc)
    _down_until = time.monotonic() + RETRY_SECONDS


def _redis_errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class RedisWithFallback(RedisCache):
    """Django's RedisCache; OPTIONS["FALLBACK"] names the cache alias used while Redis is
    unreachable."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.fallback_alias = options.pop("FALLBACK")
        params["OPTIONS"] = options
        super().__init__(server, params)

    @property
    def fallback(self):
        return caches[self.fallback_alias]

    @cached_property
    def _cache(self):
        client = super()._cache
        key = (tuple(self._servers), repr(sorted(client._pool_options.items())))
        client._pools = _pools.setdefault(key, {})
        return client

    async def aget_many_from_redis(self, keys):
        """{key: value} of the keys found, read from Redis with an async client (no thread),
        or None when Redis is not asked: it is down, it failed now (marked down, as a sync
        call would), or the cache has several servers. Never reads the fallback: a caller
        that gets None goes the sync way, which does."""
        if redis_down() or len(self._servers) != 1:
            return None
        client = _async_client(self._servers[0], self._options)
        names = [self.make_and_validate_key(key) for key in keys]
        try:
            values = await client.mget(names)
        except _redis_errors() as exc:
            _mark_down(exc)
            return None
        loads = self._cache._serializer.loads
        return {
            key: loads(value) for key, value in zip(keys, values, strict=True) if value is not None
        }


# Async clients of this process, by event loop, server and options: redis.asyncio's
# connections belong to the loop that opened them (uvicorn runs one loop per process).
_async_clients = weakref.WeakKeyDictionary()


def _async_client(server, options):
    import redis.asyncio

    loop = asyncio.get_running_loop()
    clients = _async_clients.setdefault(loop, {})
    key = (server, repr(sorted(options.items())))
    if key not in clients:
        usable = {k: v for k, v in options.items() if k not in _SYNC_ONLY_OPTIONS}
        clients[key] = redis.asyncio.Redis.from_url(server, **usable)
    return clients[key]


# What Django's Redis client takes that an async client must not (classes of the sync
# library, the serializer Django applies itself).
_SYNC_ONLY_OPTIONS = ("parser_class", "pool_class", "serializer")


def _guarded(name):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if not redis_down():
            try:
                return redis_method(self, *args, **kwargs)
            except _redis_errors() as exc:
                _mark_down(exc)
        return getattr(self.fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
    "get_or_set",
):
    setattr(RedisWithFallback, _name, _guarded(_name))
