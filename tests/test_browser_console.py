"""The counter console (櫃檯叫號台) in a real browser: the demo counter clerk signs in, opens
counter 1 and calls, starts, finishes, marks no-show, recalls and transfers tickets
through the page's own buttons, by mouse and by keyboard; the pages pass axe-core and
the waiting panel follows the queue without reloading the page."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")


@pytest.fixture
def console_site(live_site, settings):
    # Demo offices take tickets at any hour in demo mode.
    settings.HUZHENG_DEMO = True
    SHOTS.mkdir(parents=True, exist_ok=True)
    return live_site


@pytest.fixture
def signed_in(page, console_site):
    page.goto(console_site + "/queue/huxi/counter/1/")
    # Not signed in: the back office's login, which brings the clerk back here.
    assert "/admin/login/" in page.url
    page.locator("#id_username").fill("counter")
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert page.url.endswith("/queue/huxi/counter/1/")
    return page


def issue(n=1, **kwargs):
    from huzheng.core.models import Office
    from huzheng.queueing import services

    office = Office.objects.get(code="huxi")
    return [services.issue_ticket(office, **kwargs)[0] for _ in range(n)]


# The buttons by what they do: their words come from the translations, compiled later.
BUTTONS = {
    "call_next": ".button--call",
    "start": "button[name=action][value=start]",
    "recall": "button[name=action][value=recall]",
    "finish": "button[name=action][value=finish]",
    "no_show": "button[name=action][value=no_show]",
    "pause": "button[name=state][value=paused]",
    "transfer": "form:has(input[name=action][value=transfer]) button",
    "link_record": "form:has(input[name=action][value=link_record]) button",
}


def press(page, action):
    """Press a button of the console and wait for the page to come back."""
    with page.expect_navigation():
        page.locator(BUTTONS[action]).click()


def current_label(page):
    return page.locator("#current-ticket").inner_text().split()[-1]


def message(page):
    return page.locator(".console-message").inner_text()


def test_the_clerk_serves_tickets_through_the_console(signed_in, console_site, axe):
    page = signed_in
    first, second, third = issue(3)
    page.reload()
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)
    page.screenshot(path=str(SHOTS / "console-empty-counter.png"), full_page=True)

    # Call next: A001 comes to the counter, which opens.
    press(page, "call_next")
    assert current_label(page) == first.label
    assert first.label in message(page)
    assert page.locator(".console-head .state-badge--open").is_visible()
    # The result is read out: focus is on the message.
    assert page.evaluate("document.activeElement.id") == "console-messages"
    axe(page)
    page.screenshot(path=str(SHOTS / "console-called.png"), full_page=True)

    # Recall (重呼) counts a second call.
    press(page, "recall")
    assert page.locator(".console-facts dd").nth(3).inner_text() == "2"

    # Start and finish.
    press(page, "start")
    assert page.locator(".status-badge--serving").is_visible()
    page.screenshot(path=str(SHOTS / "console-serving.png"), full_page=True)
    press(page, "finish")
    assert page.locator(".console-empty").first.is_visible()
    first.refresh_from_db()
    assert first.status == "done"

    # Link the visit's case to the ticket just finished.
    page.locator("#record-reference").fill("HX-115-0042")
    press(page, "link_record")
    assert page.locator(".record-list").inner_text().count("HX-115-0042") == 1

    # Next ticket: no-show (過號), then back in line.
    press(page, "call_next")
    assert current_label(page) == second.label
    press(page, "no_show")
    no_shows = page.locator(".no-show-list")
    assert second.label in no_shows.inner_text()
    axe(page)
    with page.expect_navigation():
        no_shows.get_by_role("button").first.click()
    second.refresh_from_db()
    assert second.status == "waiting"
    assert page.locator(".no-show-list").count() == 0

    # Transfer (轉櫃) the next ticket to series B with the two selects.
    press(page, "call_next")
    label = current_label(page)
    page.locator("#transfer-series").select_option("B")
    press(page, "transfer")
    assert label in message(page)
    assert page.locator("#current-ticket").count() == 0
    axe(page)
    page.screenshot(path=str(SHOTS / "console-after-transfer.png"), full_page=True)
    third.refresh_from_db()
    second.refresh_from_db()
    transferred = third if third.label == label else second
    assert transferred.series.letter == "B"
    assert transferred.label == label  # the printed number stays


def test_nobody_waiting_and_pausing_a_busy_counter_say_so(signed_in):
    page = signed_in
    press(page, "call_next")
    assert page.locator(".console-message--error").is_visible()
    issue(1)
    page.reload()
    press(page, "call_next")
    press(page, "pause")
    # A counter must finish its ticket before pausing.
    assert page.locator(".console-message--error").is_visible()
    assert page.locator(".state-badge--open").first.is_visible()
    press(page, "finish")
    press(page, "pause")
    assert page.locator(".state-badge--paused").first.is_visible()


def test_the_console_works_by_keyboard(signed_in):
    page = signed_in
    issue(2)
    page.reload()
    page.locator("#main").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('button--call')"):
            break
    else:
        pytest.fail("Tab never reached the Call next button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.fullmatch(r"A\d{3}", current_label(page))
    # From the message, Tab goes on to the ticket's own buttons.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("BUTTON", "A", "INPUT", "SELECT")


def test_the_counter_list_and_the_refusal_pass_axe(page, console_site, axe):
    page.goto(console_site + "/admin/login/")
    page.locator("#id_username").fill("editor")  # a web editor, not counter staff
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    response = page.goto(console_site + "/queue/huxi/counter/1/")
    assert response.status == 403
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)
    page.screenshot(path=str(SHOTS / "console-forbidden.png"), full_page=True)

    page.context.clear_cookies()
    page.goto(console_site + "/admin/login/?next=/queue/huxi/counter/")
    page.locator("#id_username").fill("counter")
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert page.url.endswith("/queue/huxi/counter/")
    assert page.locator(".counter-card").count() == 4
    axe(page)
    page.screenshot(path=str(SHOTS / "console-choose.png"), full_page=True)
    with page.expect_navigation():
        page.locator(".counter-card a").first.click()
    assert page.url.endswith("/queue/huxi/counter/1/")


def test_the_waiting_panel_follows_the_queue_without_a_reload(signed_in):
    page = signed_in
    issue(1)
    page.reload()
    press(page, "call_next")
    cell = page.locator("tr[data-series='A'] [data-field='waiting']")
    assert cell.inner_text() == "0"
    page.locator("#record-note").fill("typing…")
    issue(2)
    # The event stream, or the 10-second poll when there is none, brings the new count.
    page.wait_for_function(
        "document.querySelector(\"tr[data-series='A'] [data-field='waiting']\")"
        ".textContent === '2'",
        timeout=25000,
    )
    # Nothing else moved: what the clerk was typing is still there.
    assert page.locator("#record-note").input_value() == "typing…"
    assert page.locator("tfoot [data-field='waiting_total']").inner_text() == "2"


def test_print_shows_the_ticket_and_the_line_without_buttons(signed_in):
    page = signed_in
    issue(1)
    page.reload()
    press(page, "call_next")
    page.emulate_media(media="print")
    assert not page.locator(BUTTONS["call_next"]).is_visible()
    assert page.locator("#current-ticket").is_visible()
    assert page.locator(".waiting-table").is_visible()
    page.screenshot(path=str(SHOTS / "console-print.png"), full_page=True)
