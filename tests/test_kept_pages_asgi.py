"""Kept pages answered in front of Django (core.keptpages): the answer is Django's own,
byte for byte; only an anonymous GET or HEAD of a kept page in the same language is
answered there; an edit shows at once; with Redis unreachable Django answers."""

import asyncio
import socket

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import get_user_model
from django.core.asgi import get_asgi_application
from django.test import Client

from huzheng.catalog.models import RegistrationService
from huzheng.core import fallbackcache
from huzheng.core.keptpages import KeptPages
from tests import redisdb
from tests.served import empty_redis

pytestmark = pytest.mark.django_db

KEPT_PATHS = ["/", "/services/birth/", "/services/tables/fees/", "/api/v1/queue/huxi/status"]


def _redis_versions(url):
    return {
        "BACKEND": "huzheng.core.fallbackcache.RedisWithFallback",
        "LOCATION": url,
        "KEY_PREFIX": "huzheng-versions",
        "TIMEOUT": None,
        "OPTIONS": {"socket_connect_timeout": 1, "FALLBACK": "versions-fallback"},
    }


@pytest.fixture(params=["files", "redis"])
def site(request, demo_data, settings, monkeypatch):
    """The demo site, its versions in files (one SQLite machine) or in Redis (async reads)."""
    settings.HUZHENG_DEMO = True
    monkeypatch.setattr(fallbackcache, "_down_until", 0.0)
    if request.param == "redis":
        url = empty_redis(redisdb.url_for("cache"))
        settings.CACHES = {
            **settings.CACHES,
            "versions": _redis_versions(url),
            "versions-fallback": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "huzheng_shared_cache",
                "KEY_PREFIX": "versions",
                "TIMEOUT": None,
            },
        }
    return demo_data


@pytest.fixture
def django_app(site):
    # As Django's test client does: the request signals must not close the connection
    # that holds this test's transaction.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_asgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def app(django_app):
    return KeptPages(django_app)


class Answer:
    def __init__(self, messages):
        start = messages[0]
        self.status = start["status"]
        self.headers = list(start["headers"])
        self.body = b"".join(m.get("body", b"") for m in messages[1:])

    def header(self, name):
        found = {key.lower(): value for key, value in self.headers}
        return found.get(name.lower().encode(), b"").decode()

    def as_sent(self):
        return (self.status, self.headers, self.body)


def call(app, path, method="GET", headers=(), body=b""):
    """One request through an ASGI application, as uvicorn would make it; the sync code
    of Django runs in this test's thread (and database transaction)."""
    path, _, query = path.partition("?")

    async def run():
        messages = []
        given = []

        async def receive():
            if not given:
                given.append(1)
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Future()  # the client stays connected

        async def send(message):
            messages.append(message)

        extra = [(b"content-length", str(len(body)).encode())] if body else []
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": [(b"host", b"testserver"), *extra, *headers],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 80),
        }
        await app(scope, receive, send)
        return Answer(messages)

    return async_to_sync(run)()


def test_a_kept_page_is_answered_in_front_of_django_with_djangos_own_bytes(app, django_app):
    for path in KEPT_PATHS:
        call(app, path)  # built by the view and kept
        by_django = call(app, path)  # answered by the page cache inside Django
        before = app.answered
        in_front = call(app, path)
        assert app.answered == before + 1, path
        assert in_front.as_sent() == by_django.as_sent(), path
        # and Django, asked again without the layer, answers the very same
        assert call(django_app, path).as_sent() == in_front.as_sent(), path
        for header in (
            "Content-Security-Policy",
            "Permissions-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "Vary",
        ):
            assert in_front.header(header), (path, header)
        assert in_front.header("Content-Length") == str(len(in_front.body))


def test_a_conditional_request_is_answered_not_modified_in_front_of_django(app, django_app):
    path = "/services/tables/fees/"
    etag = call(app, path).header("ETag")
    call(app, path)  # the full answer, by Django
    conditional = [(b"if-none-match", etag.encode())]
    by_django = call(app, path, headers=conditional)
    before = app.answered
    in_front = call(app, path, headers=conditional)
    assert call(app, path).status == 200  # both answers of the one kept page are noted
    assert app.answered == before + 2
    assert in_front.status == 304 and in_front.body == b""
    assert in_front.as_sent() == by_django.as_sent()
    assert call(django_app, path, headers=conditional).as_sent() == in_front.as_sent()


def test_a_head_request_gets_djangos_head_answer(app):
    path = "/services/birth/"
    call(app, path)
    by_django = call(app, path, method="HEAD")
    before = app.answered
    assert call(app, path, method="HEAD").as_sent() == by_django.as_sent()
    assert app.answered == before + 1


def test_a_signed_in_request_is_never_answered_in_front_of_django(app):
    for _ in range(3):
        call(app, "/")
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="editor"))
    cookie = f"sessionid={staff.cookies['sessionid'].value}".encode()
    before = app.answered
    page = call(app, "/", headers=[(b"cookie", cookie)])
    assert app.answered == before
    assert b"wagtail-userbar" in page.body  # built for the editor by Django


def test_a_post_is_never_answered_in_front_of_django(app):
    for _ in range(3):
        call(app, "/")
    before = app.answered
    answer = call(app, "/", method="POST", body=b"a=1", headers=[(b"content-type", b"text/plain")])
    assert app.answered == before
    assert answer.status == 403  # Django's CSRF check, not the kept page


def test_a_get_with_a_body_goes_to_django(app):
    for _ in range(3):
        call(app, "/")
    before = app.answered
    assert call(app, "/", body=b"x").status == 200
    assert app.answered == before


def test_a_form_page_is_never_answered_in_front_of_django(app):
    bodies = [call(app, "/forms/birth-registration/").body for _ in range(3)]
    assert app.answered == 0
    assert not app.records
    assert bodies[0] != bodies[2]  # each answer built, with its own form token


def test_a_page_in_one_language_is_never_answered_in_the_other(app):
    path = "/services/birth/"
    chinese = [call(app, path) for _ in range(3)][-1]
    assert app.answered == 1
    english = call(app, path, headers=[(b"cookie", b"huzheng_language=en")])
    assert app.answered == 1  # not the Chinese page's record
    assert b'<html lang="en">' in english.body and b'<html lang="en">' not in chinese.body
    for _ in range(2):
        again = call(app, path, headers=[(b"cookie", b"huzheng_language=en")])
    assert app.answered == 2 and again.body == english.body
    api = "/api/v1/queue/huxi/status"
    for _ in range(3):
        call(app, api)
    answered = app.answered
    asked_in_english = call(app, api, headers=[(b"accept-language", b"en")])
    assert app.answered == answered
    assert asked_in_english.header("Content-Language") == "en"


def test_an_edit_shows_at_once_past_the_layer(app):
    path = "/services/birth/"
    for _ in range(3):
        assert "十四日內".encode() not in call(app, path).body
    assert app.answered == 1
    service = RegistrationService.objects.get(slug="birth")
    service.summary = "嬰兒出生後十四日內請來辦理。"
    service.save()
    assert "十四日內".encode() in call(app, path).body
    assert app.answered == 1  # stale: Django built it again


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_with_redis_unreachable_django_answers(app, settings, request):
    if "redis" not in settings.CACHES["versions"]["BACKEND"].lower():
        pytest.skip("Redis versions only")
    path = "/services/birth/"
    for _ in range(3):
        call(app, path)
    assert app.answered == 1
    # Redis goes away: the same URL now reaches nobody.
    dead = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CACHES = {**settings.CACHES, "versions": _redis_versions(dead)}
    for _ in range(3):
        answer = call(app, path)
        assert answer.status == 200 and "出生登記".encode() in answer.body
    assert app.answered == 1  # every one of them answered by Django, from the fallback
    assert fallbackcache.redis_down()
