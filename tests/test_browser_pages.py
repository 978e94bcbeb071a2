"""News, laws, disclosure, FAQ, the agency page and the feeds page in a real browser:
zero axe-core violations (WCAG 2.1 A/AA), and the filters work by keyboard."""

import pytest

pytestmark = pytest.mark.browser


def test_the_content_pages_have_no_accessibility_violations(page, live_site, axe):
    paths = [
        "/news/",
        "/news/?category=announcement",
        "/news/lunar-new-year-hours/",
        "/laws/",
        "/laws/household-registration-act-48/",
        "/disclosure/",
        "/faq/",
        "/organisation/",
        "/feeds/",
    ]
    for path in paths:
        response = page.goto(live_site + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        axe(page)


def test_walking_from_the_news_index_to_an_article_by_keyboard(page, live_site, axe):
    page.goto(live_site + "/news/")
    page.locator("#news-category").select_option("announcement")
    page.locator("#news-category").focus()
    page.keyboard.press("Tab")  # to the Show button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "category=announcement" in page.url
    link = page.get_by_role("link", name="春節連假期間服務時間公告")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "春節連假期間服務時間公告"
    assert page.locator(".page-updated time").inner_text().startswith("民國")
    axe(page)


def test_filtering_the_laws_by_kind_and_searching_by_keyboard(page, live_site, axe):
    page.goto(live_site + "/laws/")
    page.locator("#law-kind").select_option("interpretation")
    page.locator("#law-q").fill("府民戶字")
    with page.expect_navigation():
        page.locator("#law-q").press("Enter")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 1
    assert "跨所申請戶籍謄本" in rows.first.inner_text()
    axe(page)
    page.locator("#law-q").fill("<script>alert(1)</script>")
    with page.expect_navigation():
        page.locator("#law-q").press("Enter")
    assert page.locator("table.data-table").count() == 0
    axe(page)


def test_the_faq_is_reached_from_a_service_page(page, live_site, axe):
    page.goto(live_site + "/services/id-card-reissue/")
    with page.expect_navigation():
        page.get_by_role("link", name="身分證遺失了，要帶什麼去補領？").press("Enter")
    assert "/faq/#faq-" in page.url
    assert page.get_by_role("heading", name="身分證遺失了，要帶什麼去補領？").is_visible()
    axe(page)


def test_the_feeds_page_links_every_feed(page, live_site):
    page.goto(live_site + "/feeds/")
    hrefs = page.locator(".feed-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "/feeds/news/" in hrefs and "/feeds/laws/" in hrefs
    assert len(hrefs) == 7
    rss = page.request.get(live_site + hrefs[0])
    assert rss.ok and "<rss" in rss.text()
