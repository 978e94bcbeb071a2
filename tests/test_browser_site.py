"""The public site in a real browser: zero axe-core violations (WCAG 2.1 A/AA), usable by
keyboard, readable at 200% zoom, and printable."""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/about/",
    "/privacy/",
    "/security/",
    "/open-data/",
    "/accessibility/",
    "/offices/",
    "/offices/huxi/",
    "/offices/magong/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_accessibility_violations(page, live_site, axe, path):
    response = page.goto(live_site + path)
    assert response.status == (404 if path == "/no-such-page/" else 200)
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    axe(page)


def test_the_english_site_has_no_accessibility_violations(page, live_site, axe):
    page.goto(live_site + "/")
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    axe(page)


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(page, live_site):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳至主要內容"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_language_switch_works_from_the_keyboard(page, live_site):
    page.goto(live_site + "/privacy/")
    page.get_by_role("link", name="English").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_site + "/privacy/"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="繁體中文").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"


def test_focus_is_always_visible(page, live_site):
    page.goto(live_site + "/")
    for _ in range(6):
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), page.evaluate("document.activeElement.outerHTML")


def test_at_200_percent_zoom_nothing_scrolls_sideways(browser, live_site, axe):
    # A 1280-pixel window at 200% zoom lays out like a 640-pixel one.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    try:
        for path in ("/", "/privacy/"):
            page.goto(live_site + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, path
            assert page.get_by_text("隱私權保護政策").first.is_visible()
        axe(page)
    finally:
        context.close()


def test_printing_leaves_out_navigation_and_keeps_the_content(page, live_site):
    page.goto(live_site + "/privacy/")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".language-switch").is_visible()
    assert page.get_by_role("heading", name="隱私權保護政策", level=1).is_visible()
    assert page.locator(".site-footer address").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_home_page_doors_take_a_keyboard_user_to_the_hot_services(page, live_site):
    page.goto(live_site + "/")
    doors = page.locator(".doors a")
    assert doors.count() == 7
    page.locator(".door--hot").focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#hot-services")
    hot = page.locator("#hot-services")
    assert hot.is_visible()
    assert hot.get_by_role("link").count() >= 3


def test_the_home_page_prints_its_services_without_the_doors(page, live_site):
    page.goto(live_site + "/")
    page.emulate_media(media="print")
    assert not page.locator(".doors").is_visible()
    assert page.locator("#hot-services").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_on_a_phone_the_menu_folds_behind_a_button_that_works_by_keyboard(browser, live_site, axe):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        menu = page.get_by_role("button", name="選單")
        news = page.locator("#site-nav-list").get_by_role("link", name="最新消息")
        assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
        assert not news.is_visible()
        # The page's own doors come up on the first screen instead of thirteen links.
        assert page.locator(".doors").bounding_box()["y"] < 844
        axe(page)

        menu.focus()
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true" and news.is_visible()
        axe(page)
        news.focus()
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false" and not news.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('site-nav__toggle')")
    finally:
        context.close()


def test_on_a_desktop_the_menu_is_open_and_has_no_button(page, live_site):
    page.goto(live_site + "/")
    assert not page.locator(".site-nav__toggle").is_visible()
    assert page.locator("#site-nav-list").get_by_role("link", name="最新消息").is_visible()
