"""The inverted index: its terms follow every write, and the candidates it picks always
include every document the substring check would find."""

import pytest
from django.db import connection

from huzheng.search import postings, services
from huzheng.search.models import SearchDocument
from huzheng.search.registry import Document


def found(*groups, every=True):
    candidates = postings.candidates([list(g) for g in groups], every=every)
    return set(SearchDocument.objects.filter(candidates).values_list("key", flat=True))


def test_index_terms_follow_every_write(corpus):
    assert found(["掛失"]) == {"test:lost-id"}
    services.index_document(
        "test", Document(key="test:lost-id", title="戶籍謄本", url="/a/", type="service")
    )
    assert found(["掛失"]) == set()
    assert found(["謄本"]) == {"test:lost-id", "test:english"}
    SearchDocument.objects.filter(key="test:english").update(
        text_index=" 遺失 ", terms=postings.document_terms(" 遺失 ")
    )
    assert found(["謄本"]) == {"test:lost-id"}
    services.remove_document("test:lost-id")
    assert found(["謄本"]) == set()
    services.rebuild_source("test", [])
    assert found(["遺失"]) == set()
    if connection.vendor == "sqlite":  # the FTS5 table holds exactly the documents left
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_index_terms")
            assert cursor.fetchone()[0] == SearchDocument.objects.count()


def test_the_candidates_include_every_substring_match_and_are_exact_up_to_two(corpus):
    words = set()
    for document in SearchDocument.objects.all():
        for chunk in document.text_index.split():
            for size in (1, 2, 3, 4):
                words.update(chunk[i : i + size] for i in range(len(chunk) - size + 1))
    for word in words:
        matches = set(
            SearchDocument.objects.filter(
                text_index__contains=f" {word} " if postings._LATIN.fullmatch(word) else word
            ).values_list("key", flat=True)
        )
        if postings.is_exact(word):
            assert matches == found([word]), word
        else:
            assert matches <= found([word]), word
    assert found(["掛失", "英文"]) == {"test:lost-id", "test:english"}
    assert found(["掛失"], ["英文"]) == set()
    assert found(["掛失"], ["英文"], every=False) == {"test:lost-id", "test:english"}


def test_hostile_words_never_break_the_index_query(corpus):
    for word in ['"', "'", "*", "OR", "and", "NEAR(", ":*", "\\", "|", "&", "!", "()", "戶'籍"]:
        candidates = postings.candidates([[word], ["身分證"]])
        SearchDocument.objects.filter(candidates).count() if candidates is not None else None
        services.search(word)


def test_terms_are_the_folded_bigrams_last_characters_and_latin_words():
    terms = postings.folded_terms("戶籍謄本 English 台")
    assert "zenglish" in terms.split()
    assert len(terms.split()) == 3 + 1 + 1 + 1  # 戶籍 籍謄 謄本, 本, english, 臺
    assert postings.word_terms("臺") == ([postings._code("臺")], True)
    assert postings.word_terms("e戶") is None


def test_through_the_index_leaves_the_planner_as_it_found_it_even_on_an_error(db):
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL's planner is told to use the index")
    from django.db import DatabaseError, transaction

    def seqscan():
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            return cursor.fetchone()[0]

    with transaction.atomic():  # the test's own transaction is the outer one too
        with postings.through_index():
            assert seqscan() == "off"
        assert seqscan() == "on"
        with pytest.raises(DatabaseError) as raised, postings.through_index():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 / 0")
        assert "division by zero" in str(raised.value)  # the error itself, not a later one
        assert seqscan() == "on"
