"""Issue 15, finding 3: with Redis unreachable the caches answer from their fallbacks,
every public page still answers, tasks wait for the sweep, and /healthz says
"degraded" (200), not "down"."""

import re
import socket

import pytest

from huzheng.core import fallbackcache

pytestmark = pytest.mark.django_db

# Pages a citizen reaches; the crawl below finds the rest from the home page's links.
PAGES = ["/", "/offices/", "/admin/login/", "/api/v1/offices", "/healthz"]
SKIP = ("/admin/", "/static/", "/media/", "/documents/", "/i18n/", "/lang/", "/logout")


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nobody listens once the socket is closed


@pytest.fixture
def redis_unreachable(settings, monkeypatch):
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.REDIS_URL = url
    caches = {}
    for alias, prefix, fallback in (
        ("default", "huzheng", "local-fallback"),
        ("shared", "huzheng-shared", "shared-fallback"),
        ("versions", "huzheng-versions", "versions-fallback"),
    ):
        caches[alias] = {
            "BACKEND": "huzheng.core.fallbackcache.RedisWithFallback",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "FALLBACK": fallback},
        }
    caches["pages"] = settings.CACHES["pages"]
    caches["local-fallback"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    caches["shared-fallback"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "huzheng_shared_cache",
    }
    caches["versions-fallback"] = {**caches["shared-fallback"], "KEY_PREFIX": "versions"}
    settings.CACHES = caches
    monkeypatch.setattr(fallbackcache, "_down_until", 0.0)
    return url


def test_every_public_page_answers_with_redis_unreachable(client, demo_data, redis_unreachable):
    seen, queue, answered = set(), list(PAGES), {}
    while queue and len(seen) < 60:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        answered[path] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in re.findall(r'href="(/[^"#?]*)"', response.content.decode()):
                if not link.startswith(SKIP) and link not in seen:
                    queue.append(link)
    assert fallbackcache.redis_down()
    assert all(answered[path] == 200 for path in PAGES if path != "/healthz"), answered
    assert not [p for p, status in answered.items() if status >= 500], answered
    assert len(answered) > 20


def test_healthz_says_degraded_not_down(client, redis_unreachable):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["redis"] == {"used": True, "ok": False, "error": "ConnectionError"}
    assert body["cache"]["ok"] is True


def test_a_fallen_back_cache_keeps_counting_and_comes_back(redis_unreachable, monkeypatch):
    from django.core.cache import caches

    from huzheng.core import ratelimit

    assert ratelimit.counted("t", "k", window_seconds=60) == 1
    assert ratelimit.counted("t", "k", window_seconds=60) == 2  # in the database fallback
    assert ratelimit.exceeded("t", "k", limit=2)
    assert caches["shared-fallback"].get(ratelimit._name("t", "k")) == 2


def test_every_request_shares_the_processs_connections_to_redis():
    """Django makes a cache object per thread and per async context (under ASGI, per
    request); each used to open its own connection pool, so every request connected to
    Redis anew. The pools are the process's, by server and options."""
    import threading

    from django.core.cache import caches

    from huzheng.core.fallbackcache import RedisWithFallback

    params = {"OPTIONS": {"FALLBACK": "default", "socket_connect_timeout": 1}}
    first = RedisWithFallback("redis://127.0.0.1:1/0", params)
    seen = []
    thread = threading.Thread(
        target=lambda: seen.append(RedisWithFallback("redis://127.0.0.1:1/0", params))
    )
    thread.start()
    thread.join()
    assert first._cache.get_client().connection_pool is seen[0]._cache.get_client().connection_pool
    other = RedisWithFallback("redis://127.0.0.1:1/1", params)
    assert (
        other._cache.get_client().connection_pool is not first._cache.get_client().connection_pool
    )
    assert caches  # the aliases themselves are untouched
