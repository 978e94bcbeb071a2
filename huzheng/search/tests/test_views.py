"""The search page, its help, the API beside it, popular searches and hostile input."""

import pytest
from django.test import Client

from huzheng.catalog.tests.factories import move_in_service
from huzheng.search import services, usage
from huzheng.search.models import PopularQuery, QueryStat


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="zh-hant")


def test_results_show_type_roc_date_and_marked_snippet(corpus, client):
    response = client.get("/search/", {"q": "遷入"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("遷入登記") < html.index("農曆春節服務時間")
    assert "<mark>遷入</mark>" in html
    assert "民國115年1月10日" in html


def test_a_facet_link_applies_the_filter_and_shows_counts(corpus, client):
    html = client.get("/search/", {"q": "遷入"}).content.decode()
    assert 'href="?q=%E9%81%B7%E5%85%A5&amp;type=news"' in html
    assert "(1)" in html
    filtered = client.get("/search/", {"q": "遷入", "type": "news"}).content.decode()
    assert "農曆春節服務時間" in filtered and "遷入登記</a>" not in filtered
    assert 'aria-current="true"' in filtered


def test_nothing_found_offers_other_spellings_popular_searches_and_hot_services(corpus, client):
    move_in_service(slug="test-hot", name="測試熱門服務", is_hot=True)
    usage.record_search("掛失", found=True)
    html = client.get("/search/", {"q": "身证挂"}).content.decode()
    assert "?q=%E8%BA%AB%E8%AD%89%E6%8E%9B" in html  # 身證掛, the traditional form
    assert "國民身分證掛失、撤銷掛失" in html  # a near title
    assert "?q=%E6%8E%9B%E5%A4%B1" in html  # the popular 掛失
    assert "測試熱門服務" in html


def test_help_has_clickable_examples(db, client):
    html = client.get("/search/help/").content.decode()
    for example in ["掛失", "遷入", "戶籍謄本", "身份證"]:
        assert f">{example}</a>" in html


def test_popular_searches_count_the_normalised_query_and_nothing_about_who(corpus, client):
    client.get("/search/", {"q": "身份证"}, REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Test")
    client.get("/search/", {"q": "身分證"})
    client.get("/search/", {"q": "身分證", "page": "2"})  # paging is not a new search
    client.get("/search/", {"q": "身分證", "type": "service"})  # nor is filtering
    client.get("/search/", {"q": "沒有這個字詞"})  # found nothing
    (row,) = PopularQuery.objects.values()
    assert row["query"] == "身分證" and row["count"] == 2
    assert set(row) == {"id", "day", "query", "count"}
    assert usage.popular_searches() == ["身分證"]


def test_the_api_gives_what_the_page_shows(corpus, client):
    page = services.search("遷入", {"audience": ["general"]})
    data = client.get("/api/v1/search", {"q": "遷入", "audience": "general"}).json()
    assert data["total"] == page.total == 2
    assert [r["title"] for r in data["results"]] == [h.document.title for h in page.hits]
    first = data["results"][0]
    assert first["url"] == "/services/test-move-in/" and first["type"] == "service"
    start, end = first["highlights"][0]
    assert first["snippet"][start:end] == "遷入"
    facets = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in data["facets"]}
    assert facets["type"] == {"service": 1, "news": 1}
    assert data["page"] == 1 and data["pages"] == 1


HOSTILE = [
    "",
    "   ",
    "<script>alert('x')</script>",
    "<b onmouseover=alert(1)>遷入</b>",
    "' OR 1=1; DROP TABLE search_searchdocument; --",
    "%' UNION SELECT password FROM auth_user --",
    "\x01\x02\x1b[31m遷入",
    "掛" * 500,
    "遷入" * 150,
    "_%",
    "一 二 三 四 五 六 七 八 九 十 " * 5,  # many words: the fallback's cost is capped
    "戶藉謄本" * 40,  # a long misspelt word: the correction's cost is capped
    "請問 要帶什麼 多少錢 怎麼辦",  # nothing but question words
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_normal_escaped_page_and_store_nothing(corpus, client, query):
    response = client.get("/search/", {"q": query, "page": "-1", "year": "<x>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<b onmouseover" not in html
    api = client.get("/api/v1/search", {"q": query})
    assert api.status_code == 200
    assert PopularQuery.objects.count() == 0
    assert QueryStat.objects.count() == 0


def test_a_long_query_is_cut_and_the_page_says_so(corpus, client):
    html = client.get("/search/", {"q": "遷入" * 150}).content.decode()
    assert "200" in html and 'role="note"' in html


def test_a_nul_byte_is_refused_cleanly(corpus, client):
    assert client.get("/search/", {"q": "遷入\x00"}).status_code == 400


def test_like_wildcards_are_searched_as_text(corpus):
    assert services.search("%").total == 0
    assert services.search("_").total == 0


def test_an_unknown_page_offers_search_and_hot_services(db, client):
    move_in_service(slug="test-hot", name="測試熱門服務", is_hot=True)
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'action="/search/"' in html and "測試熱門服務" in html


def test_a_page_found_by_search_is_followed_to_the_page(demo_data, client):
    """With a site per office, a page's address in the index is its path on its own site:
    the result link (/search/go/) follows only such addresses, and a full address built
    from the Site's host would send the reader back to the search page."""
    from huzheng.search.models import SearchDocument
    from huzheng.site.models import FaqPage

    faq = FaqPage.objects.live().first()
    [document] = SearchDocument.objects.filter(key=f"page:{faq.pk}")
    assert document.url == "/faq/"
    response = client.get("/search/go/", {"q": "常見問答", "to": document.url})
    assert response.status_code == 302 and response["Location"] == "/faq/"
