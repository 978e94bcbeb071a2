"""RSS feeds, the subscription page, sitemap.xml and robots.txt."""

from urllib.parse import urlsplit

import feedparser
import pytest
from defusedxml import ElementTree

from huzheng.site.models import NewsCategory

pytestmark = pytest.mark.django_db


def _parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    assert feed.version == "rss20"
    return feed


def test_every_feed_parses_cleanly_as_rss_2(client, demo_data):
    paths = ["/feeds/news/", "/feeds/laws/"]
    paths += [f"/feeds/news/{value}/" for value in NewsCategory.values]
    for path in paths:
        feed = _parse(client, path)
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.title and entry.link.startswith("http://testserver/")
            assert entry.published_parsed


def test_the_news_feed_leaves_out_scheduled_and_expired_news(client, demo_data):
    titles = [e.title for e in _parse(client, "/feeds/news/").entries]
    assert titles[0] == "春節連假期間服務時間公告"  # newest first
    assert len(titles) == 5
    assert not any("預約發布" in t or "已下架" in t for t in titles)


def test_a_category_feed_holds_only_its_category(client, demo_data):
    entries = _parse(client, "/feeds/news/legal_awareness/").entries
    assert [e.title for e in entries] == ["戶籍登記請於法定期間內申請，逾期將處罰鍰"]


def test_the_laws_feed_lists_laws_and_interpretations(client, demo_data):
    titles = [e.title for e in _parse(client, "/feeds/laws/").entries]
    assert "戶籍法 第48條（登記申請期限）" in titles
    assert any("函釋" in t for t in titles)


@pytest.mark.parametrize(
    "path", ["/feeds/news/nope/", "/feeds/news/%3Cscript%3E/", "/feeds/news/x%00/"]
)
def test_an_unknown_category_feed_is_not_found(client, demo_data, path):
    assert client.get(path).status_code in (400, 404)


def test_pages_announce_their_feeds_in_the_head(client, demo_data):
    head = client.get("/").content.decode().split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/feeds/news/"' in head
    laws_head = client.get("/laws/").content.decode().split("</head>")[0]
    assert 'href="/feeds/laws/"' in laws_head


def test_the_subscription_page_lists_every_feed_and_how_to_use_it(client, demo_data):
    html = client.get("/feeds/").content.decode()
    assert 'href="/feeds/news/"' in html and 'href="/feeds/laws/"' in html
    for value in NewsCategory.values:
        assert f'href="/feeds/news/{value}/"' in html
    assert "http://testserver/feeds/laws/" in html
    assert "<ol>" in html  # the steps to subscribe


def test_the_sitemap_lists_pages_and_the_catalog(client, demo_data):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # well-formed XML
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(loc.startswith("http") for loc in locs)
    paths = {urlsplit(loc).path for loc in locs}
    for path in [
        "/",
        "/news/",
        "/news/lunar-new-year-hours/",
        "/laws/",
        "/disclosure/",
        "/faq/",
        "/organisation/",
        "/services/",
        "/services/birth/",
        "/forms/",
        "/services/tables/guides/",
        "/services/tables/time-limits/",
        "/services/tables/fees/",
        "/services/tables/fines/",
    ]:
        assert path in paths, path
    assert "scheduled-holiday-notice" not in xml
    assert "expired-typhoon-notice" not in xml


def test_the_sitemap_lists_pages_at_the_address_it_was_asked_on(client, demo_data):
    # The demo's Site record says localhost:80; `make run` serves on 127.0.0.1:8000.
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    root = ElementTree.fromstring(response.content)
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith("http://127.0.0.1:8000/") for loc in locs), locs[:3]


def test_robots_points_at_the_sitemap_and_keeps_out_of_the_back_office(client, demo_data):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /staff/" in text


def test_the_favicon_is_there_where_browsers_look_for_it(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    assert finders.find("img/favicon.ico")
