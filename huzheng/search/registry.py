"""Where the search index gets its documents from.

Wagtail pages are indexed by the search app itself (a page type may refine what is
indexed by defining ``search_document()``, returning the keys of ``Document`` below,
all optional). Anything else that search should find — catalog services, e-forms,
population statistics — registers a *source*: a callable that yields ``Document``s.
A source whose data changed calls ``source_changed(name)`` and the index catches up.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["Document", "on_source_changed", "register_source", "source_changed", "sources"]


@dataclass
class Document:
    """One searchable thing, in the words people search with."""

    key: str  # unique and stable across rebuilds, e.g. "service:birth" or "page:42"
    title: str
    url: str
    type: str  # a taxonomy.DocumentType value
    body: str = ""  # plain text; no markup
    summary: str = ""  # shown under the title when the query is not in the body
    names: list[str] = field(default_factory=list)  # service names, ranked with the title
    topics: list[str] = field(default_factory=list)  # taxonomy.Topic values
    policies: list[str] = field(default_factory=list)  # taxonomy.Policy values
    services: list[str] = field(default_factory=list)  # taxonomy.ServiceCategory values
    audiences: list[str] = field(default_factory=list)  # taxonomy.Audience values
    date: dt.date | None = None  # publication, issue or last-updated date
    language: str = "zh-hant"


_sources: dict[str, Callable[[], Iterable[Document]]] = {}
_on_change: list[Callable[[str], None]] = []


def register_source(name: str, documents: Callable[[], Iterable[Document]]) -> None:
    """Make ``documents()`` part of the index under ``name`` (call from AppConfig.ready)."""
    _sources[name] = documents


def sources() -> dict[str, Callable[[], Iterable[Document]]]:
    return dict(_sources)


def source_changed(name: str) -> None:
    """Tell the index that the documents of source ``name`` changed."""
    for listener in _on_change:
        listener(name)


def on_source_changed(listener: Callable[[str], None]) -> None:
    """For the search app: be told when a source changed."""
    _on_change.append(listener)
