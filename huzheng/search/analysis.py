"""Query understanding (查詢分析): what a citizen typed, turned into the words a search
must find.

1. The query is folded (text.fold, simplified → traditional) and its question words are
   taken out with their intent kept: 要帶什麼 asks for the documents part of a service,
   多少錢 for its fees.
2. Editors' synonyms (models.Synonym) replace everyday words with the office's words,
   longest first: 戶口謄本 → 戶籍謄本.
3. What is left is split into words by jieba with a domain dictionary generated from the
   index itself (models.IndexWord: titles of services, forms, laws and pages). jieba's
   dictionary is in simplified characters, so the split is made on the simplified form
   and mapped back onto the traditional text (OpenCC keeps the length).
4. Filler words (請問, 怎麼辦, 我要 …) are dropped; single characters left next to each
   other are joined again (戶/藉 → 戶藉), so an unknown word stays one phrase.

The result is a list of word groups: every group must match, and any word of a group
may (a group holds a word and its synonyms).
"""

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from functools import cache

from django.db import DatabaseError
from django.db.models import Count, Max

from huzheng.search import text
from huzheng.search.models import IndexWord, Synonym

# Question phrases and the part of a service they ask about (intent). Folded forms.
INTENTS = {
    "documents": [
        "需要帶什麼",
        "要帶哪些",
        "要帶什麼",
        "帶什麼",
        "要準備什麼",
        "準備什麼",
        "需要什麼文件",
        "需要什麼證件",
        "要什麼證件",
        "要什麼文件",
        "應備文件",
        "應備證件",
        "攜帶證件",
        "what to bring",
        "documents needed",
    ],
    "fees": [
        "要多少錢",
        "多少錢",
        "費用多少",
        "要錢嗎",
        "收費",
        "規費",
        "費用",
        "fee",
        "fees",
        "cost",
    ],
    "time": ["要多久", "多久", "幾天", "處理期限", "how long"],
}
# What an intent alone (a query of only 要帶什麼) searches for.
INTENT_WORDS = {
    "documents": ["要帶什麼", "應備文件", "應備證件", "checklist"],
    "fees": ["規費", "費用", "多少錢"],
    "time": ["處理期限", "多久"],
}
# Phrases that only wrap the question: taken out of the query before it is split.
FILLER_PHRASES = [
    "請問一下",
    "請問",
    "怎麼辦理",
    "如何辦理",
    "怎麼申請",
    "如何申請",
    "怎麼辦",
    "怎麼做",
    "要怎麼",
    "該怎麼",
    "去哪裡",
    "在哪裡",
    "哪裡辦",
    "可以嗎",
    "是什麼",
    "什麼是",
    "想知道",
    "相關規定",
    "how do i",
    "how to",
]
# Words (as split) that carry no meaning of their own in a query.
FILLER_WORDS = {
    *"我你他她要想的了嗎呢吧啊呀喔哦是在去有和與及或跟把被給辦請問該能會可",
    "我要",
    "我想",
    "想要",
    "需要",
    "需不需要",
    "要不要",
    "可以",
    "如何",
    "怎麼",
    "怎樣",
    "什麼",
    "哪裡",
    "哪些",
    "為什麼",
    "一下",
    "辦理",
    "申請",
    "申辦",
    "一個",
    "應該",
    "自己",
    "現在",
    "還是",
    "the",
    "a",
    "an",
    "to",
    "of",
    "for",
    "my",
    "i",
    "how",
    "do",
    "what",
    "is",
    "apply",
    "get",
}

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_VOCABULARY_CHECK_SECONDS = 30
MAX_GROUPS = 10

logger = logging.getLogger(__name__)


@dataclass
class Analysis:
    """A query as understood: ``groups`` of alternative words, every group required."""

    query: str  # as typed
    groups: list[list[str]] = field(default_factory=list)
    intent: str = ""  # "documents", "fees", "time" or ""
    dropped: list[str] = field(default_factory=list)  # question and filler words taken out
    replaced: list[tuple[str, str]] = field(default_factory=list)  # synonyms applied

    @property
    def words(self):
        """The first word of each group: the query as the office would write it."""
        return [group[0] for group in self.groups]

    @property
    def phrase(self):
        """The words joined as one phrase (Han without spaces): ranks exact phrases first."""
        return text.join_words(self.words)

    @property
    def key(self):
        return " ".join(self.words)


def analyse(query, synonyms=None):
    """The Analysis of ``query``; ``synonyms`` maps folded phrase → list of meanings
    (each a list of words), by default the editors' table."""
    folded = text.query_text(query)
    analysis = Analysis(query=query)
    folded = _take_intent(folded, analysis)
    for phrase in FILLER_PHRASES:
        if phrase in folded:
            analysis.dropped.append(phrase)
            folded = folded.replace(phrase, " ")
    synonyms = synonym_table() if synonyms is None else synonyms
    for piece in _apply_synonyms(folded, synonyms, analysis):
        if isinstance(piece, list):
            analysis.groups.extend(piece)
        else:
            analysis.groups.extend([word] for word in _words(piece, analysis))
    # The same word twice is one requirement.
    seen, groups = set(), []
    for group in analysis.groups:
        marker = tuple(group)
        if marker not in seen:
            seen.add(marker)
            groups.append(group)
    # Nobody types more words than this about one thing; a hostile query costs no more.
    analysis.groups = groups[:MAX_GROUPS]
    if not groups and analysis.intent:
        analysis.groups = [list(INTENT_WORDS[analysis.intent])]
    return analysis


def split_words(value):
    """The words of a piece of folded text, as the query splitter sees them."""
    words = []
    for chunk in value.split():
        if text.is_word(chunk):
            words.append(chunk)
        else:
            words.extend(_cut(chunk))
    return words


def synonym_table():
    """{folded phrase: [[word, …], …]} from the editors' synonyms, read once per change
    of the table (the page cache's "search" version)."""
    stamp = _table_stamp(Synonym)
    cached = _synonyms.get("table")
    if cached is not None and cached[0] == stamp:
        return cached[1]
    table = {}
    for phrase, means in Synonym.objects.values_list("phrase", "means"):
        key = "".join(text.query_text(phrase).split())
        words = text.query_text(means).split()
        if key and words:
            table.setdefault(key, []).append(words)
    _synonyms["table"] = (stamp, table)
    return table


def forget_synonyms():
    _synonyms.clear()


def vocabulary_changed():
    """The index's vocabulary was rebuilt: reload the domain dictionary on next use."""
    _tokenizer_state["checked"] = 0.0


# --- Helpers ------------------------------------------------------------------------------

_synonyms = {}
_tokenizer_state = {"checked": 0.0, "stamp": None, "words": set()}
_tokenizer_lock = threading.Lock()


def _table_stamp(model):
    row = model.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return (row["count"], row["latest"])


def _take_intent(folded, analysis):
    for intent, phrases in INTENTS.items():
        for phrase in phrases:
            if _contains_phrase(folded, phrase):
                analysis.intent = analysis.intent or intent
                analysis.dropped.append(phrase)
                folded = _remove_phrase(folded, phrase)
    return folded


def _contains_phrase(folded, phrase):
    if text.is_word(phrase.replace(" ", "")):
        return re.search(rf"(?<![0-9a-z]){re.escape(phrase)}(?![0-9a-z])", folded) is not None
    return phrase in folded


def _remove_phrase(folded, phrase):
    if text.is_word(phrase.replace(" ", "")):
        return re.sub(rf"(?<![0-9a-z]){re.escape(phrase)}(?![0-9a-z])", " ", folded)
    return folded.replace(phrase, " ")


def _apply_synonyms(folded, synonyms, analysis):
    """Pieces of the query: plain text (str) or the word groups a synonym stands for."""
    if not synonyms:
        return [folded]
    pattern = _synonym_pattern(tuple(sorted(synonyms)))
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        phrase = match.group(0)
        meanings = synonyms[phrase]
        if _inside_meaning(folded, match, meanings):
            continue  # 憑證 inside 自然人憑證 is already the office's word
        pieces.append(folded[last : match.start()])
        pieces.append(_synonym_groups(phrase, meanings))
        analysis.replaced.extend((phrase, " ".join(words)) for words in meanings)
        last = match.end()
    pieces.append(folded[last:])
    return pieces


def _inside_meaning(folded, match, meanings):
    for words in meanings:
        for word in words:
            start = folded.find(word)
            while start >= 0:
                if start <= match.start() and match.end() <= start + len(word):
                    return True
                start = folded.find(word, start + 1)
    return False


def _synonym_groups(phrase, meanings):
    """One-word meanings are alternatives of one group, with the phrase itself; a
    meaning of several words requires each of them."""
    single = [words[0] for words in meanings if len(words) == 1]
    several = [words for words in meanings if len(words) > 1]
    if several and not single:
        return [[word] for word in several[0]]
    return [list(dict.fromkeys([*single, phrase]))]


@cache
def _synonym_pattern(phrases):
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)))


def _words(piece, analysis):
    """The words of a plain piece of the query, fillers out and lone characters joined."""
    words = []
    for chunk in piece.split():
        words += _chunk_words(chunk, analysis)
    return words


def _chunk_words(chunk, analysis):
    """Lone characters are joined within one run of text, never across a space."""
    words = []
    pending = ""  # single Han characters waiting to be joined
    for word in split_words(chunk):
        if word in FILLER_WORDS:
            analysis.dropped.append(word)
            if pending:
                words.append(pending)
                pending = ""
            continue
        if len(word) == 1 and _HAN_RUN.fullmatch(word):
            pending += word
            continue
        if pending:
            # A lone character sticks to the word before it when that word is short:
            # 戶/藉 → 戶藉, 換/身分證 stays 換 + 身分證.
            words.append(pending)
            pending = ""
        words.append(word)
    if pending:
        words.append(pending)
    return words


def _cut(chunk):
    """jieba's words of a run of folded characters, in traditional characters."""
    tokenizer = _tokenizer()
    simplified = text.to_simplified(chunk)
    if len(simplified) != len(chunk):
        simplified = chunk
    words, position = [], 0
    for token in tokenizer.cut(simplified, HMM=False):
        piece = chunk[position : position + len(token)]
        position += len(token)
        if piece.strip():
            words.append(piece.strip())
    return words


def _tokenizer():
    """The process's jieba tokenizer with the index's vocabulary added; reloaded when the
    vocabulary changed (checked at most every 30 seconds, at once after a rebuild here)."""
    now = time.monotonic()
    with _tokenizer_lock:
        tokenizer = _base_tokenizer()
        if now - _tokenizer_state["checked"] >= _VOCABULARY_CHECK_SECONDS:
            _tokenizer_state["checked"] = now
            _load_vocabulary(tokenizer)
        return tokenizer


@cache
def _base_tokenizer():
    # Imported on first use: loading jieba takes a second and most processes (the
    # worker, commands, tests of other apps) never cut a query.
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _load_vocabulary(tokenizer):
    try:
        stamp = IndexWord.objects.order_by("-pk").values_list("pk", flat=True).first()
        if stamp == _tokenizer_state["stamp"]:
            return
        words = set(IndexWord.objects.values_list("word", flat=True))
    except DatabaseError:  # no table yet (a fresh database before migrate)
        logger.debug("search vocabulary not readable", exc_info=True)
        return
    previous = _tokenizer_state.setdefault("previous", {})
    for word in {w for w in _tokenizer_state["words"] - words if _HAN_RUN.search(w)}:
        # A word of jieba's own dictionary goes back to its own frequency.
        simplified = _simplified_word(word)
        tokenizer.add_word(simplified, freq=previous.pop(simplified, 0))
    for word in words - _tokenizer_state["words"]:
        if _HAN_RUN.search(word):
            simplified = _simplified_word(word)
            previous.setdefault(simplified, tokenizer.FREQ.get(simplified, 0))
            # A high frequency: the office's whole terms win over jieba's general split.
            tokenizer.add_word(simplified, freq=200_000)
    _tokenizer_state["words"] = words
    _tokenizer_state["stamp"] = stamp


def _simplified_word(word):
    simplified = text.to_simplified(word)
    return simplified if len(simplified) == len(word) else word
