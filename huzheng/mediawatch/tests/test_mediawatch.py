"""News monitoring: the demo feed is read, items carrying the office's words become hits
(folded: 台/臺, full-width), a hit is triaged to a published clarification, and a source
can never make the server read its own network."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from huzheng.core.roles import DIRECTOR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.mediawatch import services, tasks
from huzheng.mediawatch.models import Hit, HitStatus, Keyword, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


@pytest.fixture
def source(office):
    for word in ("湖西戶政", "ＩＤ", "台灣"):
        Keyword.objects.create(office=office, word=word)
    return Source.objects.create(office=office, name="示範", url="demo:penghu-news.xml")


def test_the_monitor_reads_the_demo_feed_as_a_task_and_keeps_hits_once(source):
    assert tasks.fetch_feeds.enqueue().return_value == 1
    hit = Hit.objects.get()
    assert hit.matched == ["湖西戶政"] and hit.link.endswith("penghu-huxi-saturday")
    assert hit.published_at is not None
    assert services.fetch_source(source) == 0
    source.refresh_from_db()
    assert source.last_fetched_at and not source.last_error


def test_matching_folds_variants_and_full_width(source):
    feed = (
        b"<rss version='2.0'><channel><title>t</title>"
        b"<item><title>\xe8\x87\xba\xe7\x81\xa3 id card</title>"  # 臺灣 id card
        b"<link>https://news.example.org/a</link></item></channel></rss>"
    )
    assert services.fetch_source(source, reader=lambda url: feed) == 1
    assert sorted(Hit.objects.get().matched) == sorted(["ＩＤ", "台灣"])


def test_a_hit_is_taken_to_a_published_clarification(source, office):
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    services.fetch_source(source)
    hit = Hit.objects.get()
    with pytest.raises(services.TriageError):
        services.triage(hit, HitStatus.CLARIFIED, user=director)
    services.triage(hit, HitStatus.RELEVANT, user=director)
    services.triage(hit, HitStatus.INACCURATE, user=director, note="週六仍有服務")
    root = Page.get_first_root_node()
    draft = root.add_child(instance=Page(title="澄清稿", slug="draft-clarification", live=False))
    with pytest.raises(services.TriageError):
        services.triage(hit, HitStatus.CLARIFIED, user=director, clarification=draft)
    page = root.add_child(instance=Page(title="澄清：本所週六仍有服務", slug="clarification"))
    services.triage(hit, HitStatus.CLARIFIED, user=director, clarification=page)
    services.triage(hit, HitStatus.CLOSED, user=director)
    hit.refresh_from_db()
    assert hit.status == HitStatus.CLOSED and hit.clarification == page
    assert hit.clarified_at >= hit.first_seen_at
    span = (timezone.localdate(hit.first_seen_at), timezone.localdate(hit.clarified_at))
    assert services.hours_to_clarify(office, *span) is not None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "http://localhost/",
        "http://[::1]/",
        "http://10.0.0.1/feed",
        "demo:../services.py",
        "demo:/etc/passwd",
        "gopher://example.org/",
        "",
    ],
)
def test_a_source_can_never_read_the_servers_own_network(url):
    with pytest.raises(services.FetchError):
        services.read_feed(url)


def test_a_broken_feed_is_recorded_on_the_source_and_stores_nothing(source):
    assert services.fetch_source(source, reader=lambda url: b"<html>not a feed") == 0
    big = b"<rss>" + b" " * (services.MAX_FEED_BYTES + 10)
    assert services.fetch_source(source, reader=lambda url: big) == 0
    source.refresh_from_db()
    assert source.last_error and not Hit.objects.exists()


FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>Huxi</title><link>https://news.example/1</link></item></channel></rss>"
)


class _Resolver:
    """A DNS that answers a public address first and a private one after (rebinding)."""

    def __init__(self, *answers):
        self.answers, self.asked = list(answers), 0

    def __call__(self, host, port, *args, **kwargs):
        address = self.answers[min(self.asked, len(self.answers) - 1)]
        self.asked += 1
        return [(2, 1, 6, "", (address, port))]


def _local_socket(server, timeout):
    import socket

    # Connected by number, without the (replaced) resolver.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(server.server_address)
    return sock


@pytest.fixture
def feed_server():
    """A local HTTP server standing in for the public feed host."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        hosts = []

        def do_GET(self):
            self.hosts.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, Handler.hosts
    server.shutdown()
    server.server_close()


def test_a_name_that_rebinds_to_a_private_address_is_read_from_the_public_one_checked(
    monkeypatch, feed_server
):
    server, hosts = feed_server
    resolver = _Resolver("93.184.216.34", "127.0.0.1")
    monkeypatch.setattr(services.socket, "getaddrinfo", resolver)
    connected = []

    def open_socket(address, port, timeout):
        connected.append(address)
        # The public host is played by the local server; the address asked for is kept.
        return _local_socket(server, timeout)

    monkeypatch.setattr(services, "_open_socket", open_socket)
    assert services.read_feed("http://feeds.example/rss") == FEED
    assert resolver.asked == 1
    assert connected == ["93.184.216.34"]
    assert hosts == ["feeds.example"]


@pytest.mark.parametrize(
    "answers",
    [("127.0.0.1",), ("10.1.2.3",), ("169.254.169.254",), ("::1",), ("fe80::1",)],
)
def test_a_name_that_answers_a_private_loopback_or_link_local_address_is_never_connected(
    monkeypatch, answers
):
    monkeypatch.setattr(services.socket, "getaddrinfo", _Resolver(*answers))
    monkeypatch.setattr(services, "_open_socket", lambda *a: pytest.fail("connected"))
    with pytest.raises(services.FetchError):
        services.read_feed("https://feeds.example/rss")


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch):
    def resolver(host, port, *args, **kwargs):
        return [(2, 1, 6, "", ("93.184.216.34", port)), (2, 1, 6, "", ("192.168.1.5", port))]

    monkeypatch.setattr(services.socket, "getaddrinfo", resolver)
    monkeypatch.setattr(services, "_open_socket", lambda *a: pytest.fail("connected"))
    with pytest.raises(services.FetchError):
        services.read_feed("http://feeds.example/rss")


def test_a_redirect_is_not_followed(monkeypatch, feed_server):
    server, _hosts = feed_server
    server.RequestHandlerClass.do_GET = lambda self: (
        self.send_response(302),
        self.send_header("Location", "http://127.0.0.1/"),
        self.end_headers(),
    )
    monkeypatch.setattr(services.socket, "getaddrinfo", _Resolver("93.184.216.34"))
    monkeypatch.setattr(
        services, "_open_socket", lambda address, port, timeout: _local_socket(server, timeout)
    )
    with pytest.raises(services.FetchError, match="redirects"):
        services.read_feed("http://feeds.example/rss")
