"""Search in a real browser: the header form by keyboard, a facet applied, the
no-result path and the help page, each with zero axe violations."""

from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser


def test_search_by_keyboard_then_narrow_by_a_facet(page, live_site, axe):
    page.goto(live_site + "/")
    # The header's search field is reachable by Tab from the top of the page.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("遷入")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=" in page.url
    assert page.locator(".search-hits mark").first.inner_text() == "遷入"
    axe(page)

    service_filter = page.locator('.search-facets a[href*="type=service"]')
    with page.expect_navigation():
        service_filter.click()
    assert "type=service" in page.url
    assert page.locator('.search-facets a[aria-current="true"]').count() == 1
    hits = page.locator(".search-hits > li")
    assert hits.count() >= 1
    # Result links go through the click counter to the result's own address.
    assert all(
        "to=%2Fservices%2F" in a
        for a in hits.locator("h3 a").evaluate_all("e => e.map(a => a.href)")
    )
    axe(page)


def test_nothing_found_suggests_and_gives_the_phone(page, live_site, axe):
    page.goto(live_site + "/search/?q=" + "xyzzyq")
    body = page.locator("main").inner_text()
    assert "06-9921145" in body
    assert page.locator(".search-none a[href^='/services/']").count() > 0  # hot services
    axe(page)

    # Every other kind of answer, on a phone: a corrected typo, most of the words, a
    # question's intent, and a hostile query, each a normal page with zero violations.
    page.set_viewport_size({"width": 390, "height": 844})
    answers = {
        "戶藉謄本": "戶籍謄本",
        "身分證 xyzzyq": "",
        "出生登記要帶什麼": "",
        "<script>alert(1)</script>' OR 1=1 --": "",
    }
    for query, corrected in answers.items():
        response = page.goto(live_site + "/search/?" + urlencode({"q": query}))
        assert response.status == 200
        heading = page.locator("#results-heading")
        assert heading.count() == 1
        if corrected:
            assert corrected in page.locator("main .notice").first.inner_text()
        axe(page)


def test_help_page_examples_lead_to_results(page, live_site, axe):
    page.goto(live_site + "/search/help/")
    axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="掛失", exact=True).click()
    assert page.locator(".search-hits > li").count() >= 1
    axe(page)


def test_the_not_found_page_offers_search_and_hot_services(page, live_site, axe):
    page.goto(live_site + "/no-such-page/")
    assert page.locator("form[action='/search/'] input[name=q]").count() >= 1
    axe(page)
