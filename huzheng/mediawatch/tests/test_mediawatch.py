"""News monitoring: the demo feed is read, items carrying the office's words become hits
(folded: 台/臺, full-width), a hit is triaged to a published clarification, and a source
can never make the server read its own network."""

import pytest
from wagtail.models import Page

from huzheng.core.roles import DIRECTOR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.mediawatch import services, tasks
from huzheng.mediawatch.models import Hit, HitStatus, Keyword, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


@pytest.fixture
def source(office):
    for word in ("湖西戶政", "ＩＤ", "台灣"):
        Keyword.objects.create(office=office, word=word)
    return Source.objects.create(office=office, name="示範", url="demo:penghu-news.xml")


def test_the_monitor_reads_the_demo_feed_as_a_task_and_keeps_hits_once(source):
    assert tasks.fetch_feeds.enqueue().return_value == 1
    hit = Hit.objects.get()
    assert hit.matched == ["湖西戶政"] and hit.link.endswith("penghu-huxi-saturday")
    assert hit.published_at is not None
    assert services.fetch_source(source) == 0
    source.refresh_from_db()
    assert source.last_fetched_at and not source.last_error


def test_matching_folds_variants_and_full_width(source):
    feed = (
        b"<rss version='2.0'><channel><title>t</title>"
        b"<item><title>\xe8\x87\xba\xe7\x81\xa3 id card</title>"  # 臺灣 id card
        b"<link>https://news.example.org/a</link></item></channel></rss>"
    )
    assert services.fetch_source(source, reader=lambda url: feed) == 1
    assert sorted(Hit.objects.get().matched) == sorted(["ＩＤ", "台灣"])


def test_a_hit_is_taken_to_a_published_clarification(source, office):
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    services.fetch_source(source)
    hit = Hit.objects.get()
    with pytest.raises(services.TriageError):
        services.triage(hit, HitStatus.CLARIFIED, user=director)
    services.triage(hit, HitStatus.RELEVANT, user=director)
    services.triage(hit, HitStatus.INACCURATE, user=director, note="週六仍有服務")
    root = Page.get_first_root_node()
    draft = root.add_child(instance=Page(title="澄清稿", slug="draft-clarification", live=False))
    with pytest.raises(services.TriageError):
        services.triage(hit, HitStatus.CLARIFIED, user=director, clarification=draft)
    page = root.add_child(instance=Page(title="澄清：本所週六仍有服務", slug="clarification"))
    services.triage(hit, HitStatus.CLARIFIED, user=director, clarification=page)
    services.triage(hit, HitStatus.CLOSED, user=director)
    hit.refresh_from_db()
    assert hit.status == HitStatus.CLOSED and hit.clarification == page
    assert hit.clarified_at >= hit.first_seen_at
    span = (hit.first_seen_at.date(), hit.clarified_at.date())
    assert services.hours_to_clarify(office, *span) is not None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "http://localhost/",
        "http://[::1]/",
        "http://10.0.0.1/feed",
        "demo:../services.py",
        "demo:/etc/passwd",
        "gopher://example.org/",
        "",
    ],
)
def test_a_source_can_never_read_the_servers_own_network(url):
    with pytest.raises(services.FetchError):
        services.read_feed(url)


def test_a_broken_feed_is_recorded_on_the_source_and_stores_nothing(source):
    assert services.fetch_source(source, reader=lambda url: b"<html>not a feed") == 0
    big = b"<rss>" + b" " * (services.MAX_FEED_BYTES + 10)
    assert services.fetch_source(source, reader=lambda url: big) == 0
    source.refresh_from_db()
    assert source.last_error and not Hit.objects.exists()
