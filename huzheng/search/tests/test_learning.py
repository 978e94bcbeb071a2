"""Learning from use: searches that found nothing or were not followed are counted
without personal data and listed for editors, who answer them with a synonym or a best
bet in one step; the back office's forms go through the services' rules."""

import datetime as dt
from urllib.parse import quote

import pytest
from django.test import Client
from django.utils import timezone

from huzheng.core.models import AuditEntry
from huzheng.core.roles import WEB_EDITOR
from huzheng.core.tests.factories import StaffFactory
from huzheng.search import services, usage
from huzheng.search.models import BestBet, QueryStat, Synonym


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="zh-hant")


@pytest.fixture
def editor(db):
    return StaffFactory(user__username="search-editor", roles=[WEB_EDITOR]).user


def stats():
    return {row.query: (row.searches, row.empty, row.clicks) for row in QueryStat.objects.all()}


def test_searches_and_empty_searches_are_counted_by_their_words_only(corpus, client):
    client.get("/search/", {"q": "遷入"}, REMOTE_ADDR="10.1.2.3")
    client.get("/search/", {"q": "遷入"})
    client.get("/search/", {"q": "xyzzyq"})
    client.get("/search/", {"q": "遷入", "page": "2"})  # paging is not a new search
    assert stats() == {"遷入": (2, 0, 0), "xyzzyq": (1, 1, 0)}
    assert {f.name for f in QueryStat._meta.fields} == {
        "id",
        "day",
        "query",
        "searches",
        "empty",
        "clicks",
    }


@pytest.mark.parametrize(
    "query", ["A123456789 遷入", "0912-345-678", "王小明 0912345678", "me@example.tw"]
)
def test_queries_that_look_like_personal_data_are_never_counted(corpus, client, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert QueryStat.objects.count() == 0


def test_a_followed_result_is_counted_then_opened(corpus, client):
    response = client.get("/search/go/", {"q": "遷入", "to": "/services/test-move-in/"})
    assert response.status_code == 302 and response["Location"] == "/services/test-move-in/"
    assert stats() == {"遷入": (0, 0, 1)}


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/not-in-the-index/", "javascript:1"]
)
def test_following_goes_only_to_the_index_s_own_addresses(corpus, client, target):
    response = client.get("/search/go/", {"q": "遷入", "to": target})
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=" + quote("遷入")
    assert QueryStat.objects.count() == 0


def test_the_result_link_goes_through_the_counter(corpus, client):
    html = client.get("/search/", {"q": "遷入"}).content.decode()
    assert "/search/go/?q=%E9%81%B7%E5%85%A5&amp;to=%2Fservices%2Ftest-move-in%2F" in html


def test_editors_see_unanswered_searches_with_one_step_answers(corpus, client, editor):
    today = timezone.localdate()
    QueryStat.objects.create(day=today, query="戶口紙", searches=5, empty=5)
    QueryStat.objects.create(day=today, query="遷入", searches=9, clicks=4)  # answered
    QueryStat.objects.create(day=today, query="門牌", searches=3)  # found, never opened
    QueryStat.objects.create(day=today - dt.timedelta(days=40), query="舊的", empty=1)
    assert [row["query"] for row in usage.unanswered_queries()] == ["戶口紙", "門牌"]
    client.force_login(editor)
    html = client.get("/admin/search/unanswered/").content.decode()
    assert "戶口紙" in html and "門牌" in html and "舊的" not in html
    assert "/admin/search_synonyms/new/?phrase=%E6%88%B6%E5%8F%A3%E7%B4%99" in html
    assert "/admin/search_best_bets/new/?query=%E6%88%B6%E5%8F%A3%E7%B4%99" in html
    form = client.get("/admin/search_synonyms/new/", {"phrase": "戶口紙"}).content.decode()
    assert 'value="戶口紙"' in form


def test_an_editor_adds_a_synonym_through_the_service(corpus, client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/search_synonyms/new/", {"phrase": "遷戶口", "means": "遷入", "note": ""}
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(phrase="遷戶口")
    assert AuditEntry.objects.filter(object_id=str(synonym.pk), action="create").exists()
    assert services.search("遷戶口").hits[0].document.title == "遷入登記"


def test_a_synonym_of_the_same_words_is_refused_with_a_message(corpus, client, editor):
    client.force_login(editor)
    response = client.post("/admin/search_synonyms/new/", {"phrase": "遷入", "means": "迁入"})
    assert response.status_code == 200
    assert not Synonym.objects.filter(phrase="遷入").exists()


def test_a_best_bet_must_name_a_result_of_the_index(corpus, client, editor):
    client.force_login(editor)
    bad = client.post(
        "/admin/search_best_bets/new/", {"query": "搬家", "url": "/nowhere/", "position": 1}
    )
    assert bad.status_code == 200 and not BestBet.objects.exists()
    good = client.post(
        "/admin/search_best_bets/new/",
        {"query": "搬家", "url": "http://testserver/services/test-move-in/", "position": 1},
    )
    assert good.status_code == 302
    assert BestBet.objects.get().url == "/services/test-move-in/"
    assert services.search("搬家").hits[0].document.url == "/services/test-move-in/"


def test_deleting_a_synonym_is_audited_and_applies_at_once(corpus, editor):
    synonym = services.save_synonym(editor, phrase="qianru", means="遷入")
    assert services.search("qianru").total > 0
    services.delete_edit(editor, synonym)
    assert not Synonym.objects.filter(phrase="qianru").exists()
    assert AuditEntry.objects.filter(action="delete", object_type="search.synonym").exists()
    assert services.search("qianru").total == 0
