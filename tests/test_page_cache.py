"""The page cache (頁面快取) is never stale where it matters: a kept anonymous page is
served without its view until something it was built from changes, and then the change
shows at once; signed-in staff, forms and personal answers are never kept; a page in one
language is never served in the other."""

import datetime as dt
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from huzheng.catalog.models import RegistrationService
from huzheng.core import pagecache
from huzheng.queueing import services as queue
from huzheng.queueing.models import Counter, MarqueeMessage

pytestmark = pytest.mark.django_db

KIOSK = {"HTTP_AUTHORIZATION": "Kiosk demo-kiosk-huxi"}


@pytest.fixture
def site(demo_data, settings):
    settings.HUZHENG_DEMO = True  # the demo office takes tickets at any hour
    return demo_data


def queries_for(client, path, **extra):
    """(response, number of queries): a kept page costs at most the read of the versions
    it was built from (one query with the database's cache), a rendered one many more."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return response, len(queries)


def assert_never_kept(response):
    """Nothing is kept under the page's key, and the answer is not a kept page's (which
    always says `public`). Counting queries would not tell: with warm caches a form page
    renders on a single query."""
    assert caches["pages"].get(pagecache.key_for(response.wsgi_request)) is None
    assert "public" not in response.get("Cache-Control", "")
    assert "ETag" not in response


def test_a_kept_page_is_served_again_without_its_view(client, site):
    first, rendering = queries_for(client, "/services/birth/")
    assert first.status_code == 200
    again, kept = queries_for(client, "/services/birth/")
    assert kept <= 1 < rendering
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert "Cookie" in again["Vary"]
    assert again["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_kept_page_carries_the_headers_of_a_rendered_one(client, site):
    rendered = client.get("/services/tables/fees/")
    kept = client.get("/services/tables/fees/")
    assert kept.content == rendered.content
    for header in (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert kept[header] == rendered[header], header
    # A length, not chunked encoding, as CommonMiddleware gives a rendered page.
    assert kept["Content-Length"] == str(len(kept.content))


def test_the_back_office_keeps_its_own_policy(client, site):
    public = client.get("/")["Content-Security-Policy"]
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in public.split("script-src")[1].split(";")[0]
    assert "'unsafe-inline'" in admin.split("script-src")[1].split(";")[0]


def test_a_conditional_request_for_a_kept_page_is_answered_not_modified(client, site):
    etag = client.get("/services/tables/fees/")["ETag"]
    response = client.get("/services/tables/fees/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_an_edited_service_shows_at_once(client, site):
    client.get("/services/")
    assert "十四日內" not in client.get("/services/birth/").content.decode()
    service = RegistrationService.objects.get(slug="birth")
    service.summary = "嬰兒出生後十四日內請來辦理。"
    service.name = "出生登記（新生兒）"
    service.save()
    assert "十四日內" in client.get("/services/birth/").content.decode()
    assert "出生登記（新生兒）" in client.get("/services/").content.decode()


def test_a_published_news_item_shows_at_once_on_the_home_page_and_the_news_index(client, site):
    from huzheng.site.models import NewsIndexPage, NewsPage

    client.get("/")
    client.get("/news/")
    index = NewsIndexPage.objects.first()
    news = NewsPage(title="颱風假停止上班公告", slug=f"typhoon-{uuid.uuid4().hex[:6]}")
    if hasattr(news, "published_on"):
        news.published_on = timezone.localdate()
    index.add_child(instance=news)
    news.save_revision().publish()
    assert "颱風假停止上班公告" in client.get("/news/").content.decode()
    assert "颱風假停止上班公告" in client.get("/").content.decode()


def test_an_unpublished_page_leaves_at_once(client, site):
    assert client.get("/privacy/").status_code == 200
    Page.objects.get(slug="privacy").specific.unpublish()
    assert client.get("/privacy/").status_code == 404


def test_a_new_marquee_notice_shows_at_once(client, site):
    client.get("/")
    client.get("/api/v1/queue/huxi/marquee")
    MarqueeMessage.objects.create(
        office=site["huxi"],
        text="今日下午系統維護",
        starts_at=timezone.now() - dt.timedelta(minutes=1),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    assert "今日下午系統維護" in client.get("/").content.decode()
    texts = [m["text"] for m in client.get("/api/v1/queue/huxi/marquee").json()["messages"]]
    assert "今日下午系統維護" in texts


def test_a_new_ticket_and_a_call_show_at_once_in_the_status_and_on_the_home_page(client, site):
    office = site["huxi"]
    before = client.get("/api/v1/queue/huxi/status").json()
    client.get("/")
    ticket, _created = queue.issue_ticket(
        office, service=RegistrationService.objects.get(slug="move-in"), idempotency_key="k1"
    )
    after = client.get("/api/v1/queue/huxi/status").json()
    assert after["waiting_total"] == before["waiting_total"] + 1
    queue.call_next(Counter.objects.get(office=office, number=1))
    called = client.get("/api/v1/queue/huxi/status").json()
    assert called["calls"][0]["ticket"] == ticket.label


def test_a_page_in_one_language_is_never_served_in_the_other(client, site):
    chinese = client.get("/services/birth/").content.decode()
    english = Client(HTTP_HOST="testserver")
    english.cookies["huzheng_language"] = "en"
    page = english.get("/services/birth/").content.decode()
    assert '<html lang="en">' in page and '<html lang="en">' not in chinese
    assert client.get("/services/birth/").content.decode() == chinese
    api = client.get("/api/v1/queue/huxi/status", HTTP_ACCEPT_LANGUAGE="en")
    assert api["Content-Language"] == "en"
    assert client.get("/api/v1/queue/huxi/status")["Content-Language"] == "zh-hant"


def test_a_signed_in_staff_members_pages_are_never_kept(client, site):
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="editor"))
    page = staff.get("/").content.decode()
    assert "wagtail-userbar" in page  # the editor's bar, built for them
    assert "wagtail-userbar" not in client.get("/").content.decode()
    assert "wagtail-userbar" in staff.get("/").content.decode()


def test_a_form_page_is_never_kept(client, site):
    client.get("/forms/birth-registration/")
    again = client.get("/forms/birth-registration/")
    assert_never_kept(again)
    # Two visitors each get their own form token.
    other = Client()
    first = client.get("/forms/birth-registration/").content
    assert other.get("/forms/birth-registration/").content != first


def test_a_personal_answer_is_never_kept(client, site):
    ticket, _created = queue.issue_ticket(
        site["huxi"], service=RegistrationService.objects.get(slug="move-in"), idempotency_key="k2"
    )
    path = f"/queue/huxi/tickets/{ticket.pk}/"
    client.get(path)
    assert_never_kept(client.get(path))


def test_the_opening_status_limits_how_long_a_page_is_kept(site):
    recording = pagecache._Recording(expires=float("inf"))
    token = pagecache._recording.set(recording)
    try:
        from huzheng.core.services import opening_status

        status = opening_status(site["huxi"])
    finally:
        pagecache._recording.reset(token)
    moment = status.closes_at or status.next_opens_at
    assert recording.expires == moment.timestamp()


def test_a_search_served_from_the_cache_is_still_counted(client, site):
    from huzheng.search.models import PopularQuery

    client.get("/search/?q=%E6%8E%9B%E5%A4%B1")
    client.get("/search/?q=%E6%8E%9B%E5%A4%B1")
    assert PopularQuery.objects.get(query="掛失").count == 2


def test_hostile_requests_are_answered_normally_and_not_kept(client, site):
    for path in ["/services/%00/", "/services/<script>/", "/" + "x" * 2000]:
        assert client.get(path).status_code in (301, 400, 404)
    assert client.get("/", HTTP_HOST="x" * 300).status_code == 400


def test_a_stale_page_is_built_again_once_while_the_others_wait(settings):
    """When a kept page goes stale under load, one request of the process builds it again
    and the others arriving meanwhile are answered from the new copy, instead of each
    building it (sixteen concurrent builds held a loaded worker for seconds)."""
    import threading

    from django.http import HttpResponse
    from django.test import RequestFactory

    from tests.served import wait_until

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "herd"},
        "versions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "herd-versions",
        },
    }
    builds, found_stale, answers = [], [], []
    others = []

    def view(request):
        pagecache.mark_public()
        pagecache.depends_on("herd-test")
        builds.append(1)
        if len(builds) == 2:  # the first rebuild: the other visitors arrive meanwhile
            others.extend(threading.Thread(target=visit) for _ in range(4))
            for thread in others:
                thread.start()
            # Hold the rebuild until all four have found the kept copy stale.
            assert wait_until(lambda: len(found_stale) >= 6, timeout=30)
        return HttpResponse(f"build {len(builds)}")

    middleware = pagecache.PageCacheMiddleware(view)
    fresh = pagecache.fresh

    def counting_fresh(entry):
        result = fresh(entry)
        if not result:
            found_stale.append(1)
        return result

    def visit():
        answers.append(middleware(RequestFactory().get("/herd/")).content)

    original = pagecache.fresh
    pagecache.fresh = counting_fresh
    try:
        visit()  # built and kept
        visit()  # kept
        pagecache.changed("herd-test")
        visit()  # stale: rebuilt once, while four others arrive
        for thread in others:
            thread.join(30)
    finally:
        pagecache.fresh = original
    assert len(builds) == 2
    assert answers == [b"build 1", b"build 1"] + [b"build 2"] * 5
