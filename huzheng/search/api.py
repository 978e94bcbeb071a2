"""Search in the API: GET /api/v1/search?q=… gives what /search/ shows, as JSON.

Each result's ``snippet`` is plain text; ``highlights`` lists the [start, end) character
offsets of the matches within it (what the page wraps in <mark>)."""

import datetime as dt

from ninja import Query, Router, Schema

from huzheng.search import labels, services, text

router = Router(tags=["search"])


class ResultOut(Schema):
    title: str
    url: str
    type: str
    type_label: str
    date: dt.date | None
    snippet: str
    highlights: list[tuple[int, int]]


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    query: str
    query_cut: bool
    terms: list[str]
    total: int
    # "exact"; "about" (an estimate for a broad query); "more" (at least ``total``)
    total_kind: str
    # a broad query: how many of the best matches were ranked and paged (0: all of them)
    ranked: int
    page: int
    pages: int
    per_page: int
    results: list[ResultOut]
    facets: list[FacetOut]


class SearchParams(Schema):
    q: str = ""
    page: int = 1
    topic: list[str] = []
    policy: list[str] = []
    service: list[str] = []
    audience: list[str] = []
    type: list[str] = []
    year: list[str] = []


@router.get("", response=SearchOut, summary="Search pages, news, laws, services and forms")
def search(request, params: Query[SearchParams]):
    """Every term of ``q`` must match (Chinese as a phrase, Latin letters as words); facet
    parameters may repeat, values of one facet being alternatives."""
    query, cut = text.clean_query(params.q)
    filters = services.clean_filters(params.dict(exclude={"q", "page"}))
    result = services.search(query, filters, max(1, min(params.page, 10_000)))
    return {
        "query": query,
        "query_cut": cut,
        "terms": result.terms,
        "total": result.total,
        "total_kind": result.total_kind,
        "ranked": result.ranked,
        "page": result.page.number if result.page else 1,
        "pages": result.page.paginator.num_pages if result.page else 0,
        "per_page": services.PER_PAGE,
        "results": [
            {
                "title": hit.document.title,
                "url": hit.url,
                "type": hit.document.type,
                "type_label": labels.type_label(hit.document.type),
                "date": hit.document.date,
                "snippet": hit.snippet.text,
                "highlights": hit.snippet.highlights,
            }
            for hit in result.hits
        ],
        "facets": [
            {
                "name": group.name,
                "label": str(group.label),
                "values": [vars(value) | {"label": str(value.label)} for value in group.values],
            }
            for group in result.facets
        ],
    }
