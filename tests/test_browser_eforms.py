"""E-forms in a real browser: zero axe-core violations (WCAG 2.1 A/AA) with and without
errors, filled and sent by keyboard alone, errors announced, and a print that still reads."""

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser


@pytest.fixture
def forms_site(live_site):
    return live_site


@pytest.mark.parametrize(
    "path", ["/forms/", "/forms/household-registration/", "/forms/id-card-application/"]
)
def test_the_e_forms_have_no_accessibility_violations(page, forms_site, axe, path):
    response = page.goto(forms_site + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    axe(page)


def test_the_english_form_has_no_accessibility_violations(page, forms_site, axe):
    page.goto(forms_site + "/forms/birth-registration/")
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Birth registration application"
    axe(page)


def test_errors_are_announced_and_shown_beside_their_fields_without_violations(
    page, forms_site, axe
):
    page.goto(forms_site + "/forms/household-registration/")
    page.get_by_label("統一編號").first.fill("A123456788")
    page.get_by_label("事件發生日期").fill("115/2/30")
    with page.expect_navigation():
        page.locator(".eform-actions button").click()
    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_registrant_id").get_attribute("aria-invalid") == "true"
    assert "id_registrant_id_error" in page.locator("#id_registrant_id").get_attribute(
        "aria-describedby"
    )
    assert "A12****78*" in page.locator("#id_registrant_id_error").inner_text()
    assert page.locator("#id_event_date_error").is_visible()
    axe(page)


def test_a_summary_link_takes_the_keyboard_to_its_field(page, forms_site):
    page.goto(forms_site + "/forms/id-card-application/")
    with page.expect_navigation():
        page.locator(".eform-actions button").press("Enter")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        "#id_application_type_0"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_application_type_0"


def test_a_form_is_filled_and_sent_by_keyboard_alone(page, forms_site, tmp_path):
    page.goto(forms_site + "/forms/id-card-application/")
    answers = [
        ("application_type", " "),  # the first choice, 初領, taken with the space bar
        ("applicant_name", "王小明"),
        ("applicant_id", "A123456789"),
        ("applicant_birth_date", "80/5/17"),
        ("applicant_phone", "0912-345-678"),
        ("applicant_address", "澎湖縣湖西鄉湖西村1鄰湖西1號"),
        ("declaration", " "),
    ]
    for name, keys in answers:
        _tab_to(page, f"document.activeElement.name === {name!r}")
        if keys == " ":
            page.keyboard.press("Space")
        else:
            page.keyboard.type(keys)
    assert page.locator("#id_application_type_0").is_checked()
    assert page.locator("#id_declaration").is_checked()
    _tab_to(page, "document.activeElement.type === 'submit'")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "id-card-application.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "國民身分證申請書" in text
    assert "王小明" in text and "A123456789" in text and "■初領" in text


def test_the_blank_forms_download_from_the_list(page, forms_site):
    page.goto(forms_site + "/forms/")
    with page.expect_download() as download_info:
        page.locator('a[href="/forms/marriage-registration/blank.odt"]').click()
    assert download_info.value.suggested_filename == "marriage-registration-blank.odt"


def test_the_form_prints_without_navigation_and_keeps_its_fields(page, forms_site):
    page.goto(forms_site + "/forms/household-registration/")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".eform-actions").is_visible()
    assert page.get_by_role("heading", name="戶籍登記申請書", level=1).is_visible()
    assert page.locator("#id_registrant_name").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_at_200_percent_zoom_the_form_does_not_scroll_sideways(browser, forms_site, axe):
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(forms_site + "/forms/marriage-registration/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        axe(page)
    finally:
        context.close()


def _tab_to(page, condition, limit=80):
    """Press Tab until the focused element meets the JavaScript condition."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    pytest.fail(f"Tab never reached: {condition}")
