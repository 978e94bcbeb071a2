"""Whole responses for anonymous visitors, served from the cache (頁面快取).

A public page is the same for every visitor who is not signed in: the home page, a
service guide, a fee table, a news item, the queue status JSON. `PageCacheMiddleware`,
early in the middleware chain, keeps such responses and serves them again without
running a view, a template or a query.

What may be kept is opted in: views decorated with `public_page(...)`, and every Wagtail
page (the site app's `before_serve_page` hook). A response is stored only when it is a
plain 200 to a GET by a visitor with no session or messages cookie, sets no cookie,
used no CSRF token and says nothing private; signed-in staff, forms and personal answers
therefore never are.

Each response notes what it was built from, with `depends_on(name, *args)` called
**before** the data is read: the site's pages and chrome ("site"), the catalog, the
marquee, one office's queue (`("channel", "queue:huxi")`) … Each name has a version
(`Generation`, in the shared cache) that the writes bump when their transaction
commits, so a kept response is served only while every version it was built from is
still current: an edit shows at once, on every app server. What changes with the clock
(the office opening or closing) limits a response's life with `valid_until(moment)`.

The key is the host, the full path and the language (the cookie, or Accept-Language
under /api/), so a response in one language is never served in the other; responses say
`Vary: Cookie` and carry an ETag, so a conditional request is answered 304 and a proxy
in front may revalidate."""

import hashlib
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from huzheng.core.cache import Generation

# Longest life of a kept response: bounds what only the clock changes without an event
# (a news item past its expiry date leaves the home page within this time).
MAX_AGE = 60
# Paths never kept, whatever a view says.
_NEVER = ("/admin/", "/django-admin/", "/i18n/", "/language/", "/healthz", "/documents/")
_MAX_PATH = 1000
_HEADERS_KEPT = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "Link",
    "X-Robots-Tag",
    "Cache-Control",
    "Content-Disposition",
    "X-Frame-Options",
)

# The ASGI scope's mark of a request answered with a kept page (see `_replay`).
REPLAYED = "huzheng.kept_page"

_recording = ContextVar("huzheng_page_recording", default=None)

# Rebuilds of stale kept pages, one at a time per page (locks shared by hash: pages that
# share one rarely go stale at the same moment). A request waits at most REBUILD_WAIT
# seconds for another's rebuild, then builds the page itself.
_REBUILDING = [threading.Lock() for _ in range(64)]
REBUILD_WAIT = 5.0


@dataclass
class _Recording:
    cacheable: bool = False
    versions: dict = field(default_factory=dict)  # (name, args) -> version when read
    expires: float = 0.0
    replays: list = field(default_factory=list)  # (dotted function, args)


def public_page(*dependencies):
    """Mark a view's anonymous GET responses as kept in the page cache, built from the
    given dependencies (names, or (name, arg) pairs). `depends_on` inside the view adds
    more, for example one office's queue."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            mark_public()
            for dependency in dependencies:
                depends_on(*((dependency,) if isinstance(dependency, str) else dependency))
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def mark_public():
    """The response being built may be kept for anonymous visitors."""
    recording = _recording.get()
    if recording is not None:
        recording.cacheable = True


def depends_on(name, *args):
    """The response being built reads data of `name` (and `args`): call it before the
    data is read, so that a write committing meanwhile makes the kept copy stale."""
    recording = _recording.get()
    if recording is not None and (name, args) not in recording.versions:
        recording.versions[(name, args)] = version(name, *args)


def valid_until(moment):
    """The response being built is right only until `moment` (an aware datetime)."""
    recording = _recording.get()
    if recording is not None and moment is not None:
        recording.expires = min(recording.expires, moment.timestamp())


def on_replay(function, *args):
    """Call `function(*args)` again each time the kept response is served without the
    view: what a view counts (a search, say) is still counted. `function` must be a
    module-level function; `args` plain values."""
    recording = _recording.get()
    if recording is not None:
        recording.replays.append((f"{function.__module__}.{function.__qualname__}", args))


def version(name, *args):
    """The current version of a dependency."""
    return Generation(_generation_name(name, args)).current()


def changed(name, *args):
    """Data of `name` changed: responses built from it are stale once the current
    transaction commits. Called by the writes (signals, services, the broadcaster)."""
    Generation(_generation_name(name, args)).bump()


def invalidate_on(name, *models):
    """Saving or deleting a row of any of these models makes responses built from
    `name` stale (for writes made with the ORM; a bulk write calls `changed` itself)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def stale(**kwargs):
        changed(name)

    for model in models:
        uid = f"page-cache:{name}:{model._meta.label}"
        post_save.connect(stale, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(stale, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            m2m_changed.connect(stale, sender=through, weak=False, dispatch_uid=f"{uid}:{through}")


class PageCacheMiddleware:
    """Serve kept anonymous responses; keep the ones views marked public."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        key = key_for(request)
        entry = caches["pages"].get(key)
        if entry is None:
            return self._build(request, key)
        if fresh(entry):
            return _replay(entry, request, key)
        # A kept page gone stale (an edit, or its time is up): one request of this process
        # builds it again while the others wait and are answered from the new copy. Without
        # this, every visitor arriving meanwhile built it too: under load, sixteen
        # concurrent builds of one page held a worker for seconds.
        lock = _REBUILDING[hash(key) % len(_REBUILDING)]
        if not lock.acquire(timeout=REBUILD_WAIT):
            return self._build(request, key, stale=True)
        try:
            entry = caches["pages"].get(key)
            if entry is not None and fresh(entry):
                return _replay(entry, request, key)
            return self._build(request, key, stale=True)
        finally:
            lock.release()

    def _build(self, request, key, stale=False):
        recording = _Recording(expires=time.time() + MAX_AGE)
        token = _recording.set(recording)
        try:
            response = self.get_response(request)
        finally:
            _recording.reset(token)
        if recording.cacheable and _storable(request, response):
            entry = _entry(response, recording)
            # Kept past its end for a while, so that the next visitor finds it stale and
            # the rebuild is shared (above) rather than every visitor's.
            timeout = max(1, int(entry["expires"] - time.time())) + MAX_AGE
            caches["pages"].set(key, entry, timeout)
            _describe(response, entry)
        elif stale:  # no longer kept (unpublished, say): no more waiting for it
            caches["pages"].delete(key)
        return response


# --- helpers ------------------------------------------------------------------------------


def _generation_name(name, args):
    return "page:" + ":".join([name, *map(str, args)])


# What decides whether a request may be answered with a kept page. The middleware above
# and the ASGI layer in front of Django (core.keptpages) both ask these, and only these.


def eligible(request):
    """May this request be answered from (and its answer kept in) the page cache: a GET
    or HEAD by a visitor without a session or messages cookie (so never signed-in staff),
    on a path that is not the back office's or a personal one."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    path = request.path
    return len(request.get_full_path()) <= _MAX_PATH and not path.startswith(_NEVER)


def key_for(request):
    """The kept page's key: host, full path and language."""
    from huzheng.core.middleware import language_for

    raw = "\n".join([request._get_raw_host()[:200], request.get_full_path(), language_for(request)])
    return "page-cache:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def fresh(entry):
    """Is the kept page still right: its time is not up and every version it was built
    from is current."""
    if entry["expires"] <= time.time():
        return False
    return _built_from_current(entry, Generation.current_many(_version_names(entry)))


async def afresh(entry):
    """`fresh` without blocking on the network: True, False, or None when it cannot be
    told so (Redis unreachable, versions in the database)."""
    if entry["expires"] <= time.time():
        return False
    current = await Generation.acurrent_many(_version_names(entry))
    if current is None:
        return None
    return _built_from_current(entry, current)


def not_modified(request, entry):
    """Does the visitor already hold this kept page (a conditional request, answered 304)."""
    return request.headers.get("If-None-Match") == entry["etag"]


def _version_names(entry):
    return [_generation_name(name, args) for name, args in entry["versions"]]


def _built_from_current(entry, current):
    return all(
        current.get(_generation_name(name, args)) == value
        for (name, args), value in entry["versions"].items()
    )


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control


def _entry(response, recording):
    content = response.content
    return {
        "content": content,
        "headers": {h: response[h] for h in _HEADERS_KEPT if h in response},
        "etag": '"' + hashlib.sha256(content).hexdigest()[:32] + '"',
        "modified": time.time(),
        "versions": recording.versions,
        "expires": recording.expires,
        "replays": recording.replays,
    }


def _describe(response, entry):
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    if "public" not in entry["headers"].get("Cache-Control", ""):
        # Proxies may keep it but must ask again each time; the answer is a cheap 304.
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
    patch_vary_headers(response, ["Cookie"])


def _replay(entry, request, key):
    from django.http import HttpResponse, HttpResponseNotModified
    from django.utils.module_loading import import_string

    for function, args in entry["replays"]:
        import_string(function)(*args)

    unchanged = not_modified(request, entry)
    if unchanged:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry["content"], headers=entry["headers"])
        # What CommonMiddleware, inside, gives a rendered response: no chunked encoding.
        response.headers["Content-Length"] = str(len(entry["content"]))
    _describe(response, entry)
    scope = getattr(request, "scope", None)
    if scope is not None and not entry["replays"]:
        # Under ASGI: tell the layer in front of Django (core.keptpages) that this answer,
        # as the middleware outside this one finish it, is the kept page's, so it may
        # send the same bytes itself next time. Not when the replay must run code.
        scope[REPLAYED] = (key, entry, unchanged)
    return response
