"""Indexing and searching (全文檢索). One code path on SQLite and PostgreSQL: every query
term is a substring match on folded text (see text.py), ranked by where it matched."""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import IntegrityError, connections, transaction
from django.db.models import Case, F, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from huzheng.core.tally import Tally
from huzheng.search import registry, text
from huzheng.search.models import PopularQuery, SearchDocument
from huzheng.search.taxonomy import Facet

PER_PAGE = 20
SNIPPET_LENGTH = 110
# Where a term matched counts this much towards a result's rank.
WEIGHTS = {"title_index": 8, "names_index": 6, "summary_index": 3}
POPULAR_DAYS = 30


# --- Indexing ---------------------------------------------------------------------------


def rebuild(names=None):
    """Re-index every registered source (or those named); returns documents indexed."""
    total = 0
    for name, documents in registry.sources().items():
        if names is None or name in names:
            total += rebuild_source(name, documents())
    return total


@transaction.atomic
def rebuild_source(name, documents=None):
    """Replace the documents of source ``name`` with what it yields now."""
    if documents is None:
        documents = registry.sources()[name]()
    SearchDocument.objects.filter(source=name).delete()
    rows = [_row(name, document) for document in documents]
    SearchDocument.objects.filter(key__in=[r.key for r in rows]).delete()
    SearchDocument.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@transaction.atomic
def index_document(source, document):
    """Add or replace one document (a page just published, a service just saved)."""
    SearchDocument.objects.filter(key=document.key).delete()
    row = _row(source, document)
    row.save()
    return row


def remove_document(key):
    SearchDocument.objects.filter(key=key).delete()


# --- Searching --------------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class Snippet:
    text: str
    highlights: list[tuple[int, int]]

    @property
    def html(self):
        parts, last = [], 0
        for start, end in self.highlights:
            parts.append(escape(self.text[last:start]))
            parts.append(f"<mark>{escape(self.text[start:end])}</mark>")
            last = end
        parts.append(escape(self.text[last:]))
        return mark_safe("".join(parts))  # noqa: S308 -- every piece is escaped above


@dataclass
class Hit:
    document: SearchDocument
    snippet: Snippet


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    filters: dict[str, list[str]]
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    page: object = None  # a django Page of the paginator

    @property
    def empty(self):
        return self.total == 0


def search(query, filters=None, page=1, per_page=PER_PAGE):
    """Documents matching every term of ``query`` and every facet filter (values of one
    facet are alternatives), best first; with facet counts over the matches."""
    terms = text.query_terms(query)
    filters = clean_filters(filters or {})
    result = SearchResult(query=query, terms=terms, filters=filters)
    if not terms and not filters:
        return result
    # One pass over the index gives the ranked matches with their facet values; the page's
    # documents are then read by primary key.
    rows = _ranked(_matching(terms, filters), terms)
    result.total = len(rows)
    result.page = Paginator(rows, per_page).get_page(page)
    documents = SearchDocument.objects.in_bulk([row[0] for row in result.page.object_list])
    result.hits = [
        Hit(documents[row[0]], snippet(documents[row[0]], terms)) for row in result.page.object_list
    ]
    result.facets = facet_counts(Counter(" ".join(row[1] for row in rows).split()), filters)
    return result


def clean_filters(raw):
    """Only known facets, and values that are short and plain; at most ten a facet."""
    cleaned = {}
    for facet in Facet.values:
        values = raw.get(facet) or []
        if isinstance(values, str):
            values = [values]
        values = [v for v in values if isinstance(v, str) and 0 < len(v) <= 50 and v.isprintable()]
        if values:
            cleaned[facet] = list(dict.fromkeys(values))[:10]
    return cleaned


def facet_counts(counts, filters):
    """Facet groups from counts of "facet:value" tokens, values by count (years newest
    first), selected values marked."""
    from huzheng.search import labels

    by_facet = {}
    for token, n in counts.items():
        facet, _sep, value = token.partition(":")
        by_facet.setdefault(facet, []).append((value, n))
    groups = []
    for facet, label in Facet.choices:
        values = [
            FacetValue(
                value,
                labels.facet_value_label(facet, value),
                n,
                value in filters.get(facet, []),
            )
            for value, n in by_facet.get(facet, [])
        ]
        if facet == Facet.YEAR:
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        if values:
            groups.append(FacetGroup(facet, label, values))
    return groups


def snippet(document, terms, length=SNIPPET_LENGTH):
    """A short excerpt around the first match in the summary or body, with every term
    marked; the summary's start when nothing matches there."""
    for source in (document.summary, document.body):
        found = _first_match(source, terms)
        if found is not None:
            start = max(0, min(found - length // 3, len(source) - length))
            return _excerpt(source, start, length, terms)
    return _excerpt(document.summary or document.body, 0, length, terms)


def suggestions(query, limit=5):
    """For a query that found nothing: other spellings worth trying and near titles."""
    terms = text.query_terms(query)
    spelled = []
    canonical = " ".join(terms)
    if canonical and canonical != " ".join(query.lower().split()):
        spelled.append(canonical)
    if len(terms) > 1:
        spelled += [t for t in terms if _matching([t], {}).exists()]
    grams = [g for t in terms if not text.is_word(t) for g in text.bigrams(t) if len(g) == 2]
    words = [t for t in terms if text.is_word(t)]
    near = []
    if grams or words:
        condition = Q()
        for gram in grams:
            condition |= Q(title_index__contains=gram)
        for word in words:
            condition |= Q(title_index__contains=f" {word} ")
        near = list(SearchDocument.objects.filter(condition).order_by("type", "title")[:limit])
    return {"spellings": [s for s in dict.fromkeys(spelled) if s][:limit], "near": near}


# --- Popular searches --------------------------------------------------------------------


def record_search(query, found, day=None):
    """Count one search for its normalised query when it found something and is not junk.
    Returns the normalised query counted, or None. Counts are written in batches
    (`core.tally`): a search served from the page cache costs no database write."""
    if not found or text.is_junk(query):
        return None
    normalised = text.normalise_query(query)[: text.QUERY_MAX_LENGTH]
    day = day or timezone.localdate()
    _searches.add((day, normalised))
    return normalised


def _write_searches(counts):
    for (day, normalised), count in counts.items():
        with transaction.atomic():
            updated = PopularQuery.objects.filter(day=day, query=normalised).update(
                count=F("count") + count
            )
            if updated:
                continue
            try:
                with transaction.atomic():
                    PopularQuery.objects.create(day=day, query=normalised, count=count)
            except IntegrityError:  # another process created it first
                PopularQuery.objects.filter(day=day, query=normalised).update(
                    count=F("count") + count
                )


_searches = Tally(_write_searches)


def popular_searches(limit=8, related_to="", today=None):
    """The most searched queries of the last POPULAR_DAYS days; those sharing a character
    with ``related_to`` first."""
    since = (today or timezone.localdate()) - dt.timedelta(days=POPULAR_DAYS)
    top = list(
        PopularQuery.objects.filter(day__gte=since)
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")
        .values_list("query", flat=True)[:50]
    )
    if related_to:
        chars = set(text.normalise_query(related_to).replace(" ", ""))
        top.sort(key=lambda q: not (chars & set(q)))
    return top[:limit]


# --- Helpers ------------------------------------------------------------------------------


def _matching(terms, filters):
    documents = SearchDocument.objects.all()
    for term in terms:
        documents = documents.filter(text_index__contains=_pattern(term))
    for facet, values in filters.items():
        either = Q()
        for value in values:
            either |= Q(facets__contains=f" {facet}:{value} ")
        documents = documents.filter(either)
    return documents


def _ranked(matches, terms):
    """(pk, facets) of the matches, best first: by the weight of where each term matched,
    then newest, then title. Score and order are both SQL's: for a query matching most
    of 10,000 documents the database sorts in a third of the time a Python sort took."""
    score = Value(0, output_field=IntegerField())
    for term in terms:
        pattern = _pattern(term)
        for column, weight in WEIGHTS.items():
            score = score + Case(
                When(**{f"{column}__contains": pattern}, then=Value(weight)),
                default=Value(0),
                output_field=IntegerField(),
            )
    query = (
        matches.annotate(score=score)
        .order_by("-score", "-day_number", "title", "pk")
        .values_list("pk", "facets")
    )
    # The ORM writes the SQL; the rows are fetched in one go without the per-row
    # iterator, which for thousands of matches is most of the time.
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return rows


def _pattern(term):
    return f" {term} " if text.is_word(term) else term


def _row(source, document):
    names = "\n".join(document.names)
    title_index = text.index_text(document.title)
    names_index = text.index_text(" ".join(document.names))
    summary_index = text.index_text(document.summary)
    return SearchDocument(
        key=document.key[:200],
        source=source,
        title=document.title[:500],
        url=document.url[:500],
        type=document.type,
        summary=document.summary,
        body=document.body,
        names=names,
        date=document.date,
        day_number=int(document.date.strftime("%Y%m%d")) if document.date else 0,
        language=document.language,
        title_index=title_index,
        names_index=names_index,
        summary_index=summary_index,
        facets=" " + " ".join(f"{f}:{v}" for f, v in _facet_values(document)) + " ",
        # Fields apart, so a phrase never spans the end of one and the start of the next.
        text_index=" | ".join(
            [title_index, names_index, summary_index, text.index_text(document.body)]
        ),
    )


def _facet_values(document):
    values = {
        (Facet.TYPE, document.type),
        *((Facet.TOPIC, v) for v in document.topics),
        *((Facet.POLICY, v) for v in document.policies),
        *((Facet.SERVICE, v) for v in document.services),
        *((Facet.AUDIENCE, v) for v in document.audiences),
    }
    if document.date:
        values.add((Facet.YEAR, str(document.date.year)))
    # Facet values are single tokens: no spaces, no colons.
    return sorted((f, re.sub(r"[\s:]", "_", str(v))[:50]) for f, v in values if v)


def _first_match(source, terms):
    if not source:
        return None
    folded = text.fold(source)
    spans = [span for term in terms if (span := text.find_term(folded, term))]
    return min(span[0] for span in spans) if spans else None


def _excerpt(source, start, length, terms):
    end = min(len(source), start + length)
    # Start and end on whole words where the text has spaces.
    if start > 0 and " " in source[max(0, start - 15) : start]:
        start = source.rfind(" ", 0, start) + 1
    piece = " ".join(source[start:end].split()) if source else ""
    piece = ("…" if start > 0 else "") + piece + ("…" if end < len(source) else "")
    folded = text.fold(piece)
    spans = []
    for term in terms:
        position = 0
        while (span := text.find_term(folded[position:], term)) is not None:
            spans.append((span[0] + position, span[1] + position))
            position += span[1]
    merged = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return Snippet(piece, merged)
