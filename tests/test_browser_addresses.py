"""Villages and house numbers in a real browser: a house number is found by keyboard,
and the search page, its results, a number's history and a village page pass axe."""

import pytest

pytestmark = pytest.mark.browser


def test_search_a_house_number_by_keyboard(page, live_site, axe):
    page.goto(live_site + "/addresses/")
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    box = page.get_by_label("地址")
    for _step in range(40):  # Tab through the header to the house-number box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "address-q":
            break
    assert page.evaluate("document.activeElement.id") == "address-q"
    page.keyboard.type("湖西路２段18號")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert box.input_value() == "湖西路２段18號"
    table = page.get_by_role("table")
    assert table.locator("caption").is_visible()
    row = table.locator("tbody tr").first
    assert "湖西路二段18號" in row.inner_text()
    assert "湖西村" in row.inner_text()
    axe(page)
    link = row.get_by_role("link", name="湖西路二段18號")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1, name="湖西路二段18號").is_visible()
    assert "民國95年6月1日" in page.get_by_role("table").inner_text()
    axe(page)


def test_a_village_page_passes_axe(page, live_site, axe):
    page.goto(live_site + "/addresses/")
    with page.expect_navigation():
        page.get_by_role("link", name="湖西村").click()
    assert page.get_by_role("heading", level=1, name="湖西村").is_visible()
    assert page.get_by_role("table").count() == 2
    axe(page)


@pytest.mark.parametrize("q", ["<script>alert(1)</script>", "x" * 5000, ""])
def test_hostile_and_empty_queries_get_a_clear_accessible_answer(page, live_site, axe, q):
    from urllib.parse import quote

    response = page.goto(f"{live_site}/addresses/?q={quote(q)}")
    assert response.status in (200, 400)
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)


def test_the_results_print_without_the_search_form(page, live_site):
    page.goto(live_site + "/addresses/?q=湖西村")
    page.emulate_media(media="print")
    assert not page.locator("form.filter-bar").is_visible()
    assert page.get_by_role("table").is_visible()
