"""Broad queries: a word found in more documents than the ranking reads is ranked over a
bounded set the index picks (services._bounded). Here the bound is a dozen documents
instead of RANK_LIMIT, so a handful of notices is "broad"."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from huzheng.search import postings, services
from huzheng.search.models import BestBet
from huzheng.search.registry import Document

NOTICES = 30
LIMIT = 12


@pytest.fixture
def broad(db, monkeypatch):
    """30 notices that mention 戶籍謄本 (and so 戶籍) and, indexed among them, the one
    service that does: neither end of the index's order, so its cut drops it."""
    monkeypatch.setattr(services, "RANK_LIMIT", LIMIT)
    monkeypatch.setattr(services, "FIRST_LIMIT", 3)
    for n in range(NOTICES):
        if n == NOTICES // 2:
            services.index_document(
                "test",
                Document(
                    key="test:transcript-service",
                    title="申請書表下載",
                    url="/services/test-forms/",
                    type="service",
                    body="各項登記的說明與注意事項。也可以在這裡申請戶籍謄本。",
                    topics=["certificate"],
                    date=dt.date(2020, 1, 1),
                ),
            )
        services.index_document(
            "test",
            Document(
                key=f"test:notice-{n}",
                title=f"公告第{n}號",
                url=f"/news/test-notice-{n}/",
                type="news",
                body="申請戶籍謄本請帶證件。",
                topics=["registration"],
                date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
            ),
        )


def test_a_broad_query_ranks_a_bounded_set_and_counts_every_match(broad):
    result = services.search("戶籍")
    assert result.capped
    assert LIMIT <= result.ranked <= LIMIT + 3
    if connection.vendor == "sqlite":
        # 戶籍 is one bigram: the index's count is the exact count of matches.
        assert (result.total, result.total_kind) == (NOTICES + 1, "exact")
    else:  # PostgreSQL stops counting past the bound (below): at least those ranked
        assert (result.total, result.total_kind) == (result.ranked, "more")


def test_a_service_the_cut_would_drop_still_comes_first(broad):
    assert services.search("戶籍").hits[0].document.key == "test:transcript-service"
    # Among the notices, the project's ranking still holds: newest first.
    days = [hit.document.date for hit in services.search("戶籍").hits[1:]]
    assert days == sorted(days, reverse=True)


def test_a_best_bet_is_pinned_over_a_broad_query(broad):
    BestBet.objects.create(query="戶籍", url="/news/test-notice-0/", position=1)
    assert services.search("戶籍").hits[0].document.key == "test:notice-0"


def test_a_long_word_over_the_bound_is_counted_about(broad):
    # 戶籍謄本's bigrams may lie apart in a candidate: the count is an estimate.
    result = services.search("戶籍謄本")
    if connection.vendor == "sqlite":
        assert result.capped and result.total_kind == "about"
        assert result.total == NOTICES + 1  # every sampled candidate has the word
    else:  # no count past the bound: at least the matches seen
        assert result.capped and result.total_kind == "more"
        assert result.total == result.ranked


def test_a_broad_query_with_a_filter_says_more_than(broad):
    result = services.search("戶籍", {"type": ["news"]})
    assert (result.total, result.total_kind) == (LIMIT, "more")
    assert all(hit.document.type == "news" for hit in result.hits)


def test_a_narrow_query_is_not_bounded(broad):
    result = services.search("下載")
    assert not result.capped and result.total_kind == "exact"
    assert [hit.document.key for hit in result.hits] == ["test:transcript-service"]


def test_pages_within_the_bound_list_each_ranked_result_once(broad):
    ranked = services.search("戶籍", per_page=100).hits
    pages = [services.search("戶籍", page=n, per_page=5) for n in (1, 2, 3)]
    paged = [hit.document.key for page in pages for hit in page.hits]
    assert paged == [hit.document.key for hit in ranked]
    assert len(paged) == len(set(paged)) == pages[0].ranked
    # A page past the bound is the last one, not an error.
    assert services.search("戶籍", page=99, per_page=5).page.number == 3


def test_the_page_says_about_how_many_and_where_the_counts_come_from(broad):
    total = services.search("戶籍謄本").total
    about = connection.vendor == "sqlite"  # PostgreSQL: "more than" (above)
    html = Client(HTTP_ACCEPT_LANGUAGE="zh-hant").get("/search/", {"q": "戶籍謄本"})
    html = html.content.decode()
    assert f"「戶籍謄本」{'約' if about else '超過'} {total} 筆結果" in html
    assert "篩選條件旁的筆數" in html
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = english.get("/search/", {"q": "戶籍謄本"}).content.decode()
    assert f"{'About' if about else 'More than'} {total} results for" in html


def test_the_api_says_how_the_total_was_counted(broad):
    data = Client().get("/api/v1/search", {"q": "戶籍", "type": "news"}).json()
    assert (data["total"], data["total_kind"]) == (LIMIT, "more")
    assert data["ranked"] == LIMIT


def test_postgresql_stops_counting_past_the_bound_and_says_more_than(broad):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 counts every candidate in the index itself")
    result = services.search("戶籍")
    assert result.capped and LIMIT <= result.ranked < NOTICES + 1
    assert (result.total_kind, result.total) == ("more", result.ranked)
    assert result.hits[0].document.key == "test:transcript-service"


def test_the_index_counts_exactly_when_no_limit_is_asked(broad):
    groups = [["戶籍"]]
    assert postings.count(groups)[:2] == (NOTICES + 1, True)
    counted = postings.count(groups, limit=LIMIT)
    if connection.vendor == "sqlite":
        assert counted[:2] == (NOTICES + 1, True)
    else:  # stopped past the limit, with the ids the pick would have read
        assert counted[:2] == (LIMIT, False)
        assert counted.ids == postings.best(groups, LIMIT)
