"""Searching the index: the Chinese cases, ranking, snippets and facets."""

from huzheng.search import services


def titles(query, **filters):
    return [hit.document.title for hit in services.search(query, filters).hits]


def test_a_two_character_query_finds_it_inside_longer_words(corpus):
    assert titles("掛失") == ["國民身分證掛失、撤銷掛失"]
    assert set(titles("遷入")) == {"遷入登記", "農曆春節服務時間"}  # 戶籍遷入 in the news body


def test_the_common_variant_finds_the_statutory_form(corpus):
    assert titles("身份證") == ["國民身分證掛失、撤銷掛失"]


def test_a_simplified_query_finds_the_traditional_text(corpus):
    assert titles("身份证") == ["國民身分證掛失、撤銷掛失"]
    assert titles("迁入") == titles("遷入")


def test_every_term_must_match_and_those_with_most_words_follow(corpus):
    result = services.search("身分證 掛失")
    assert [hit.document.title for hit in result.hits] == ["國民身分證掛失、撤銷掛失"]
    assert titles("身分證 遷入")[0] in {"遷入登記", "國民身分證掛失、撤銷掛失"}
    # No document has both: those with either follow, and the result says so.
    assert services.search("身分證 遷入").partial


def test_a_title_match_ranks_above_a_body_only_match(corpus):
    assert titles("遷入") == ["遷入登記", "農曆春節服務時間"]


def test_service_names_are_found_and_ranked_like_titles(corpus):
    assert titles("英文戶籍謄本") == ["English household transcript"]
    assert titles("lost") == ["國民身分證掛失、撤銷掛失"]


def test_latin_words_match_as_words_in_any_case(corpus):
    assert titles("ENGLISH") == ["English household transcript"]
    assert titles("engl") == []


def test_the_snippet_marks_the_match_and_escapes_everything_else(corpus):
    hit = services.search("原住民身分").hits[0]
    html = str(hit.snippet.html)
    assert "<mark>原住民身分</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html
    assert "&amp; 回復" in html


def test_the_snippet_is_an_excerpt_around_the_first_match(corpus):
    (hit,) = [h for h in services.search("遷入").hits if h.document.key == "test:news"]
    start, end = hit.snippet.highlights[0]
    assert hit.snippet.text[start:end] == "遷入"
    assert len(hit.snippet.text) <= services.SNIPPET_LENGTH + 2


def test_facet_counts_cover_the_matches(corpus):
    result = services.search("遷入")
    facets = {group.name: {v.value: v.count for v in group.values} for group in result.facets}
    assert facets["type"] == {"service": 1, "news": 1}
    assert facets["audience"] == {"general": 2, "new_immigrants": 1}
    assert facets["year"] == {"2026": 2}


def test_filters_combine_with_the_query_and_with_each_other(corpus):
    assert titles("遷入", audience=["new_immigrants"]) == ["遷入登記"]
    assert titles("遷入", type=["news"], audience=["general"]) == ["農曆春節服務時間"]
    assert titles("遷入", type=["news"], audience=["new_immigrants"]) == []
    # Values of one facet are alternatives.
    assert len(titles("遷入", type=["news", "service"])) == 2


def test_a_filter_alone_lists_what_it_classifies(corpus):
    assert set(titles("", service=["registration"])) == {"遷入登記", "原住民身分取得"}


def test_unknown_facets_and_odd_values_are_ignored(corpus):
    assert services.clean_filters({"colour": ["red"], "type": ["x" * 60, "news\x00"]}) == {}


def test_results_are_paginated(corpus):
    result = services.search("", {"type": ["service"]}, page=2, per_page=3)
    assert result.total == 4
    assert result.page.number == 2 and len(result.hits) == 1


def test_nothing_found_suggests_the_traditional_form_and_near_titles(corpus):
    found = services.suggestions("身份证补发")
    assert "身分證補領" in found["spellings"]  # 補發 is 補領 in the synonym table
    assert "國民身分證掛失、撤銷掛失" in [d.title for d in found["near"]]
