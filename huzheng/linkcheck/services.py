"""Check every link on the live public pages (連結檢查) and keep the last result of each.

Each page is rendered through Django's test client against its site's host name, so the
links are the ones a visitor sees (templates, rich text and StreamField alike); only the
links inside <main> count, since the header and footer come from the page tree itself.

Every distinct address is checked once per run. Links to this platform's own sites are
checked through the test client, never the network. Other addresses are asked with HEAD,
then GET when HEAD is refused, following at most LINKCHECK_MAX_REDIRECTS redirects within
LINKCHECK_TIMEOUT seconds, a few at a time in threads. A failed name lookup or a refused
connection is recorded as unreachable; nothing a remote site does can end a run. A run
stops at LINKCHECK_MAX_URLS addresses or after LINKCHECK_DEADLINE seconds and says so.
"""

import hashlib
import http.client
import re
import ssl
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, urldefrag, urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from huzheng.linkcheck.models import CheckedLink, LinkCheckRun

USER_AGENT = "Huzheng-LinkCheck/1.0 (household registration office site)"
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "sms", "fax", "callto", "ftp"}
MAX_URL_LENGTH = 2000
_SCHEME = re.compile(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def setting(name, default):
    return getattr(settings, f"HUZHENG_LINKCHECK_{name}", default)


@dataclass(frozen=True)
class Result:
    problem: str = CheckedLink.Problem.NONE
    status_code: int | None = None
    final_url: str = ""


def check_links(*, timeout=None, max_redirects=None, max_urls=None, deadline=None, workers=None):
    """Check the links of every live public page; return the finished LinkCheckRun."""
    timeout = float(timeout if timeout is not None else setting("TIMEOUT", 5))
    max_redirects = int(max_redirects if max_redirects is not None else setting("MAX_REDIRECTS", 5))
    max_urls = int(max_urls if max_urls is not None else setting("MAX_URLS", 2000))
    deadline_at = time.monotonic() + float(
        deadline if deadline is not None else setting("DEADLINE", 900)
    )
    workers = int(workers if workers is not None else setting("WORKERS", 4))

    run = LinkCheckRun.objects.create()
    try:
        return _run(run, timeout, max_redirects, max_urls, deadline_at, workers)
    except Exception as exc:
        run.status = LinkCheckRun.Status.FAILED
        run.note = f"{type(exc).__name__}: {exc}"[:5000]
        run.finished_at = timezone.now()
        run.save()
        raise


def broken_links():
    """The links whose last check found a problem, with their pages."""
    return (
        CheckedLink.objects.exclude(problem=CheckedLink.Problem.NONE)
        .select_related("page")
        .order_by("page__title", "url")
    )


def _run(run, timeout, max_redirects, max_urls, deadline_at, workers):
    notes = []
    client = Client(raise_request_exception=False)
    internal_hosts = {site.hostname.lower() for site in Site.objects.all()}

    # 1. Render every page and gather its links.
    links_by_page = {}
    live_ids = []
    stopped = False
    for page in _public_pages():
        live_ids.append(page.pk)
        if time.monotonic() > deadline_at:
            stopped = True
            continue
        url = page.get_full_url()
        if not url:
            continue
        html, status = _render(client, url)
        if html is None:
            notes.append(f"{url}: {status}")
            continue
        links_by_page[page.pk] = _links_in(html, url)
        run.pages_checked += 1

    # 2. Check each distinct address once, up to the limit.
    distinct = list(dict.fromkeys(u for urls in links_by_page.values() for u in urls))
    run.links_found = sum(len(urls) for urls in links_by_page.values())
    if len(distinct) > max_urls:
        notes.append(f"{len(distinct) - max_urls} addresses left for the next run (limit).")
        distinct, stopped = distinct[:max_urls], True
    results = {}
    external = []
    for url in distinct:
        if len(url) > MAX_URL_LENGTH:
            results[url] = Result(CheckedLink.Problem.INVALID)
        elif _host(url) in internal_hosts:
            if time.monotonic() > deadline_at:
                stopped = True
                continue
            results[url] = _check_internal(
                client, url, internal_hosts, timeout, max_redirects, deadline_at
            )
        else:
            external.append(url)
    finished, late = _check_external_all(external, timeout, max_redirects, deadline_at, workers)
    results.update(finished)
    if late:
        stopped = True
        notes.append(f"{late} addresses not checked before the deadline.")

    # 3. Keep the results.
    _store(run, links_by_page, results, live_ids, internal_hosts)
    run.urls_checked = len(results)
    run.broken = CheckedLink.objects.filter(run=run).exclude(problem="").count()
    run.status = LinkCheckRun.Status.PARTIAL if stopped else LinkCheckRun.Status.DONE
    run.note = "\n".join(notes)[:5000]
    run.finished_at = timezone.now()
    run.save()
    return run


def _public_pages():
    return Page.objects.live().public().filter(depth__gt=1).order_by("path")


def _render(client, url):
    """The page's HTML as a visitor gets it, or (None, why not)."""
    parts = urlsplit(url)
    try:
        response = client.get(parts.path or "/", HTTP_HOST=parts.netloc, secure=True)
    except Exception as exc:  # a broken page must not stop the run
        return None, type(exc).__name__
    if response.streaming:
        _drain(response)
        return None, response.status_code
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return None, response.status_code
    return response.content.decode(response.charset or "utf-8", "replace"), 200


def _drain(response):
    """Read a streamed answer (a document, say) to its end: the test client closes it
    then, without the request_finished signal closing our database connection."""
    if response.streaming:
        for _chunk in response.streaming_content:
            pass


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.saw_main = False
        self.main_links, self.all_links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
            self.saw_main = True
        elif tag in ("a", "area"):
            href = dict(attrs).get("href")
            if href is not None:
                self.all_links.append(href)
                if self.in_main:
                    self.main_links.append(href)

    def handle_endtag(self, tag):
        if tag == "main" and self.in_main:
            self.in_main -= 1


def _links_in(html, base_url):
    """The distinct absolute addresses linked from the page's main content, in order."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    found = []
    for href in parser.main_links if parser.saw_main else parser.all_links:
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        scheme = _SCHEME.match(href)
        if scheme and scheme.group(1).lower() in SKIPPED_SCHEMES:
            continue
        try:
            absolute = urldefrag(urljoin(base_url, href)).url
        except ValueError:  # a malformed address, say an unclosed IPv6 bracket
            absolute = href
        found.append(absolute)  # any other scheme is recorded as not a web address
    return list(dict.fromkeys(found))


def _is_web_address(url):
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _host(url):
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _check_internal(client, url, internal_hosts, timeout, max_redirects, deadline_at):
    """Follow the address through Django itself while it stays on our sites."""
    current = url
    for _hop in range(max_redirects + 1):
        try:
            parts = urlsplit(current)
            host = (parts.hostname or "").lower()
        except ValueError:
            parts, host = None, ""
        if parts is None or parts.scheme not in ("http", "https"):
            return Result(CheckedLink.Problem.INVALID, None, current[:MAX_URL_LENGTH])
        if host not in internal_hosts:
            remaining = min(timeout, max(deadline_at - time.monotonic(), 0.1))
            return _check_external(current, remaining, max_redirects)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            response = client.get(path, HTTP_HOST=parts.netloc, secure=True)
        except Exception:
            return Result(CheckedLink.Problem.HTTP_ERROR, 500, current)
        _drain(response)
        status = response.status_code
        location = response.get("Location")
        if 300 <= status < 400 and location:
            current = urldefrag(urljoin(current, location)).url
            continue
        if status >= 400:
            return Result(CheckedLink.Problem.HTTP_ERROR, status, current)
        return Result(CheckedLink.Problem.NONE, status, current)
    return Result(CheckedLink.Problem.TOO_MANY_REDIRECTS, None, current)


def _check_external_all(urls, timeout, max_redirects, deadline_at, workers):
    """Check addresses a few at a time; return (results, how many the deadline cut off)."""
    results = {}
    if not urls:
        return results, 0
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="linkcheck")
    futures = {pool.submit(_check_external, url, timeout, max_redirects): url for url in urls}
    try:
        for future in as_completed(futures, timeout=max(deadline_at - time.monotonic(), 0)):
            results[futures[future]] = future.result()
    except FuturesTimeout:
        pass
    finally:
        # A name lookup has no timeout of its own; never wait for one.
        pool.shutdown(wait=False, cancel_futures=True)
    return results, len(urls) - len(results)


def _check_external(url, timeout, max_redirects):
    """HEAD (then GET if refused) with redirects followed, all within `timeout` seconds."""
    give_up_at = time.monotonic() + timeout
    current, method, redirects = url, "HEAD", 0
    if not _is_web_address(url):
        return Result(CheckedLink.Problem.INVALID, None, "")
    while True:
        remaining = give_up_at - time.monotonic()
        if remaining <= 0:
            return Result(CheckedLink.Problem.TIMEOUT, None, current)
        try:
            status, location = _ask(method, current, remaining)
        except TimeoutError:
            return Result(CheckedLink.Problem.TIMEOUT, None, current)
        except (ValueError, http.client.InvalidURL):
            return Result(CheckedLink.Problem.INVALID, None, current)
        except (OSError, ssl.SSLError, http.client.HTTPException):
            return Result(CheckedLink.Problem.UNREACHABLE, None, current)
        if 300 <= status < 400 and location:
            redirects += 1
            if redirects > max_redirects:
                return Result(CheckedLink.Problem.TOO_MANY_REDIRECTS, status, current)
            try:
                current = urldefrag(urljoin(current, location)).url
            except ValueError:
                current = location
            if not _is_web_address(current):
                return Result(CheckedLink.Problem.INVALID, None, current[:MAX_URL_LENGTH])
            continue
        if status >= 400 and method == "HEAD":
            method = "GET"  # many servers refuse or mishandle HEAD
            continue
        if status >= 400:
            return Result(CheckedLink.Problem.HTTP_ERROR, status, current)
        return Result(CheckedLink.Problem.NONE, status, current)


def _ask(method, url, timeout):
    """One request; the status and Location header, the body left unread."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=~-._?")
    try:
        connection.request(method, target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


@transaction.atomic
def _store(run, links_by_page, results, live_ids, internal_hosts):
    now = timezone.now()
    # Pages gone from the public site take their results with them.
    CheckedLink.objects.exclude(page_id__in=live_ids).delete()
    for page_id, urls in links_by_page.items():
        hashes = {_hash(u): u for u in urls}
        CheckedLink.objects.filter(page_id=page_id).exclude(url_hash__in=hashes).delete()
        for digest, url in hashes.items():
            result = results.get(url)
            if result is None:
                continue  # not reached this run: the last result stands
            CheckedLink.objects.update_or_create(
                page_id=page_id,
                url_hash=digest,
                defaults={
                    "url": url[:MAX_URL_LENGTH],
                    "is_internal": _host(url) in internal_hosts,
                    "status_code": result.status_code,
                    "problem": result.problem,
                    "final_url": (result.final_url or "")[:MAX_URL_LENGTH],
                    "checked_at": now,
                    "run": run,
                },
            )


def _hash(url):
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
