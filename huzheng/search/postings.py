"""The inverted index (倒排索引) that picks a search's candidates before the exact check.

Each document's folded text (``SearchDocument.text_index``) is also kept as *terms*: every
character bigram of a run of Han (or other non-Latin) characters plus the run's last
character alone, and every Latin word whole. The terms are written in ASCII — each
character as four base-36 digits of its code point, a Latin word after a "z" — so neither
database's word splitter can cut them differently from here. The database's own
full-text index holds them: an FTS5 table kept by triggers on SQLite, a GIN index over
a ``tsvector`` column on PostgreSQL (migration 0004).

A query word is looked up through the same terms: a Han word through all its bigrams,
one character through the terms that start with it, a Latin word as itself. Every
document containing the word has those terms, so the candidates are a superset of the
matches. services._matching keeps its substring check (`LIKE`) for words of three
characters or more, on the candidates' rows only; for a Latin word or a word of one or
two characters, having the terms is having the word, and the check is left out."""

import re
from contextlib import contextmanager
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.db.models.fields import TextField

from huzheng.search import text

_LATIN = re.compile(r"[0-9a-z]+")
# Latin words are marked with a letter no character's code starts with (the largest code
# point, U+10FFFF, is "nvz3" in base 36), so a word never passes for a character's code.
LATIN_MARK = "z"


class IndexTermsField(TextField):
    """The document's terms: space-separated on SQLite (the FTS5 table reads them through
    its triggers), a ``tsvector`` of the same words on PostgreSQL."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


def document_terms(folded):
    """The terms of a document's folded text, space-separated, each once."""
    found = set()
    for chunk in folded.split():
        if _LATIN.fullmatch(chunk):
            found.add(LATIN_MARK + chunk)
        else:
            codes = [_code(ch) for ch in chunk]
            found.update(a + b for a, b in pairwise(codes))
            found.add(codes[-1])
    return " ".join(sorted(found))


def word_terms(word):
    """(terms, prefix) a document containing ``word`` has: all of ``terms``, or for one
    character any term starting with it; None when the index cannot narrow it down."""
    if not word or any(ch.isspace() for ch in word):
        return None
    if _LATIN.fullmatch(word):
        return [LATIN_MARK + word], False
    if _LATIN.search(word):  # mixed scripts never stand together in the folded text
        return None
    codes = [_code(ch) for ch in word]
    if len(codes) == 1:
        return codes, True
    return list(dict.fromkeys(a + b for a, b in pairwise(codes))), False


def is_exact(word):
    """True when having the word's terms is having the word: a Latin word, or one or two
    characters (longer words need the substring check: their bigrams may lie apart)."""
    return _LATIN.fullmatch(word) is not None or (
        0 < len(word) <= 2 and not _LATIN.search(word) and not any(c.isspace() for c in word)
    )


def candidates(groups, every=True):
    """A filter for SearchDocument: documents that may have a word of every group (of
    any group when ``every`` is false), through the index; None when it cannot narrow
    the search down (then the substring check alone decides, as before)."""
    parts = _parts(groups, every)
    if not parts:
        return None
    if connection.vendor == "postgresql":
        expression = _tsquery(parts, every)
        return RawSQL(
            '"search_searchdocument"."terms" @@ %s::tsquery',
            [expression],
            output_field=BooleanField(),
        )
    if connection.vendor == "sqlite":
        expression = _fts_query(parts, every)
        # The expression is a parameter; only its quoted terms come from the query.
        sql = "SELECT rowid FROM search_index_terms WHERE search_index_terms MATCH %s"
        return Q(pk__in=RawSQL(sql, [expression]))  # noqa: S611
    return None


class Count(NamedTuple):
    n: int  # candidates counted
    exact: bool  # False: counting stopped past the limit, there are more
    ids: list | None = None  # PostgreSQL: the first candidates, as ``best`` gives them


def count(groups, every=True, limit=None):
    """Count: how many documents the index gives as candidates (what ``candidates``
    would select); None when the index cannot narrow the search down. SQLite's FTS5
    counts in the index itself, exactly, whatever their number. PostgreSQL counts a GIN
    index's matches only by visiting their rows (33 ms in the index, 395 ms in all for
    38,085 matches), so there, with a ``limit``, it reads the ids of the first
    ``limit + 1`` (the ones ``best`` would pick) and stops: past it, (limit, False) —
    "more than" — with those ids, so the pick costs no second visit."""
    parts = _parts(groups, every)
    if not parts or connection.vendor not in ("sqlite", "postgresql"):
        return None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_index_terms WHERE search_index_terms MATCH %s",
                [_fts_query(parts, every)],
            )
            return Count(cursor.fetchone()[0], True)
    if limit is None:
        rows = _through_index(
            "SELECT count(*) FROM search_searchdocument WHERE terms @@ %s::tsquery",
            [_tsquery(parts, every)],
        )
        return Count(rows[0][0], True)
    rows = _through_index(
        "SELECT id FROM search_searchdocument WHERE terms @@ %s::tsquery LIMIT %s",
        [_tsquery(parts, every), limit + 1],
    )
    ids = [row[0] for row in rows]
    return Count(min(len(ids), limit), len(ids) <= limit, ids[:limit])


def best(groups, limit, every=True):
    """The ids of at most ``limit`` candidates, in the index's own order, which costs
    nothing to follow: on SQLite newest-indexed first (FTS5 walks its rowids either
    way); on PostgreSQL the first ones the GIN index's bitmap gives, in table order.
    Not a relevance rank: FTS5's ``ORDER BY rank`` (BM25) took 3–20 s at 100,000
    documents (it reads every match's row of the external content table), and
    ``ts_rank`` would read every match's terms — the cost the bound is there to avoid.
    The project's own ranking orders the set this picks (services._bounded)."""
    parts = _parts(groups, every)
    if not parts:
        return None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_index_terms WHERE search_index_terms MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                [_fts_query(parts, every), limit],
            )
            return [row[0] for row in cursor.fetchall()]
    if connection.vendor == "postgresql":
        rows = _through_index(
            "SELECT id FROM search_searchdocument WHERE terms @@ %s::tsquery LIMIT %s",
            [_tsquery(parts, every), limit],
        )
        return [row[0] for row in rows]
    return None


def _through_index(sql, params):
    """Rows of ``sql`` read through the index (``through_index``)."""
    with through_index(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextmanager
def through_index():
    """Within it, PostgreSQL is told to use the inverted index. Under a ``LIMIT`` its
    planner would read the table in order until enough rows match (it expects them soon,
    and does not count the cost of reading each row's terms): seconds at 100,000
    documents for an ``EXISTS`` over a rare word, and 313 ms (68 ms through the index)
    for the first 1,000 services among 遷入's 25,000 candidates. A no-op elsewhere."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        yield
        # Set for the transaction, the setting would outlive this block inside an outer
        # one. On an error the block's savepoint is rolled back, and the setting with it.
        cursor.execute("SELECT set_config('enable_seqscan', 'on', true)")


def _parts(groups, every):
    """The terms of each group's words; [] when the index cannot narrow the search."""
    parts = []
    for group in groups:
        words = [word_terms(word) for word in group]
        if not words or None in words:
            if every:
                continue  # this group is left to the substring check
            return []  # any group may match: one unknown group means any document
        parts.append(words)
    return parts


def _fts_query(parts, every):
    def term(value, prefix):
        return f'"{value}"' + ("*" if prefix else "")

    groups = [
        "("
        + " OR ".join(
            "(" + " AND ".join(term(t, prefix) for t in terms) + ")" for terms, prefix in words
        )
        + ")"
        for words in parts
    ]
    return (" AND " if every else " OR ").join(groups)


def _tsquery(parts, every):
    def term(value, prefix):
        return f"'{value}'" + (":*" if prefix else "")

    groups = [
        "("
        + " | ".join(
            "(" + " & ".join(term(t, prefix) for t in terms) + ")" for terms, prefix in words
        )
        + ")"
        for words in parts
    ]
    return (" & " if every else " | ").join(groups)


@cache
def _code(ch):
    """Four base-36 digits of the character's code point (up to U+10FFFF fits)."""
    number, digits = ord(ch), ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
    return digits


def folded_terms(value):
    """The terms of any text as the index would fold it (for tests and benchmarks)."""
    return document_terms(text.index_text(value))
