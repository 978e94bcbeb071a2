"""Indexing and searching (全文檢索). One code path on SQLite and PostgreSQL: every query
term is a substring match on folded text (see text.py), ranked by where it matched."""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from huzheng.core import pagecache
from huzheng.core.services import record_audit
from huzheng.search import analysis, labels, postings, registry, spelling, text
from huzheng.search.models import (
    BestBet,
    SearchDocument,
    Synonym,
)
from huzheng.search.taxonomy import DocumentType, Facet
from huzheng.search.vocabulary import rebuild_vocabulary

PER_PAGE = 20
SNIPPET_LENGTH = 110
# Where a term matched counts this much towards a result's rank.
WEIGHTS = {"title_index": 8, "names_index": 6, "summary_index": 3}
BODY_WEIGHT = 1
PHRASE_BONUS = 20  # the words together, as typed, in the title
START_BONUS = 6  # the title starts with the query
WHOLE_TITLE_BONUS = 30  # the query is the whole title
FEW = 5  # fewer results with every word than this: those with most words follow
# A broad query (more candidates than RANK_LIMIT in the index) is ranked over a bounded
# set: the index's own best RANK_LIMIT, plus up to FIRST_LIMIT services, tools and forms
# fetched apart so the cut never drops them. The total is then the index's count.
RANK_LIMIT = 1000
FIRST_LIMIT = 200
FIRST_TYPES = [DocumentType.SERVICE, DocumentType.TOOL, DocumentType.FORM]


# --- Indexing ---------------------------------------------------------------------------


def rebuild(names=None):
    """Re-index every registered source (or those named); returns documents indexed."""
    total = 0
    for name, documents in registry.sources().items():
        if names is None or name in names:
            total += rebuild_source(name, documents())
    rebuild_vocabulary()
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
    anchor: str = ""  # the part of a service page the query asked about

    @property
    def url(self):
        if self.anchor and self.document.type == DocumentType.SERVICE:
            return f"{self.document.url}#{self.anchor}"
        return self.document.url


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    filters: dict[str, list[str]]
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    page: object = None  # a django Page of the paginator
    analysis: object = None  # the analysis.Analysis searched for
    corrected: str = ""  # the corrected query shown instead of one that found nothing
    partial: bool = False  # no document has every word: those with most of them
    # How ``total`` counts: "exact"; "about" (the index's count of candidates for a broad
    # query, before the exact check of long words); "more" (at least this many: a broad
    # query with filters, not counted past the bound).
    total_kind: str = "exact"
    # A broad query: only this many of the best candidates were ranked (and paged, and
    # counted in the facets); 0 when every match was.
    ranked: int = 0

    @property
    def intent(self):
        return self.analysis.intent if self.analysis else ""

    @property
    def empty(self):
        return self.total == 0

    @property
    def capped(self):
        return bool(self.ranked)


def search(query, filters=None, page=1, per_page=PER_PAGE):
    """Documents matching every word of ``query`` (in any order, each with its synonyms)
    and every facet filter (values of one facet are alternatives), best first; with facet
    counts over the matches. When nothing matches: the query with its misspelt words
    corrected, else the documents with most of the words (``result.partial``)."""
    filters = clean_filters(filters or {})
    understood = analysis.analyse(query)
    result = SearchResult(query=query, terms=understood.words, filters=filters)
    result.analysis = understood
    if not understood.groups and not filters:
        return result
    rows, bound = _bounded(understood.groups, filters, understood)
    if not rows and understood.groups:
        corrected = spelling.correct(
            understood,
            lambda groups: _exists(_matching(groups, filters)),
            known=None if filters else spelling.known_word,
        )
        if corrected is not None:
            result.corrected = corrected.phrase
            understood = result.analysis = corrected
            result.terms = corrected.words
            rows, bound = _bounded(corrected.groups, filters, corrected)
        elif len(understood.groups) > 1:
            rows, bound = _bounded(understood.groups, filters, understood, most_words=True)
            result.partial = bool(rows)
    elif len(rows) < FEW and len(understood.groups) > 1:
        # Few documents have every word: those with most of them follow.
        found = {row[0] for row in rows}
        more, _bound = _bounded(understood.groups, filters, understood, most_words=True)
        rows += [row for row in more if row[0] not in found]
    if not filters:
        rows = _pin_best_bets(rows, query, understood)
    result.total = len(rows)
    if bound is not None and rows:
        result.ranked = len(rows)
        result.total, result.total_kind = max(bound.total, len(rows)), bound.kind
    result.page = Paginator(rows, per_page).get_page(page)
    documents = SearchDocument.objects.in_bulk([row[0] for row in result.page.object_list])
    terms = [word for group in understood.groups for word in group]
    result.hits = [
        Hit(documents[row[0]], snippet(documents[row[0]], terms), _anchor(understood.intent))
        for row in result.page.object_list
        if row[0] in documents
    ]
    result.facets = facet_counts(_facet_tokens(rows), filters)
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
    terms = analysis.analyse(query).words or text.query_terms(query)
    spelled = []
    canonical = text.join_words(terms)
    if canonical and canonical != " ".join(query.lower().split()):
        spelled.append(canonical)
    if len(terms) > 1:
        spelled += [t for t in terms if _exists(_matching([[t]], {}))]
    grams = [g for t in terms if not text.is_word(t) for g in text.bigrams(t) if len(g) == 2]
    words = [t for t in terms if text.is_word(t)]
    near = []
    if grams or words:
        condition = Q()
        for gram in grams:
            condition |= Q(title_index__contains=gram)
        for word in words:
            condition |= Q(title_index__contains=f" {word} ")
        documents = SearchDocument.objects.filter(condition)
        candidates = postings.candidates([[piece] for piece in grams + words], every=False)
        if candidates is not None:  # only documents with one of the pieces somewhere
            documents = documents.filter(candidates)
        near = list(documents.order_by("type", "title")[:limit])
    return {"spellings": [s for s in dict.fromkeys(spelled) if s][:limit], "near": near}


# --- Editors' synonyms and best bets ----------------------------------------------------


class EditError(ValueError):
    """A synonym or best bet that cannot be saved, with the reason in the editor's words
    and the field it is about (None for the whole)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def check_synonym(*, phrase, means, note="", synonym=None):
    """The synonym's fields cleaned, or EditError with the reason."""
    phrase, means = text.clean_line(phrase, 50), text.clean_line(means, 100)
    if not text.query_text(phrase) or not text.query_text(means):
        raise EditError(_("Enter both the words people type and the office's words."), "means")
    if text.query_text(phrase) == text.query_text(means):
        raise EditError(_("The two sides are the same words."), "means")
    others = Synonym.objects.exclude(pk=getattr(synonym, "pk", None))
    if others.filter(phrase=phrase, means=means).exists():
        raise EditError(_("This synonym exists already."))
    return {"phrase": phrase, "means": means, "note": text.clean_line(note, 200)}


@transaction.atomic
def save_synonym(user, *, phrase, means, note="", synonym=None):
    """Add (or change) a synonym: ``phrase`` as people type it finds ``means``."""
    fields = check_synonym(phrase=phrase, means=means, note=note, synonym=synonym)
    synonym = synonym or Synonym()
    is_new = synonym.pk is None
    for name, value in fields.items():
        setattr(synonym, name, value)
    synonym.save()
    record_audit(user, "create" if is_new else "update", synonym, fields=["phrase", "means"])
    analysis.forget_synonyms()
    pagecache.changed("search")
    return synonym


def check_best_bet(*, query, url, position=1, best_bet=None):
    """The best bet's fields cleaned, or EditError with the reason."""
    normalised = text.normalise_query(text.clean_line(query, 100))[:100]
    url = text.clean_line(url, 500)
    if "://" in url:  # an address copied from the browser: keep its path
        url = "/" + url.split("://", 1)[1].partition("/")[2]
    if not normalised:
        raise EditError(_("Enter the search words."), "query")
    if not SearchDocument.objects.filter(url=url).exists():
        raise EditError(
            _("No search result has this address. Copy it from a search result."), "url"
        )
    others = BestBet.objects.exclude(pk=getattr(best_bet, "pk", None))
    if others.filter(query=normalised, url=url).exists():
        raise EditError(_("This result is pinned to these words already."))
    try:
        position = max(1, min(int(position or 1), 100))
    except (TypeError, ValueError):
        position = 1
    return {"query": normalised, "url": url, "position": position}


@transaction.atomic
def save_best_bet(user, *, query, url, position=1, best_bet=None):
    """Pin the result at ``url`` (an address the index has) to ``query``."""
    fields = check_best_bet(query=query, url=url, position=position, best_bet=best_bet)
    best_bet = best_bet or BestBet()
    is_new = best_bet.pk is None
    for name, value in fields.items():
        setattr(best_bet, name, value)
    best_bet.save()
    record_audit(user, "create" if is_new else "update", best_bet, fields=["query", "url"])
    pagecache.changed("search")
    return best_bet


@transaction.atomic
def delete_edit(user, instance):
    """Remove a synonym or a best bet."""

    record_audit(user, "delete", instance)
    instance.delete()
    analysis.forget_synonyms()
    pagecache.changed("search")


# --- Helpers ------------------------------------------------------------------------------


def _matching(groups, filters, within=None):
    """Documents with a word of every group and every facet filter: the inverted index
    picks the candidates (or ``within``: ids it picked already), the substring check on
    their folded text decides."""
    documents = SearchDocument.objects.all()
    if within is not None:
        candidates = Q(pk__in=within)
    else:
        candidates = postings.candidates(groups)
    if candidates is not None:
        documents = documents.filter(candidates)
    for group in groups:
        if candidates is None or not all(postings.is_exact(word) for word in group):
            documents = documents.filter(_any("text_index", group))
    for facet, values in filters.items():
        either = Q()
        for value in values:
            either |= Q(facets__contains=f" {facet}:{value} ")
        documents = documents.filter(either)
    return documents


def _exists(documents):
    """documents.exists() through the inverted index (postings.through_index)."""
    with postings.through_index():
        return documents.exists()


def _any(column, words):
    """Q: any of ``words`` occurs in ``column`` (Latin words as whole words)."""
    either = Q()
    for word in words:
        either |= Q(**{f"{column}__contains": _pattern(word)})
    return either


def _score(understood, every=True):
    """Where each word matched, weighted by field; the whole phrase in the title, and
    a title that starts with it, on top. With ``every``, each row is known to have every
    word somewhere: that weight is a constant, not another pass over the full text."""
    score = Value(BODY_WEIGHT * len(understood.groups) if every else 0)
    for group in understood.groups:
        for column, weight in WEIGHTS.items():
            score = score + _when(_any(column, group), weight)
        if not every:
            score = score + _when(_any("text_index", group), BODY_WEIGHT)
    phrase = understood.phrase
    if phrase:
        folded = text.index_text(phrase).strip()
        if len(understood.groups) > 1:
            score = score + _when(Q(title_index__contains=folded), PHRASE_BONUS)
            score = score + _when(Q(names_index__contains=folded), PHRASE_BONUS // 2)
        score = score + _when(Q(title_index__startswith=f" {folded}"), START_BONUS)
        score = score + _when(Q(title_index=f" {folded} "), WHOLE_TITLE_BONUS)
    return score


def _when(condition, weight):
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


# Services, tools and forms before pages, pages before news, at the same score.
_TYPE_RANK = Case(
    When(type__in=[DocumentType.SERVICE, DocumentType.TOOL, DocumentType.FORM], then=Value(0)),
    When(type=DocumentType.NEWS, then=Value(2)),
    default=Value(1),
    output_field=IntegerField(),
)


def _ranked(matches, understood, matched=None):
    """(pk, facets) of the matches, best first: by the weight of where each word matched,
    then services before news, then newest, then title. Score and order are both SQL's:
    for a query matching most of 10,000 documents the database sorts in a third of the
    time a Python sort took."""
    query = matches.annotate(score=_score(understood, matched is None), type_rank=_TYPE_RANK)
    order = ["-score", "type_rank", "-day_number", "title", "pk"]
    if matched is not None:
        query = query.annotate(matched=matched).filter(matched__gt=0)
        order.insert(0, "-matched")
    query = query.order_by(*order).values_list("pk", "facets")
    # The ORM writes the SQL; the rows are fetched in one go without the per-row
    # iterator, which for thousands of matches is most of the time.
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return rows


def _most_words(understood, filters, within=None):
    """The fallback when no document has every word: those with most of them, and how
    many words each has (for _ranked)."""
    either = Q()
    matched = Value(0, output_field=IntegerField())
    for group in understood.groups:
        either |= _any("text_index", group)
        matched = matched + _when(_any("text_index", group), 1)
    documents = _matching([], filters)
    if within is not None:
        candidates = Q(pk__in=within)
    else:
        candidates = postings.candidates(understood.groups, every=False)
    if candidates is not None:
        documents = documents.filter(candidates)
    return documents.filter(either), matched


@dataclass
class Bound:
    total: int  # what the result says it found
    kind: str  # how: SearchResult.total_kind


def _bounded(groups, filters, understood, most_words=False):
    """(rows, bound): the matches ranked (_ranked), and None; or for a broad query — more
    candidates in the index than RANK_LIMIT — a bounded set ranked and its Bound.

    Reading, scoring and sorting every match of a word found in most of the index is
    what made such a query take seconds at 100,000 documents. Past the limit the index
    picks: without filters its own best RANK_LIMIT candidates (postings.best) and the
    total is its count (exact when no word needs the substring check, "about" when one
    does); with filters, the first RANK_LIMIT matches the database finds and "more than".
    Services, tools and forms with the words are fetched apart (FIRST_LIMIT of them), so
    the cut never drops them, and the project's own ranking orders the set."""
    every = not most_words
    if most_words:
        documents, matched = _most_words(understood, filters)
    else:
        documents, matched = _matching(groups, filters), None
    counted = postings.count(groups, every, limit=RANK_LIMIT)
    if counted is None or (counted.n <= RANK_LIMIT and counted.exact):
        return _ranked(documents, understood, matched), None
    count, count_exact = counted.n, counted.exact
    everything = documents
    exact = every and all(postings.is_exact(word) for group in groups for word in group)
    if filters:
        with postings.through_index():
            ids = list(documents.values_list("pk", flat=True)[:RANK_LIMIT])
        bound = Bound(RANK_LIMIT, "more")
    else:
        ids = counted.ids if counted.ids is not None else postings.best(groups, RANK_LIMIT, every)
        bound = Bound(count, "exact" if exact else "about")
        if not count_exact:  # PostgreSQL stopped counting past RANK_LIMIT
            bound.kind = "more"
    first = documents.filter(type__in=FIRST_TYPES).values_list("pk", flat=True)
    # The bounded set's rows alone: not the index's every candidate again.
    within = set(ids) | set(first[:FIRST_LIMIT])
    if most_words:
        documents, matched = _most_words(understood, filters, within)
    else:
        documents = _matching(groups, filters, within)
    rows = _ranked(documents, understood, matched)
    if filters and len(ids) < RANK_LIMIT:  # every match is among them: an ordinary result
        return rows, None
    if bound.kind != "exact":
        # The candidates of a long word include documents with its bigrams apart: the
        # share of the sample that has the word scales the index's count.
        passed = len({row[0] for row in rows} & set(ids))
        if not passed:  # none of the sample has it: rank every match after all
            return _ranked(everything, understood, matched), None
        if bound.kind == "about":
            bound.total = round(count * passed / len(ids))
        elif not exact:  # a capped count of candidates is no lower bound: what was seen is
            bound.total = len(rows)
    return rows, bound


def _facet_tokens(rows):
    """Counts of the "facet:value" tokens of the rows. Documents share a few hundred
    combinations of facets, so each distinct combination is split once."""
    tokens = Counter()
    for facets, n in Counter(row[1] for row in rows).items():
        for token in facets.split():
            tokens[token] += n
    return tokens


def _pin_best_bets(rows, query, understood):
    """The editors' best bets for this query first, in their order, then the rest."""
    keys = {text.normalise_query(query), understood.key}
    urls = list(
        BestBet.objects.filter(query__in=[k for k in keys if k])
        .order_by("position", "pk")
        .values_list("url", flat=True)
    )
    if not urls:
        return rows
    by_url = {}
    for pk, url, facets in SearchDocument.objects.filter(url__in=urls).values_list(
        "pk", "url", "facets"
    ):
        by_url.setdefault(url, (pk, facets))
    pinned = [by_url[url] for url in dict.fromkeys(urls) if url in by_url]
    pinned_pks = {pk for pk, _facets in pinned}
    return pinned + [row for row in rows if row[0] not in pinned_pks]


def _anchor(intent):
    return {"documents": "documents", "fees": "fees"}.get(intent, "")


def _pattern(term):
    return f" {term} " if text.is_word(term) else term


def _row(source, document):
    names = "\n".join(document.names)
    title_index = text.index_text(document.title)
    names_index = text.index_text(" ".join(document.names))
    summary_index = text.index_text(document.summary)
    # Fields apart, so a phrase never spans the end of one and the start of the next.
    text_index = " | ".join(
        [title_index, names_index, summary_index, text.index_text(document.body)]
    )
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
        text_index=text_index,
        terms=postings.document_terms(text_index),
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
