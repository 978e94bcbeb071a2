"""Query understanding: words, fillers and intent, synonyms, joined lone characters."""

from huzheng.search import analysis

SYNONYMS = {"掉了": [["遺失"], ["掛失"]], "憑證": [["自然人憑證"]], "搬家": [["遷入", "登記"]]}


def groups(query):
    return analysis.analyse(query, SYNONYMS).groups


def test_words_in_any_order_are_separate_requirements(db):
    assert groups("掛失身分證") == [["掛失"], ["身分證"]]


def test_question_words_go_and_their_intent_stays(db):
    understood = analysis.analyse("請問出生登記要帶什麼", SYNONYMS)
    assert understood.intent == "documents"
    assert "要帶什麼" in understood.dropped and "請問" in understood.dropped
    assert "要" not in understood.words and "帶" not in understood.words
    assert analysis.analyse("換身分證多少錢", SYNONYMS).intent == "fees"


def test_an_intent_alone_searches_for_its_own_words(db):
    assert groups("要帶什麼") == [analysis.INTENT_WORDS["documents"]]


def test_a_synonym_is_an_alternative_and_several_words_are_each_required(db):
    assert groups("身分證掉了") == [["身分證"], ["遺失", "掛失", "掉了"]]
    assert groups("搬家") == [["遷入"], ["登記"]]


def test_a_synonym_inside_the_office_s_own_word_is_left_alone(db):
    assert groups("自然人憑證") != [["自然人"], ["自然人憑證", "憑證"]]
    assert ["自然人憑證", "憑證"] not in groups("自然人憑證")


def test_lone_characters_join_within_a_word_but_never_across_a_space(db):
    assert groups("戶藉謄本")[0] == ["戶藉"]
    assert all(len(group[0]) <= 3 for group in groups("身分證 遷入"))
    assert groups("甲乙 丙丁") == [["甲乙"], ["丙丁"]]


def test_fillers_only_leave_nothing_to_search(db):
    assert groups("請問 怎麼辦") == []


def test_latin_words_and_simplified_input(db):
    assert groups("Lost ID card") == [["lost"], ["id"], ["card"]]
    assert groups("身份证补办")[0] == ["身分證"]


def test_a_correction_asks_the_index_only_of_unknown_words_and_of_the_whole_query(
    monkeypatch,
):
    """Words the vocabulary knows need no question to the index (8-11 ms each on
    PostgreSQL at 100,000 documents); the corrected query as a whole is always asked."""
    from huzheng.search import spelling

    monkeypatch.setattr(spelling, "candidates", lambda word: ["戶籍"])
    asked = []

    def has_results(groups):
        asked.append([list(group) for group in groups])
        return groups != [["戶藉"]]

    query = analysis.Analysis(query="戶藉 謄本", groups=[["戶藉"], ["謄本"]])
    known = {"戶籍", "謄本"}.__contains__
    corrected = spelling.correct(query, has_results, known=known)
    assert corrected.groups == [["戶籍"], ["謄本"]]
    assert asked == [[["戶藉"]], [["戶籍"], ["謄本"]]]
    # The whole query finds nothing: no suggestion, whatever the vocabulary says.
    assert spelling.correct(query, lambda groups: False, known=known) is None
