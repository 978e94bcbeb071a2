"""Link checking (連結檢查) against a real HTTP server started here on 127.0.0.1: a link
that works, one that is gone, a server error, a server too slow, redirects within the
limit and beyond it, a closed port, and links to pages of our own site."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from huzheng.linkcheck import services
from huzheng.linkcheck.models import CheckedLink, LinkCheckRun
from huzheng.site.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5
SLOW = 3  # seconds the slow path waits: far beyond TIMEOUT


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _answer(self, body):
        path = self.path
        if path == "/ok":
            self._send(200, body)
        elif path == "/missing":
            self._send(404, body)
        elif path == "/broken":
            self._send(500, body)
        elif path == "/slow":
            time.sleep(SLOW)
            self._send(200, body)
        elif path == "/no-head":
            self._send(405 if not body else 200, body)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            if left == 0:
                self._send(200, body)
            else:
                self._send(302, body, location=f"/hop/{left - 1}")
        elif path == "/loop":
            self._send(301, body, location="/loop")
        else:
            self._send(404, body)

    def _send(self, status, body, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        payload = b"<p>test</p>"
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(payload)
            except OSError:  # the checker stopped listening, as it may
                pass

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """The demo pages link to real government sites; tests never reach them."""
    real_ask = services._ask

    def local_only(method, url, timeout):
        if urlsplit(url).hostname != "127.0.0.1":
            raise OSError("the tests do not use the internet")
        return real_ask(method, url, timeout)

    monkeypatch.setattr(services, "_ask", local_only)


@pytest.fixture
def remote():
    """A local web server for the test, shut down after it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def _links_page(hrefs, slug="links"):
    home = HomePage.objects.get()
    paragraph = "".join(f'<p><a href="{href}">連結{i}</a></p>' for i, href in enumerate(hrefs))
    page = home.add_child(
        instance=ContentPage(
            title="連結測試頁",
            slug=slug,
            body=[{"type": "paragraph", "value": paragraph}],
        )
    )
    page.save_revision().publish()
    return page


def _results(page):
    return {link.url: link for link in CheckedLink.objects.filter(page=page)}


def test_each_kind_of_link_gets_its_result(demo_data, remote, closed_port):
    page = _links_page(
        [
            f"{remote}/ok",
            f"{remote}/missing",
            f"{remote}/broken",
            f"{remote}/slow",
            f"{remote}/no-head",
            f"{remote}/hop/3",
            f"{remote}/loop",
            closed_port,
            "/about/",
            "/no-such-page/",
            "mailto:huxi@example.gov.tw",
            "tel:069921145",
            "javascript:void(0)",
            "#top",
        ]
    )
    started = time.monotonic()
    run = services.check_links(timeout=TIMEOUT, max_redirects=5)
    elapsed = time.monotonic() - started
    results = _results(page)
    problem = {url: link.problem for url, link in results.items()}

    assert problem[f"{remote}/ok"] == ""
    assert results[f"{remote}/ok"].status_code == 200
    assert problem[f"{remote}/missing"] == "http"
    assert results[f"{remote}/missing"].status_code == 404
    assert problem[f"{remote}/broken"] == "http"
    assert results[f"{remote}/broken"].status_code == 500
    assert problem[f"{remote}/slow"] == "timeout"
    assert problem[f"{remote}/no-head"] == ""  # HEAD refused, GET answered
    assert problem[f"{remote}/hop/3"] == ""
    assert results[f"{remote}/hop/3"].final_url == f"{remote}/hop/0"
    assert problem[f"{remote}/loop"] == "redirects"
    assert problem[closed_port] == "unreachable"
    assert problem["http://localhost/about/"] == ""
    assert results["http://localhost/about/"].is_internal
    assert problem["http://localhost/no-such-page/"] == "http"
    assert results["http://localhost/no-such-page/"].status_code == 404
    # Other kinds of links and the page's own anchors are not links to check.
    assert not any(url.startswith(("mailto:", "tel:", "javascript:")) for url in results)
    assert len(results) == 10

    assert run.status == LinkCheckRun.Status.DONE
    assert run.broken >= 6
    assert run.finished_at is not None
    assert elapsed < SLOW + 30  # never waited on the slow server beyond its timeout


def test_an_internal_link_is_checked_without_the_network(demo_data, monkeypatch):
    page = _links_page(["/about/", "/no-such-page/"])

    asked = []
    real_ask = services._ask
    monkeypatch.setattr(
        services, "_ask", lambda m, url, t: asked.append(url) or real_ask(m, url, t)
    )
    services.check_links(timeout=TIMEOUT)
    problem = {url: link.problem for url, link in _results(page).items()}
    assert problem == {"http://localhost/about/": "", "http://localhost/no-such-page/": "http"}
    assert not [url for url in asked if "localhost" in url]


def test_a_name_that_does_not_resolve_is_unreachable_not_a_crash(demo_data, monkeypatch):
    page = _links_page(["http://no-such-host.invalid/page"])

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    services.check_links(timeout=TIMEOUT)
    assert _results(page)["http://no-such-host.invalid/page"].problem == "unreachable"


def test_each_address_is_checked_once_per_run(demo_data, remote, monkeypatch):
    first = _links_page([f"{remote}/ok"], slug="first")
    second = _links_page([f"{remote}/ok"], slug="second")
    asked = []
    real_ask = services._ask
    monkeypatch.setattr(
        services,
        "_ask",
        lambda method, url, timeout: asked.append(url) or real_ask(method, url, timeout),
    )
    services.check_links(timeout=TIMEOUT)
    assert [url for url in asked if url.startswith(remote)] == [f"{remote}/ok"]
    assert _results(first)[f"{remote}/ok"].problem == ""
    assert _results(second)[f"{remote}/ok"].problem == ""


def test_a_run_stops_at_its_link_limit_and_says_so(demo_data, remote):
    _links_page([f"{remote}/hop/{n}" for n in range(5)])
    run = services.check_links(timeout=TIMEOUT, max_urls=2)
    assert run.status == LinkCheckRun.Status.PARTIAL
    assert run.urls_checked == 2
    assert "limit" in run.note


def test_a_run_stops_at_its_deadline(demo_data, remote):
    _links_page([f"{remote}/slow"])
    started = time.monotonic()
    run = services.check_links(timeout=10, deadline=0)
    assert time.monotonic() - started < SLOW
    assert run.status == LinkCheckRun.Status.PARTIAL


def test_a_link_removed_from_a_page_loses_its_result(demo_data, remote):
    page = _links_page([f"{remote}/missing"])
    services.check_links(timeout=TIMEOUT)
    assert f"{remote}/missing" in _results(page)
    page.body = [{"type": "paragraph", "value": f'<p><a href="{remote}/ok">好了</a></p>'}]
    page.save_revision().publish()
    services.check_links(timeout=TIMEOUT)
    assert set(_results(page)) == {f"{remote}/ok"}


def test_an_unpublished_page_loses_its_results(demo_data, remote):
    page = _links_page([f"{remote}/missing"])
    services.check_links(timeout=TIMEOUT)
    page.unpublish()
    services.check_links(timeout=TIMEOUT)
    assert not CheckedLink.objects.filter(page=page).exists()


def test_the_command_and_the_task_run_the_same_check(demo_data, remote, settings):
    from io import StringIO

    from huzheng.linkcheck.tasks import check_links

    page = _links_page([f"{remote}/missing"])
    out = StringIO()
    call_command("check_links", "--timeout", str(TIMEOUT), stdout=out)
    assert "broken" in out.getvalue()
    assert _results(page)[f"{remote}/missing"].problem == "http"

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = check_links.enqueue()
    assert result.return_value["broken"] >= 1
    assert LinkCheckRun.objects.count() == 2


def test_hostile_hrefs_are_recorded_not_crashed_on(demo_data):
    page = _links_page(
        [
            "http://[::1",  # unclosed IPv6 bracket
            "htp://typo.example/",
            "http://" + "a" * 2100 + ".example/",
            "/search/?q=%27%3B%20DROP%20TABLE",
        ]
    )
    run = services.check_links(timeout=TIMEOUT)
    results = _results(page)
    assert run.status == LinkCheckRun.Status.DONE
    assert results["htp://typo.example/"].problem == "invalid"
    assert any(link.problem == "invalid" for link in results.values() if len(link.url) >= 2000)
    assert len(results) == 4


def test_a_run_that_fails_says_so(demo_data, monkeypatch):
    def broken_store(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_store", broken_store)
    with pytest.raises(RuntimeError):
        services.check_links(timeout=TIMEOUT)
    run = LinkCheckRun.objects.get()
    assert run.status == LinkCheckRun.Status.FAILED
    assert "disk full" in run.note
    assert run.finished_at is not None


# --- the report in the back office ----------------------------------------------------------


def test_editors_see_broken_links_with_the_page_and_an_edit_link(client, demo_data, remote):
    page = _links_page([f"{remote}/missing", f"{remote}/ok"])
    services.check_links(timeout=TIMEOUT)
    client.force_login(get_user_model().objects.get(username="editor"))
    response = client.get(reverse("linkcheck_broken_links"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{remote}/missing" in html
    assert f"{remote}/ok" not in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "連結測試頁" in html
    assert "網頁不存在（404）" in html


def test_the_report_filters_by_problem_and_exports(client, demo_data, remote, closed_port):
    _links_page([f"{remote}/missing", closed_port])
    services.check_links(timeout=TIMEOUT)
    client.force_login(get_user_model().objects.get(username="director"))
    html = client.get(reverse("linkcheck_broken_links"), {"problem": "unreachable"}).content
    assert closed_port.encode() in html
    assert f"{remote}/missing".encode() not in html
    export = client.get(reverse("linkcheck_broken_links"), {"export": "csv"})
    assert export.status_code == 200
    assert f"{remote}/missing" in b"".join(export.streaming_content).decode()


@pytest.mark.parametrize("username", ["counter", "clerk"])
def test_counter_staff_and_registrars_have_no_link_report(client, demo_data, username):
    client.force_login(get_user_model().objects.get(username=username))
    assert client.get(reverse("linkcheck_broken_links")).status_code in (302, 403)
