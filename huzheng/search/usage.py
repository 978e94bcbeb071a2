"""What searching teaches the editors (檢索統計): the popular searches shown beside the
search box and the searches that found nothing or were not followed. Counted without
anything about who searched, in batches (`core.tally`), so a search served from the page
cache costs no database write."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from huzheng.core.tally import Tally
from huzheng.search import text
from huzheng.search.models import PopularQuery, QueryStat

POPULAR_DAYS = 30

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


# --- Learning from use: searches that found nothing or were not followed -------------------


def record_query(query, total, day=None):
    """Count a search of ``query`` that found ``total`` results (page one, no filters),
    without anything about who searched. Junk and personal-looking queries are skipped."""
    if text.is_junk(query):
        return None
    normalised = text.normalise_query(query)[: text.QUERY_MAX_LENGTH]
    day = day or timezone.localdate()
    _stats.add((day, normalised, "searches"))
    if not total:
        _stats.add((day, normalised, "empty"))
    return normalised


def record_click(query, day=None):
    """Count a result followed from a search for ``query``."""
    if text.is_junk(query):
        return None
    normalised = text.normalise_query(query)[: text.QUERY_MAX_LENGTH]
    _stats.add((day or timezone.localdate(), normalised, "clicks"))
    return normalised


def _write_stats(counts):
    by_query = {}
    for (day, normalised, column), count in counts.items():
        by_query.setdefault((day, normalised), {})[column] = count
    for (day, normalised), columns in by_query.items():
        increments = {name: F(name) + n for name, n in columns.items()}
        with transaction.atomic():
            if QueryStat.objects.filter(day=day, query=normalised).update(**increments):
                continue
            try:
                with transaction.atomic():
                    QueryStat.objects.create(day=day, query=normalised, **columns)
            except IntegrityError:  # another process created it first
                QueryStat.objects.filter(day=day, query=normalised).update(**increments)


_stats = Tally(_write_stats)


def unanswered_queries(days=POPULAR_DAYS, today=None, limit=200):
    """Queries of the last ``days`` days that found nothing or whose results nobody
    followed, most searched first: what editors answer with a synonym or a best bet."""
    since = (today or timezone.localdate()) - dt.timedelta(days=days)
    return list(
        QueryStat.objects.filter(day__gte=since)
        .values("query")
        .annotate(searches=Sum("searches"), empty=Sum("empty"), clicks=Sum("clicks"))
        .filter(Q(empty__gt=0) | Q(clicks=0))
        .order_by("-empty", "-searches", "query")[:limit]
    )


def empty_search_counts(first, last):
    """How many searches were made from `first` to `last` (dates) and how many found
    nothing: {"searches", "empty"}. The counts are the deployment's (a search is not
    made at an office)."""
    totals = QueryStat.objects.filter(day__gte=first, day__lte=last).aggregate(
        searches=Sum("searches"), empty=Sum("empty")
    )
    return {"searches": totals["searches"] or 0, "empty": totals["empty"] or 0}
