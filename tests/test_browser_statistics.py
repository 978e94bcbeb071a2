"""Population statistics in a real browser: the page passes axe with its chart and data
table, the month selector works by keyboard, hostile addresses get the normal page, and
the page prints without its controls."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def stats_url(live_site):
    from huzheng.addresses.models import PopulationStatisticsPage

    return live_site + PopulationStatisticsPage.objects.get().url


def test_the_statistics_page_has_no_accessibility_violations(page, stats_url, axe):
    page.goto(stats_url)
    assert page.get_by_role("heading", level=1, name="人口統計").is_visible()
    chart = page.locator("svg[role=img]")
    assert chart.get_attribute("aria-labelledby") == "chart-title chart-desc"
    assert page.locator("#chart-desc").text_content().count("村") >= 22
    table = page.get_by_role("table").first
    assert table.locator("caption").is_visible()
    assert table.locator("thead th[scope=col]").count() == 11
    assert table.locator("tbody th[scope=row]").count() == 22
    axe(page)


def test_the_month_selector_by_keyboard(page, stats_url, axe):
    page.goto(stats_url)
    select = page.locator("#month-select")
    options = select.locator("option")
    earliest = options.nth(options.count() - 1).get_attribute("value")
    select.focus()
    select.select_option(earliest)
    village = page.locator("#village-select")
    village.select_option(label="龍門村")
    with page.expect_navigation():
        village.press("Tab")
        page.keyboard.press("Enter")
    assert f"month={earliest}" in page.url
    assert page.locator("#month-select").input_value() == earliest
    assert "龍門村" in page.locator("#trend-caption").inner_text()
    axe(page)


@pytest.mark.parametrize(
    "query", ["?month=<script>alert(1)</script>&village=' OR 1=1 --", "?month=2026-13&village=9999"]
)
def test_hostile_parameters_get_the_normal_page(page, stats_url, axe, query):
    response = page.goto(stats_url + query)
    assert response.status == 200
    assert page.get_by_role("status").is_visible()
    axe(page)


def test_the_page_prints_without_its_controls(page, stats_url):
    page.goto(stats_url)
    page.emulate_media(media="print")
    assert not page.locator("form.filter-bar").is_visible()
    assert not page.locator(".downloads").is_visible()
    assert page.locator("svg[role=img]").is_visible()
    assert page.get_by_role("table").first.is_visible()
