"""The project's own regression set: everyday queries, as citizens type them, each with
the result that must be among the top five. Grouped by the failure class of issue 17;
a query that users report as failing is added here.

The index is the demo site's (everyday_index.py), built once for the module."""

import pytest

from huzheng.search import services
from huzheng.search.tests.everyday_index import everyday_index  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("everyday_index")

# Words in any order and shortened names.
WORD_ORDER = [
    ("掛失身分證", "/services/id-card-loss/"),
    ("身分證掛失", "/services/id-card-loss/"),
    ("身分證 補領", "/services/id-card-reissue/"),
    ("身分證補領", "/services/id-card-reissue/"),
    ("國籍證明", "/services/nationality/"),
    ("分戶", "/services/household-split-merge/"),
    ("改名登記", "/services/name-change/"),
    ("到府服務", "/services/home-service/"),
    ("謄本 戶籍", "/services/household-transcript/"),
    ("遷入戶籍", "/services/move-in/"),
    ("親等關聯", "/services/kinship-data/"),
    ("原住民身分", "/services/indigenous-status/"),
    ("印鑑登記", "/services/seal-registration/"),
    ("household transcript", "/services/household-transcript/"),
    ("lost ID card", "/services/id-card-loss/"),
]
# Everyday phrasing and questions: filler out, intent kept.
QUESTIONS = [
    ("身分證掉了怎麼辦", "/services/id-card-loss/"),
    ("我的身分證不見了", "/idcards/lost/"),
    ("出生登記怎麼辦理", "/services/birth/"),
    ("請問戶籍謄本怎麼申請", "/services/household-transcript/"),
    ("我要結婚", "/services/marriage/"),
    ("小孩出生要報戶口", "/services/birth/"),
    ("搬家要辦什麼", "/services/move-in/"),
    ("出生登記要帶什麼", "/services/birth/#documents"),
    ("結婚要帶什麼", "/services/marriage/#documents"),
    ("死亡登記要帶什麼", "/services/death/#documents"),
    ("印鑑證明要帶什麼", "/services/seal-certificate/#documents"),
    ("英文戶籍謄本要帶什麼", "/services/household-transcript-english/#documents"),
    ("戶籍謄本多少錢", "/services/household-transcript/#fees"),
    ("換身分證多少錢", "/services/id-card-replacement/#fees"),
    ("要帶什麼", "/services/checklist/"),
    ("多少錢", "/services/tables/fees/"),
    ("出生登記期限", "/laws/household-registration-act-48/"),
]
# Simplified characters and everyday words (the synonym table).
SYNONYMS = [
    ("身份证补办", "/services/id-card-reissue/"),
    ("身份證掉了", "/services/id-card-loss/"),
    ("补办身份证", "/services/id-card-reissue/"),
    ("戶口謄本", "/services/household-transcript/"),
    ("户口誊本", "/services/household-transcript/"),
    ("戶口本補發", "/services/household-booklet/"),
    ("結婚證書", "/services/marriage-divorce-certificate/"),
    ("英文謄本", "/services/household-transcript-english/"),
    ("換發身分證", "/services/id-card-replacement/"),
    ("第一次領身分證", "/services/id-card-first/"),
    ("報戶口", "/services/birth/"),
    ("生小孩", "/services/birth/"),
    ("過世", "/services/death/"),
    ("換地址", "/services/address-change/"),
    ("搬家", "/services/address-change/"),
    ("改名字", "/services/name-change/"),
    ("改姓", "/services/surname-change/"),
    ("從母姓", "/services/surname-change/"),
    ("族名", "/services/indigenous-status/"),
    ("外籍配偶入籍", "/services/nationality/"),
    ("放棄國籍", "/services/nationality/"),
    ("領養小孩", "/services/adoption/"),
    ("監護權", "/services/minor-children-rights/"),
    ("印章證明", "/services/seal-certificate/"),
    ("憑證", "/services/digital-certificate/"),
    ("自然人憑證", "/services/digital-certificate/"),
    ("行動不便", "/services/home-service/"),
    ("親屬關係", "/services/kinship-data/"),
    ("逾期罰款", "/services/tables/fines/"),
]
# Common typos: similar-looking and same-sounding characters.
TYPOS = [
    ("戶藉謄本", "/services/household-transcript/"),
    ("結昏登記", "/services/marriage/"),
    ("印監證明", "/services/seal-certificate/"),
    ("戶籍騰本", "/services/household-transcript/"),
    ("遷入登紀", "/services/move-in/"),
    ("身分證卦失", "/services/id-card-loss/"),
]
# The online services and tools themselves.
TOOLS = [
    ("預約", "/appointments/"),
    ("預約辦理", "/appointments/"),
    ("取消預約", "/appointments/manage/"),
    ("案件查詢", "/cases/query/"),
    ("案件進度", "/cases/query/"),
    ("門牌查詢", "/addresses/"),
    ("地址查詢", "/addresses/"),
    ("身分證遺失", "/idcards/lost/"),
    ("規費", "/services/tables/fees/"),
    ("罰鍰", "/services/tables/fines/"),
    ("申請書下載", "/forms/household-registration/"),
    ("出生登記申請書", "/forms/birth-registration/"),
    ("booking", "/appointments/"),
]
EVERYDAY = WORD_ORDER + QUESTIONS + SYNONYMS + TYPOS + TOOLS


def top_five(query):
    return [hit.url for hit in services.search(query).hits[:5]]


@pytest.mark.parametrize(("query", "expected"), EVERYDAY)
def test_an_everyday_query_puts_the_fitting_result_in_the_top_five(db, query, expected):
    assert expected in top_five(query)


def test_the_set_is_large_enough_and_covers_every_failure_class():
    assert len(EVERYDAY) >= 60
    assert all(len(group) >= 5 for group in (WORD_ORDER, QUESTIONS, SYNONYMS, TYPOS, TOOLS))


def test_a_typo_shows_the_corrected_query(db):
    result = services.search("戶藉謄本")
    assert result.corrected == "戶籍謄本"
    assert result.hits[0].url == "/services/household-transcript/"


def test_no_document_with_every_word_falls_back_to_most_words_and_says_so(db):
    result = services.search("遷出 英文 查無此詞")
    assert result.partial and result.total > 0


def test_a_service_title_ranks_above_news_and_laws_that_mention_it(db):
    urls = top_five("出生登記")
    assert urls[0] == "/services/birth/"
    assert urls.index("/forms/birth-registration/") < urls.index(
        "/laws/household-registration-act-6/"
    )


def test_a_best_bet_comes_first(db):
    services.save_best_bet(None, query="身分證", url="/idcards/lost/")
    assert top_five("身分證")[0] == "/idcards/lost/"
    assert top_five("身分證")[1] != "/idcards/lost/"


def test_a_new_synonym_applies_at_once(db):
    assert services.search("阿嬤過世").hits[0].url == "/services/death/"
    assert top_five("hukou") == []
    services.save_synonym(None, phrase="hukou", means="戶籍謄本")
    assert top_five("hukou")[0] == "/services/household-transcript/"


def recall_at_five(queries=EVERYDAY):
    """The share of the set whose expected result is in the top five (for the docs)."""
    return sum(expected in top_five(query) for query, expected in queries) / len(queries)
