"""Folding Chinese for search: variants, simplified input, words and phrases."""

import pytest

from huzheng.search import text


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("身份證", "身分證"),
        ("身分証", "身分證"),
        ("在職証明", "在職證明"),
        ("結婚証書", "結婚證書"),
        ("台北市", "臺北市"),
        ("附着", "附著"),
        ("户口名簿", "戶口名簿"),
        ("戸籍", "戶籍"),
    ],
)
def test_every_variant_in_the_map_folds_to_the_government_form(typed, written):
    assert text.fold(typed) == text.fold(written) == written


def test_every_variant_pair_keeps_its_length():
    assert all(len(key) == len(value) for key, value in text.VARIANTS.items())


@pytest.mark.parametrize("sample", ["Ｈｅｌｌｏ，臺灣！", "身份证 ID card", "ﬁ①㈱ 戶籍"])
def test_folding_keeps_the_length_so_snippets_mark_the_right_characters(sample):
    assert len(text.fold(sample)) == len(sample)


def test_a_simplified_query_becomes_traditional():
    assert text.query_terms("身份证 挂失") == ["身分證", "掛失"]


def test_han_runs_are_phrases_and_latin_runs_are_words():
    assert text.query_terms("ID卡 English 戶籍謄本") == ["id", "卡", "english", "戶籍謄本"]


def test_latin_words_match_whole_words_only():
    folded = text.fold("New ID card, identity")
    assert text.find_term(folded, "id") == (4, 6)
    assert text.find_term(folded, "ide") is None


def test_bigrams_of_a_phrase():
    assert text.bigrams("戶籍謄本") == ["戶籍", "籍謄", "謄本"]
    assert text.bigrams("台") == ["台"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "<b></b>",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x; DROP TABLE t",
        "!!!",
        "掛" * 201,
    ],
)
def test_junk_never_counts_as_a_popular_search(query):
    assert text.is_junk(query)


@pytest.mark.parametrize("query", ["掛失", "戶籍 謄本", "English transcript", "身份证"])
def test_real_queries_count(query):
    assert not text.is_junk(query)


def test_a_long_query_is_cut_and_control_characters_go():
    query, cut = text.clean_query("掛" * 250)
    assert cut and len(query) == text.QUERY_MAX_LENGTH
    assert text.clean_query("掛\x01失\x7f\t遷入") == ("掛 失 遷入", False)
