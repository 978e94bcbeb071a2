"""The catalog in a real browser: every page passes axe; the checklist works by keyboard,
shows its errors to screen readers, and ends in a notice slip that prints."""

import pytest

from huzheng.catalog.tests.factories import fine_schedule, move_in_service

pytestmark = pytest.mark.browser


@pytest.fixture
def catalog_site(live_site):
    fine_schedule()
    move_in_service(slug="test-move-in")
    return live_site


@pytest.mark.parametrize(
    "path",
    [
        "/services/",
        "/services/?audience=indigenous",
        "/services/test-move-in/",
        "/services/tables/guides/",
        "/services/tables/time-limits/",
        "/services/tables/fees/",
        "/services/tables/fines/",
        "/services/checklist/",
        "/services/checklist/?service=test-move-in",
        "/services/no-such-service/",
    ],
)
def test_catalog_pages_have_no_accessibility_violations(page, catalog_site, axe, path):
    page.goto(catalog_site + path)
    axe(page)


def test_the_checklist_by_keyboard_from_question_to_printed_slip(page, catalog_site, axe):
    page.goto(catalog_site + "/services/checklist/")
    page.get_by_label("我要申辦").select_option("test-move-in")
    with page.expect_navigation():
        page.get_by_role("button", name="下一步").press("Enter")

    # Submitting with nothing answered and an impossible date shows the errors.
    page.get_by_label("事件發生日（出生、結婚、遷入等）").fill("115/2/30")
    with page.expect_navigation():
        page.get_by_role("button", name="產生我的檢核表").press("Enter")
    summary = page.get_by_role("alert")
    assert "沒有這個日期" in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    date_input = page.get_by_label("事件發生日（出生、結婚、遷入等）")
    assert date_input.get_attribute("aria-invalid") == "true"
    axe(page)

    date_input.fill("115/1/10")
    page.get_by_role("radio", name="是").check()
    with page.expect_navigation():
        page.get_by_role("button", name="產生我的檢核表").press("Enter")
    assert "戶長同意書" in page.content()
    assert "民國115年5月11日" in page.content()
    axe(page)

    page.get_by_label("告知單上的稱呼（可不填）").fill("王先生")
    with page.expect_navigation():
        page.get_by_role("button", name="存成一次告知單").press("Enter")
    assert "/slips/HUXI-" in page.url
    assert page.get_by_role("heading", name="一次告知單").is_visible()
    axe(page)
    page.emulate_media(media="print")
    assert not page.get_by_role("link", name="列印用 PDF").is_visible()
    assert page.get_by_text("戶長同意書").is_visible()
    # "Now: open" would be stale on paper; the hours print instead.
    assert (
        page.locator(".office-status").count() and not page.locator(".office-status").is_visible()
    )


def test_the_counter_slip_form_passes_axe(page, catalog_site, axe):
    page.goto(catalog_site + "/admin/login/")
    page.locator("#id_username").fill("counter")
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    page.goto(catalog_site + "/staff/slips/new/?service=test-move-in")
    assert page.get_by_role("heading", name="開立一次告知單: 遷入登記").is_visible()
    axe(page)
    page.get_by_label("國民身分證").check()
    page.get_by_role("radio", name="否").check()
    with page.expect_navigation():
        page.get_by_role("button", name="開立並列印").click()
    assert "?print=1" in page.url
