"""News monitoring (輿情監看): read the office's public feeds, keep the items that carry
its words as hits, and take each hit through triage to a published clarification.

Feeds are read with feedparser from bytes we fetched ourselves, bounded in time and size,
from public addresses only (no redirects, no private or local networks), so a source
cannot make the server read its own network. The host name is resolved once and the
connection goes to the address that was checked, so a name that answers a public address
to the check and a private one to the connection (DNS rebinding) reads nothing private.
Matching folds both sides with the platform's Chinese text folding (台/臺, full-width,
case)."""

import datetime as dt
import http.client
import ipaddress
import socket
import ssl
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.text import clean_line, clean_text, fold, plain_text
from huzheng.mediawatch.models import Hit, HitStatus, Keyword, Source

MAX_FEED_BYTES = 1024 * 1024
FETCH_SECONDS = 10
MAX_ITEMS = 200
# The demo ships its feed as a file: "demo:<name>" reads huzheng/mediawatch/demo/<name>.
DEMO_SCHEME = "demo:"
DEMO_DIR = Path(__file__).resolve().parent / "demo"

# Which triage step may follow which.
NEXT_STEPS = {
    HitStatus.NEW: {HitStatus.NOT_RELEVANT, HitStatus.RELEVANT},
    HitStatus.RELEVANT: {HitStatus.INACCURATE, HitStatus.CLOSED},
    HitStatus.INACCURATE: {HitStatus.CLARIFIED},
    HitStatus.CLARIFIED: {HitStatus.CLOSED},
    HitStatus.NOT_RELEVANT: set(),
    HitStatus.CLOSED: set(),
}


class FetchError(Exception):
    """A feed could not be read; the message says why, for the source's last error."""


class TriageError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def fetch_all():
    """Read every active source; returns the number of new hits."""
    return sum(fetch_source(source) for source in Source.objects.filter(is_active=True))


def fetch_source(source, *, reader=None):
    """Read one source and store its new hits; a failure is kept on the source."""
    try:
        data = (reader or read_feed)(source.url)
        entries = _entries(data)
    except FetchError as exc:
        Source.objects.filter(pk=source.pk).update(
            last_fetched_at=timezone.now(), last_error=str(exc)[:300]
        )
        return 0
    words = [
        (w, fold(w))
        for w in Keyword.objects.filter(office=source.office_id).values_list("word", flat=True)
    ]
    now = timezone.now()
    created = 0
    for entry in entries:
        text = fold(f"{entry['title']} {entry['summary']}")
        matched = [word for word, folded in words if folded and folded in text]
        if not matched or not entry["link"]:
            continue
        try:
            with transaction.atomic():
                _hit, made = Hit.objects.get_or_create(
                    office_id=source.office_id,
                    link=entry["link"],
                    defaults={
                        "source": source,
                        "title": entry["title"],
                        "published_at": entry["published_at"],
                        "first_seen_at": now,
                        "matched": matched,
                    },
                )
        except IntegrityError:  # another fetch stored it first
            made = False
        created += made
    Source.objects.filter(pk=source.pk).update(last_fetched_at=now, last_error="")
    return created


def read_feed(url):
    """The bytes of a public feed, at most MAX_FEED_BYTES in at most FETCH_SECONDS."""
    url = str(url or "").strip()
    if url.startswith(DEMO_SCHEME):
        path = (DEMO_DIR / url[len(DEMO_SCHEME) :]).resolve()
        if path.parent != DEMO_DIR or not path.is_file():
            raise FetchError("no such demo feed")
        return path.read_bytes()[: MAX_FEED_BYTES + 1]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("only http and https addresses are read")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("the address has a bad port") from None
    address = _public_address(parts.hostname, port)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    deadline = time.monotonic() + FETCH_SECONDS
    connection = _pinned_connection(parts.scheme, parts.hostname, port, address)
    try:
        connection.request("GET", path, headers={"User-Agent": "Huzheng news monitor"})
        response = connection.getresponse()
        if 300 <= response.status < 400:
            raise FetchError("the feed redirects; enter the final address")
        if response.status != 200:
            raise FetchError(f"the feed answered {response.status}")
        chunks, size = [], 0
        while size <= MAX_FEED_BYTES:
            if time.monotonic() > deadline:
                raise FetchError("the feed took too long")
            chunk = response.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"could not read the feed: {exc}") from None
    finally:
        connection.close()
    if size > MAX_FEED_BYTES:
        raise FetchError("the feed is larger than 1 MB")
    return b"".join(chunks)


def triage(hit, status, *, user=None, note="", clarification=None):
    """Move a hit one triage step; a clarification needs a live page that corrects it."""
    with transaction.atomic():
        hit = Hit.objects.select_for_update().get(pk=hit.pk)
        if status not in NEXT_STEPS.get(hit.status, set()):
            raise TriageError(_("This step cannot follow the hit's current status."))
        if status == HitStatus.CLARIFIED:
            if clarification is None or not clarification.live:
                raise TriageError(_("Choose the published news item that clarifies the report."))
            hit.clarification = clarification
            hit.clarified_at = timezone.now()
        hit.status = status
        text = clean_text(note)[:2000]
        if text:
            hit.note = (hit.note + "\n" + text).strip()
        hit.save()
        record_audit(user, AuditEntry.Action.UPDATE, hit, fields=["status"])
    return hit


def hours_to_clarify(office, first, last):
    """Mean hours from first seen to clarification of hits clarified in the span."""
    rows = Hit.objects.filter(
        office=office,
        clarified_at__date__range=(first, last),
    ).values_list("first_seen_at", "clarified_at")
    spans = [(c - f).total_seconds() / 3600 for f, c in rows]
    return round(sum(spans) / len(spans), 1) if spans else None


# --- helpers ------------------------------------------------------------------------------


def _entries(data):
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        raise FetchError("the feed is larger than 1 MB")
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FetchError("not an RSS or Atom feed")
    entries = []
    for item in parsed.entries[:MAX_ITEMS]:
        link = clean_line(item.get("link", ""), 500)
        if not link.startswith(("http://", "https://")):
            link = ""
        published = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            {
                "title": clean_line(item.get("title", ""), 300),
                "summary": clean_line(plain_text(item.get("summary", "")), 2000),
                "link": link,
                "published_at": (dt.datetime(*published[:6], tzinfo=dt.UTC) if published else None),
            }
        )
    return entries


def _public_address(host, port):
    """Resolve the host once; every address it gives must be public. Returns the address
    the connection will use, so nothing is looked up a second time."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchError("the address cannot be found") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError("the address cannot be found")
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise FetchError("only public addresses are read")
    return addresses[0]


def _open_socket(address, port, timeout):
    """A TCP connection to the checked address (the tests replace it to watch where the
    fetcher connects)."""
    return socket.create_connection((address, port), timeout=timeout)


def _pinned_connection(scheme, host, port, address):
    if scheme == "https":
        return _PinnedHTTPSConnection(host, port, address=address, timeout=FETCH_SECONDS)
    return _PinnedHTTPConnection(host, port, address=address, timeout=FETCH_SECONDS)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the address checked, with the host name only in the Host header."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.pinned_address = address

    def connect(self):
        self.sock = _open_socket(self.pinned_address, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the address checked; the certificate is still verified for the host name."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.pinned_address = address

    def connect(self):
        sock = _open_socket(self.pinned_address, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
