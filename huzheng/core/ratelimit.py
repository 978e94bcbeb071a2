"""Limits on public look-ups (查詢次數限制), counted in the shared cache (Redis, or the
database cache table without Redis) so that every app server sees the same count.

A look-up asks `exceeded()` first and answers "try again later" when it is; each failed
look-up is `counted()`. Counts live in fixed windows that start with the first failure.
The database cache's increment is a read and a write, so two servers failing at the same
instant may count one failure once: the limit is approximate by one, never unbounded."""

import hashlib

from django.core.cache import caches

CACHE = "shared"


# The one limit for every public look-up that answers "found / not found" (a booking by
# code and ID number, a notice slip by number, a kiosk's token), in pages and the API
# alike: misses per client address in a window, counted under the look-up's scope.
LOOKUP_LIMIT = 10
LOOKUP_WINDOW_SECONDS = 15 * 60


class TooManyLookups(Exception):
    """The client has missed too often; answer 429 "try again later"."""


def check_lookup(request, scope):
    """Raise TooManyLookups when this client has used up its misses for `scope`."""
    if exceeded(f"lookup-{scope}", client_key(request), limit=LOOKUP_LIMIT):
        raise TooManyLookups(scope)


def lookup_missed(request, scope):
    """Count a look-up that found nothing."""
    counted(f"lookup-{scope}", client_key(request), window_seconds=LOOKUP_WINDOW_SECONDS)


def too_many_lookups_page(request):
    """The page for TooManyLookups (429), in the visitor's language."""
    from django.shortcuts import render

    return render(request, "429.html", status=429)


def exceeded(scope, key, *, limit):
    """True when `key` has used up its `limit` in the current window of `scope`."""
    return (caches[CACHE].get(_name(scope, key)) or 0) >= limit


def counted(scope, key, *, window_seconds):
    """Count one more failure for `key`; returns the count in the window."""
    cache = caches[CACHE]
    name = _name(scope, key)
    if cache.add(name, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(name)
    except ValueError:  # the window ended between add and incr
        cache.add(name, 1, timeout=window_seconds)
        return 1


def reset(scope, key):
    caches[CACHE].delete(_name(scope, key))


def client_key(request):
    """The client's address as the proxy headers allow (see core.middleware)."""
    from huzheng.core.middleware import client_ip

    return client_ip(request) or "unknown"


def _name(scope, key):
    # Keys may be ID numbers: only a digest goes into the cache.
    digest = hashlib.sha256(f"{scope}\x00{key}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"
