"""The marquee (跑馬燈) in a real browser: it scrolls only as an extra, a keyboard user can
pause it (WCAG 2.2.2), a reader who prefers no motion or has no script gets the messages
still and whole, print shows them as a list, and the home page stays free of axe
violations."""

import pytest

pytestmark = pytest.mark.browser

OUTAGE = "【展示訊息】戶役政系統連線異常"
NOTICE = "【展示訊息】本所中午12:00至13:30照常受理"


def _animation(page):
    return page.evaluate("getComputedStyle(document.querySelector('.marquee__list')).animationName")


def test_the_home_page_with_messages_has_no_accessibility_violations(page, live_site, axe):
    page.goto(live_site + "/")
    marquee = page.locator(".marquee")
    assert marquee.get_attribute("class").split() == ["marquee", "marquee--animated"]
    items = page.locator(".marquee__item")
    assert items.count() == 2
    assert OUTAGE in items.nth(0).inner_text()  # the outage first
    axe(page)
    page.locator(".marquee__toggle").click()
    axe(page)


def test_the_pause_button_works_by_keyboard(page, live_site):
    page.goto(live_site + "/")
    button = page.locator(".marquee__toggle")
    assert button.is_visible()
    assert _animation(page) == "marquee-scroll"
    assert button.inner_text() == button.get_attribute("data-label-pause")

    button.focus()
    page.keyboard.press("Enter")
    # Paused, the messages stand still and whole.
    assert "marquee--paused" in page.locator(".marquee").get_attribute("class")
    assert _animation(page) == "none"
    assert page.get_by_text(OUTAGE).is_visible()
    assert page.get_by_text(NOTICE).is_visible()
    assert button.inner_text() == button.get_attribute("data-label-play")
    assert page.evaluate("document.activeElement.classList.contains('marquee__toggle')")

    page.keyboard.press("Space")
    assert _animation(page) == "marquee-scroll"
    assert button.inner_text() == button.get_attribute("data-label-pause")


def test_the_pause_is_remembered_on_the_next_page_view(page, live_site):
    page.goto(live_site + "/")
    page.locator(".marquee__toggle").press("Enter")
    page.reload()
    assert _animation(page) == "none"
    assert page.locator(".marquee__toggle").inner_text() == page.locator(
        ".marquee__toggle"
    ).get_attribute("data-label-play")


def test_the_button_is_reached_with_tab(page, live_site):
    page.goto(live_site + "/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('marquee__toggle')"):
            break
    else:
        pytest.fail("Tab never reached the pause button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_a_reader_who_prefers_no_motion_gets_every_message_still(browser, live_site, axe):
    context = browser.new_context(locale="zh-TW", reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        assert "marquee--animated" not in page.locator(".marquee").get_attribute("class")
        assert not page.locator(".marquee__toggle").is_visible()
        assert page.get_by_text(OUTAGE).is_visible()
        assert page.get_by_text(NOTICE).is_visible()
        axe(page)
    finally:
        context.close()


def test_without_javascript_the_messages_are_a_plain_list(browser, live_site):
    context = browser.new_context(locale="zh-TW", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        assert not page.locator(".marquee__toggle").is_visible()
        assert page.get_by_text(OUTAGE).is_visible()
        assert page.get_by_text(NOTICE).is_visible()
    finally:
        context.close()


def test_print_shows_the_messages_without_the_button(page, live_site):
    page.goto(live_site + "/")
    page.emulate_media(media="print")
    assert not page.locator(".marquee__toggle").is_visible()
    assert _animation(page) == "none"
    assert page.get_by_text(OUTAGE).is_visible()
    assert page.get_by_text(NOTICE).is_visible()


def test_the_director_approves_an_editors_message_by_keyboard(page, live_site, axe):
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from huzheng.core.models import Office
    from huzheng.queueing import services
    from huzheng.queueing.models import MarqueeMessage
    from tests.test_browser_reveal import log_in

    now = timezone.now()
    editor = get_user_model().objects.get(username="editor")
    waiting = services.save_message(
        MarqueeMessage(
            office=Office.objects.get(code="huxi"),
            kind="notice",
            text="編輯撰寫的公告，待主任核可",
            starts_at=now - dt.timedelta(hours=1),
            ends_at=now + dt.timedelta(hours=1),
        ),
        user=editor,
    )
    page.goto(live_site + "/")
    assert "編輯撰寫的公告" not in page.locator("body").inner_text()

    log_in(page, live_site, "director", f"/admin/marquee/edit/{waiting.pk}/")
    approve = page.get_by_role("link", name="核可", exact=True)
    approve.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/admin/marquee/approve/{waiting.pk}/")
    assert "編輯撰寫的公告，待主任核可" in page.locator("main").inner_text()
    axe(page)
    button = page.get_by_role("button", name="核可", exact=True)
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/admin/marquee/")
    assert "已核可" in page.locator(".messages").inner_text()

    page.goto(live_site + "/")
    assert "編輯撰寫的公告，待主任核可" in page.locator(".marquee").inner_text()
