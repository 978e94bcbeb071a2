"""Search for editors in a real browser: a search that found nothing is listed, the
editor answers it with a synonym in one step, pins a best bet, and the public search
then finds both; every screen with zero axe violations, the public ones on a phone too."""

import pytest

pytestmark = pytest.mark.browser


def log_in(page, site, username="editor"):
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_an_editor_answers_a_search_that_found_nothing(page, live_site, axe):
    # A citizen searches for a word the site does not use, and finds nothing.
    page.goto(live_site + "/search/?q=hukou")
    assert page.locator("#results-heading").inner_text().startswith("找不到")
    axe(page)

    log_in(page, live_site)
    page.goto(live_site + "/admin/search/unanswered/")
    row = page.locator("tr", has_text="hukou")
    assert row.count() == 1
    axe(page)
    with page.expect_navigation():
        row.get_by_role("link", name="新增同義詞").click()
    assert page.locator("#id_phrase").input_value() == "hukou"
    axe(page)
    page.locator("#id_means").fill("戶籍謄本")
    # Wagtail's "saved" message fades in; axe reads its colours at the fade's end.
    with page.expect_navigation():
        page.locator("#id_means").press("Enter")
    assert page.get_by_text("hukou").first.is_visible()
    axe(page)

    # A best bet: the lost-card tool first for 身分證.
    page.goto(live_site + "/admin/search_best_bets/new/?query=身分證")
    axe(page)
    page.locator("#id_url").fill("/nowhere/")
    with page.expect_navigation():
        page.locator("#id_url").press("Enter")
    assert page.locator(".w-field__errors .error-message").count() == 1
    page.locator("#id_url").fill("/idcards/lost/")
    with page.expect_navigation():
        page.locator("#id_url").press("Enter")
    assert "/admin/search_best_bets/" in page.url

    page.goto(live_site + "/search/?q=hukou")
    first = page.locator(".search-hits > li h3 a").first
    assert "戶籍謄本" in first.inner_text()
    page.goto(live_site + "/search/?q=身分證")
    assert page.locator(".search-hits > li h3 a").first.inner_text() == "國民身分證線上掛失"


def test_search_notices_pass_axe_on_a_phone(browser, live_site, axe):
    context = browser.new_context(locale="zh-TW", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for query in ["戶藉謄本", "出生登記要帶什麼", "身分證 英文 查無此詞", "xyzzyq", "<b>遷入"]:
            page.goto(live_site + "/search/?q=" + query)
            assert page.locator("main h1").is_visible()
            axe(page)
        page.goto(live_site + "/search/?q=戶藉謄本")
        assert "戶籍謄本" in page.locator("main [role=note]").first.inner_text()
        # The result opens at the documents part of the service page.
        page.goto(live_site + "/search/?q=出生登記要帶什麼")
        with page.expect_navigation():
            page.locator(".search-hits > li h3 a", has_text="出生登記").first.click()
        assert page.url.endswith("/services/birth/#documents")
    finally:
        context.close()
