"""One Ticket from the door to done, in real browsers: a citizen takes a ticket at the
kiosk, the clerk calls it from the counter console, the display board shows and speaks
the call within a second, the clerk finishes it, and the live page, the ticket's own
page and the director's statistics all show it; the kiosk, live and display pages pass
axe with no violations."""

import time

import pytest

from tests.test_browser_board import RECORDER

pytestmark = pytest.mark.browser


@pytest.fixture
def site(live_site, settings, monkeypatch):
    settings.HUZHENG_DEMO = True  # the demo office takes tickets at any hour
    from huzheng.queueing.views import board as board_views

    # The live server is a sync server: frequent heartbeats let it notice closed boards.
    monkeypatch.setattr(board_views, "HEARTBEAT_SECONDS", 0.5)
    return live_site


def signed_in(browser, site, username, path):
    context = browser.new_context(
        locale="zh-TW", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(site + path)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert page.url.endswith(path)
    return context, page


def test_one_ticket_from_the_kiosk_to_done(browser, site, axe):
    from huzheng.queueing.demo import DEMO_KIOSK_TOKEN
    from huzheng.queueing.models import Ticket, TicketStatus

    contexts = []
    try:
        # The display board, on a full-HD screen, listening.
        board_context = browser.new_context(
            locale="zh-TW", viewport={"width": 1920, "height": 1080}, bypass_csp=True
        )
        contexts.append(board_context)
        board = board_context.new_page()
        board.add_init_script(RECORDER)
        board.goto(site + "/queue/huxi/display/")
        board.wait_for_function("document.body.dataset.stream === 'open'", timeout=10_000)
        axe(board)

        # The kiosk: sign in once with its token, then a citizen takes a general ticket.
        kiosk_context = browser.new_context(locale="zh-TW", bypass_csp=True)
        contexts.append(kiosk_context)
        kiosk = kiosk_context.new_page()
        kiosk.goto(site + "/queue/huxi/kiosk/sign-in/")
        kiosk.locator("#kiosk-token").fill(DEMO_KIOSK_TOKEN)
        with kiosk.expect_navigation():
            kiosk.locator("#kiosk-token").press("Enter")
        axe(kiosk)
        with kiosk.expect_navigation():
            kiosk.locator(".kiosk-button--other").click()
        ticket = Ticket.objects.get()
        assert kiosk.locator(".ticket__number").inner_text() == ticket.label == "A001"
        axe(kiosk)

        # The clerk at counter 1 calls it; the board shows it within a second and says it.
        staff_context, console = signed_in(browser, site, "counter", "/queue/huxi/counter/1/")
        contexts.append(staff_context)
        with console.expect_navigation():
            console.locator(".button--call").click()
            started = time.monotonic()
        board.wait_for_function(
            "document.querySelector('.board__hero-ticket')?.textContent === 'A001'",
            timeout=5_000,
        )
        assert time.monotonic() - started < 1.0
        board.wait_for_function("window.__spoken.length === 1", timeout=5_000)
        spoken = board.evaluate("window.__spoken")[0]
        assert (spoken["text"], spoken["lang"]) == ("請 A001 號 到 1 號櫃檯", "zh-TW")
        axe(board)

        # Served and done.
        for action in ("start", "finish"):
            with console.expect_navigation():
                console.locator(f"button[name=action][value={action}]").click()
        ticket.refresh_from_db()
        assert ticket.status == TicketStatus.DONE and ticket.finished_at is not None

        # The live page and the ticket's own page, as the citizen sees them.
        live = kiosk_context.new_page()
        live.goto(site + "/queue/huxi/")
        row = live.locator("tr[data-series=A]")
        assert row.locator("[data-field=now_serving]").inner_text() == "A001"
        assert row.locator("[data-field=waiting]").inner_text() == "0"
        # A ticket taken now has nobody ahead: the same forecast as every ticket's page.
        assert row.locator("[data-field=people_ahead]").inner_text() == "0"
        axe(live)
        live.goto(site + f"/queue/huxi/t/{ticket.pk}/")
        assert live.locator("[data-status]").get_attribute("data-status") == "done"
        axe(live)

        # The director's statistics count it.
        director_context, stats = signed_in(browser, site, "director", "/queue/huxi/statistics/")
        contexts.append(director_context)
        totals = stats.locator(".queue-stats__totals dd")
        assert [totals.nth(i).inner_text().split()[0] for i in range(3)] == ["1", "1", "0"]
        assert stats.locator("svg").count() >= 1
    finally:
        for context in contexts:
            context.close()
        time.sleep(1.5)  # let the live server's board stream notice it is gone
