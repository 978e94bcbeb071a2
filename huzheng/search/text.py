"""Chinese-aware text folding for the search index (檢索用字正規化).

Both sides of a search go through ``fold``: full-width to half-width, lower case,
punctuation to spaces, and a small variant map (台→臺, 身份→身分 …). ``fold`` keeps the
length of the text, so a match found in folded text marks the same span of the original
(that is how snippets highlight). Queries are first converted from simplified to
traditional characters with OpenCC, so 身份证 finds 身分證.

Chinese has no spaces between words, so a run of Han characters is matched as a phrase:
the query 掛失 matches text whose character bigrams include 掛失, which is the same as the
folded query occurring in the folded text. Latin letters and digits are matched as words.
"""

import re

from huzheng.core.text import (  # noqa: F401 - the search app's text rules, in one place
    VARIANTS,
    clean_line,
    fold,
    to_simplified,
    to_traditional,
    written_form,
)

QUERY_MAX_LENGTH = 200

_LATIN = "0-9a-z"
_SCRIPT_BOUNDARY = re.compile(rf"(?<=[{_LATIN}])(?=[^{_LATIN}\s])|(?<=[^{_LATIN}\s])(?=[{_LATIN}])")
_WORD = re.compile(rf"[{_LATIN}]+")
# Markup and SQL punctuation: nobody looking for a service types these.
# An ID number (A123456789), a resident certificate number, a phone, any 6+ digits, e-mail.
_PERSONAL = re.compile(r"[A-Za-z][12689]\d{8}|\d[\d\s-]{5,}\d|@")
_SUSPICIOUS = re.compile(r"[<>{}\[\];=\\'\"`|]|--|/\*")


def index_text(text):
    """The folded text as stored in the index: spaces between words and scripts."""
    folded = _SCRIPT_BOUNDARY.sub(" ", fold(text))
    return " " + " ".join(folded.split()) + " " if folded.strip() else ""


def clean_query(raw):
    """The query as typed, made safe to show and search: no control characters, at most
    QUERY_MAX_LENGTH characters. Returns (query, was_cut)."""
    query = clean_line(raw)
    if len(query) > QUERY_MAX_LENGTH:
        return query[:QUERY_MAX_LENGTH].rstrip(), True
    return query, False


def normalise_query(query):
    """The canonical form of a query: traditional characters, variants folded, lower case,
    one space between terms. Popular searches are counted under this form."""
    return " ".join(query_terms(query))


def query_terms(query):
    """The terms of a query: each run of Han (or other) characters is one phrase, each
    run of Latin letters or digits one word. Duplicates are dropped."""
    folded = _SCRIPT_BOUNDARY.sub(" ", fold(to_traditional(query)))
    return list(dict.fromkeys(folded.split()))


def query_text(query):
    """The query folded for analysis: traditional characters, variants folded, lower
    case, punctuation out, a space between scripts and words."""
    folded = _SCRIPT_BOUNDARY.sub(" ", fold(to_traditional(query or "")))
    return " ".join(folded.split())


def join_words(words):
    """Words as one phrase of folded text: Han words run together, Latin words spaced."""
    phrase = ""
    for word in words:
        if phrase and (is_word(word) or is_word(phrase[-1])):
            phrase += " "
        phrase += word
    return phrase


def looks_personal(query):
    """True for a query that may be someone's personal data — an ID number, a phone or
    a long run of digits — which is never counted nor shown to editors."""
    return bool(_PERSONAL.search(query or ""))


def is_word(term):
    return bool(_WORD.fullmatch(term))


def find_term(folded_text, term):
    """(start, end) of the first occurrence of ``term`` in folded text, or None."""
    if is_word(term):
        match = re.search(rf"(?<![{_LATIN}]){re.escape(term)}(?![{_LATIN}])", folded_text)
        return match.span() if match else None
    start = folded_text.find(term)
    return (start, start + len(term)) if start >= 0 else None


def is_junk(query):
    """True for what should never count as a popular search: empty, over-long, markup or
    SQL punctuation, or nothing searchable."""
    if not query or len(query) > QUERY_MAX_LENGTH or _SUSPICIOUS.search(query):
        return True
    if looks_personal(query):
        return True
    return not query_terms(query)


def bigrams(term):
    """The character bigrams of a phrase (a single character is its own)."""
    return [term[i : i + 2] for i in range(max(len(term) - 1, 1))]
