"""Kept pages answered before Django's request cycle (保留頁面的快速回應).

Under ASGI, every request Django handles gets a thread of its own for the sync
middleware chain: started, used and joined, even when the page cache (core.pagecache)
answers it without a view. That thread is most of what a kept page costs
(docs/performance.md, "Pages as served"). `KeptPages` wraps Django's ASGI application
and answers a request for a kept page itself, in the event loop, with the bytes Django
sent for it.

How it stays exactly Django's answer: it never builds a response. When the page-cache
middleware answers a request with a kept page, it marks the request's ASGI scope
(`pagecache.REPLAYED`); this layer records what Django then sent (status, every header
the middleware outside the page cache added: security headers, policy, `Vary`, `ETag`,
`Content-Length` …, and the body) beside the kept page's versions. A later request is
answered from that record only when

- `pagecache.eligible` says the page cache may answer it and `pagecache.key_for` gives
  the same key (the same functions the middleware asks: no session or messages cookie,
  GET or HEAD, not a back-office or personal path; host, full path, language);
- a record exists for the same method, scheme (`is_secure`, which the security
  middleware reads) and conditional answer (`pagecache.not_modified`: 304 or 200);
- the request carries no body, and the kept page is still fresh (`pagecache.afresh`):
  its time is not up and its versions are current, read from Redis with an async
  client, or from the files of a SQLite machine.

Anything else, any doubt (Redis unreachable, versions in the database cache, a page
whose replay must run code, such as a search that is counted) goes to Django unchanged.
A middleware added outside the page cache that reads more of the request than the
method and scheme must add what it reads to the record's variant (`_variant`)."""

import io
from collections import OrderedDict

from django.core.handlers.asgi import ASGIRequest

from huzheng.core import pagecache

# Kept answers remembered per process (the page cache keeps at most 2,000 pages).
MAX_RECORDS = 2000


class _Record:
    __slots__ = ("entry", "variants")

    def __init__(self, entry):
        self.entry = entry
        self.variants = {}  # (method, secure, not modified) -> (status, headers, body)


class KeptPages:
    """ASGI middleware in front of Django's application (huzheng/asgi.py)."""

    def __init__(self, app, max_records=MAX_RECORDS):
        self.app = app
        self.max_records = max_records
        self.records = OrderedDict()  # page-cache key -> _Record
        self.answered = 0  # requests answered here, for tests and curiosity

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        answer = await self._answer(scope)
        if answer is not None:
            status, headers, body = answer
            self.answered += 1
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        sent = _Sent(send, scope)
        await self.app(scope, receive, sent)
        replayed = scope.get(pagecache.REPLAYED)
        if replayed is not None:
            self._remember(scope, replayed, sent)

    async def _answer(self, scope):
        """(status, headers, body) of Django's answer to this request, or None."""
        if not self.records or not _without_body(scope):
            return None
        try:
            request = ASGIRequest(scope, io.BytesIO())
            if not pagecache.eligible(request):
                return None
            record = self.records.get(pagecache.key_for(request))
            if record is None:
                return None
            answer = record.variants.get(_variant(request, record.entry))
        except Exception:
            return None
        if answer is None or not await pagecache.afresh(record.entry):
            return None
        return answer

    def _remember(self, scope, replayed, sent):
        key, entry, _unchanged = replayed
        if not sent.noting or not sent.complete or sent.status not in (200, 304):
            return
        if any(name.lower() == b"set-cookie" for name, _value in sent.headers):
            return
        try:
            request = ASGIRequest(scope, io.BytesIO())
            variant = _variant(request, entry)
        except Exception:
            return
        record = self.records.get(key)
        # The same kept page (the pages cache hands out a copy on each read) keeps the
        # variants noted so far; a page built again starts a new record.
        if record is None or _built(record.entry) != _built(entry):
            record = _Record(entry)
            self.records[key] = record
            self.records.move_to_end(key)
            while len(self.records) > self.max_records:
                self.records.popitem(last=False)
        record.variants[variant] = (sent.status, list(sent.headers), b"".join(sent.body))


def _built(entry):
    return (entry["etag"], entry["modified"], entry["expires"])


def _variant(request, entry):
    return (request.method, request.is_secure(), pagecache.not_modified(request, entry))


def _without_body(scope):
    for name, value in scope.get("headers", ()):
        name = name.lower()
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0"):
            return False
    path, query = scope.get("path", ""), scope.get("query_string", b"")
    return "\x00" not in path and b"%00" not in query and b"\x00" not in query


class _Sent:
    """The `send` given to Django: passes each message on and notes the answer when it is
    a kept page's (the page cache marks the scope before the answer starts; an event
    stream, say, is never noted)."""

    __slots__ = ("body", "complete", "headers", "noting", "scope", "send", "status")

    def __init__(self, send, scope):
        self.send = send
        self.scope = scope
        self.noting = False
        self.status = None
        self.headers = ()
        self.body = []
        self.complete = False

    async def __call__(self, message):
        kind = message["type"]
        if kind == "http.response.start":
            self.noting = pagecache.REPLAYED in self.scope
            self.status = message["status"]
            self.headers = message.get("headers", ())
        elif kind == "http.response.body" and self.noting:
            self.body.append(message.get("body", b""))
            self.complete = not message.get("more_body", False)
        await self.send(message)
