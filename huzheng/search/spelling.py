"""Did you mean (拼字建議): a word of the query that is found nowhere is replaced by a
word of the index's own vocabulary (models.IndexWord) that looks or sounds alike: first
through a small table of characters people confuse (藉/籍, 昏/婚, 監/鑑 …), then any
word one character apart. A correction is offered only when it finds something."""

import threading
import time
from itertools import product

from huzheng.search import analysis as analysis_module
from huzheng.search.models import IndexWord

# Characters people type for another one: same sound, similar shape, or the input
# method's first choice. Each maps to the characters meant; kept small and explicit.
CONFUSIONS = {
    "藉": "籍",
    "積": "籍",
    "昏": "婚",
    "混": "婚",
    "監": "鑑",
    "鍳": "鑑",
    "艦": "鑑",
    "騰": "謄",
    "滕": "謄",
    "誊": "謄",
    "份": "分",
    "証": "證",
    "正": "證",
    "徵": "證",
    "贍": "謄",
    "帳": "賬",
    "曆": "歷",
    "記": "紀",
    "紀": "記",
    "己": "記",
    "移": "遺",
    "卦": "掛",
    "褂": "掛",
    "千": "遷",
    "簽": "遷",
    "仟": "遷",
    "辨": "辦",
    "辯": "辦",
    "申": "身",
    "深": "身",
    "護": "戶",
    "互": "戶",
    "名": "民",
    "明": "名",
    "鑒": "鑑",
    "姻": "婚",
    "捐": "損",
    "暫": "章",
    "張": "章",
    "燈": "登",
    "噔": "登",
}
_MAX_VARIANTS = 64
# A hostile query must not cost hundreds of look-ups: so many words, so many tries each.
MAX_WORDS = 4
MAX_TRIES = 12
# Other processes learn of a rebuilt vocabulary this late at most.
_RELOAD_SECONDS = 300


def correct(analysis, has_results, known=None):
    """A corrected Analysis whose every group finds something (``has_results(groups)``),
    or None. Only words that find nothing are changed.

    With ``known`` (a word -> bool that is true only of words some document has, such as
    ``known_word`` when no filter narrows the search), a single word it knows is taken
    as finding something without asking the index: at 100,000 documents each such
    question about a common word cost PostgreSQL 8-11 ms. The corrected query as a whole
    is always asked, so a suggestion still comes only with results."""
    groups = [list(group) for group in analysis.groups]
    if len(groups) > MAX_WORDS:
        return None

    def finds(group):
        return bool(known and any(known(word) for word in group)) or has_results([group])

    changed = False
    for index, group in enumerate(groups):
        if finds(group):
            continue
        word = group[0]
        tries = candidates(word)[:MAX_TRIES]
        replacement = next((c for c in tries if finds([c])), None)
        if replacement is None:
            return None
        groups[index] = [replacement]
        changed = True
    if not changed or not has_results(groups):
        return None
    corrected = analysis_module.Analysis(
        query=analysis.query, groups=groups, intent=analysis.intent, dropped=analysis.dropped
    )
    return corrected


def candidates(word):
    """Words that ``word`` may have been meant as, likeliest first: the confusion
    table's readings, then vocabulary words one character apart (most used first)."""
    seen = {word}
    found = []
    options = [[ch, *[c for c in CONFUSIONS.get(ch, "") if c != ch]] for ch in word]
    count = 1
    for option in options:
        count *= len(option)
    if count <= _MAX_VARIANTS:
        for letters in product(*options):
            variant = "".join(letters)
            if variant not in seen:
                seen.add(variant)
                found.append(variant)
    vocabulary = _vocabulary()
    near = []
    for i in range(len(word)):
        for other in vocabulary["neighbours"].get(word[:i] + "?" + word[i + 1 :], ()):
            if other not in seen:
                seen.add(other)
                near.append(other)
    near.sort(key=lambda w: -vocabulary["counts"].get(w, 0))
    return found + near


def known_word(word):
    """True when ``word`` is (part of) a word of the index's vocabulary: the vocabulary
    is cut from the titles and names of the index's own documents (vocabulary.py), so
    some document has it."""
    return word in _vocabulary()["counts"]


def vocabulary_changed():
    _state.clear()


_state = {}
_lock = threading.Lock()


def _vocabulary():
    """Every 2 to 4 character piece of the vocabulary's words, keyed by each spelling
    with one character unknown ("戶?謄本"): one dictionary look-up per position."""
    with _lock:
        if "neighbours" in _state and time.monotonic() - _state["loaded"] < _RELOAD_SECONDS:
            return _state
        neighbours, counts = {}, {}
        for word, documents in IndexWord.objects.values_list("word", "documents"):
            for size in range(2, 5):
                for start in range(len(word) - size + 1):
                    piece = word[start : start + size]
                    counts[piece] = counts.get(piece, 0) + documents
        for piece in counts:
            for i in range(len(piece)):
                neighbours.setdefault(piece[:i] + "?" + piece[i + 1 :], []).append(piece)
        _state.update(neighbours=neighbours, counts=counts, loaded=time.monotonic())
        return _state
