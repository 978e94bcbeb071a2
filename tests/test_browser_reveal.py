"""Showing a full ID number (查閱完整身分證字號) in a real browser: the counter opens a
case, follows the link by the masked number, gives the reason by keyboard and sees the
number once; the reason form and the result pass axe."""

import datetime as dt
from pathlib import Path

import pytest

from huzheng.cases import services as cases
from huzheng.catalog.models import RegistrationService
from huzheng.core.demo import DEMO_PASSWORD
from huzheng.core.identity import check_digit_for
from huzheng.core.models import AuditEntry, Office

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
NATIONAL_ID = "E22345678" + check_digit_for("E22345678")


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_the_counter_reads_a_cases_full_number_with_a_reason(page, live_site, axe):
    SHOTS.mkdir(parents=True, exist_ok=True)
    service, _created = RegistrationService.objects.get_or_create(
        slug="house-number-assignment",
        defaults={"name": "門牌初編", "category": "house_number", "processing_working_days": 3},
    )
    case = cases.register_case(
        office=Office.objects.get(code="huxi"),
        service=service,
        applicant_name="陳美玲",
        national_id=NATIONAL_ID,
        birth_date=dt.date(1986, 8, 9),
        received_on=dt.date(2026, 3, 2),
        phone="0912345678",
        email="",
        documents=["申請書"],
    )
    detail = f"/admin/cases/{case.pk}/"
    log_in(page, live_site, "counter", detail)
    assert detail in page.url and NATIONAL_ID not in page.content()

    with page.expect_navigation():
        page.locator("a.reveal-link").click()
    assert NATIONAL_ID not in page.content()
    axe(page, context="main")

    # Submitting without a reason asks again.
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert NATIONAL_ID not in page.content()
    axe(page, context="main")
    page.screenshot(path=str(SHOTS / "reveal-form.png"), full_page=True)

    page.locator("input[name=reason][value=counter]").focus()
    page.keyboard.press("Space")
    page.locator("main form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".reveal-number").inner_text() == NATIONAL_ID
    axe(page, context="main")
    page.screenshot(path=str(SHOTS / "reveal-result.png"), full_page=True)
    entry = AuditEntry.objects.filter(object_id=str(case.pk), fields=["national_id"]).latest("pk")
    assert entry.username == "counter"

    with page.expect_navigation():
        page.locator(f"main a.button[href='{detail}']").click()
    assert detail in page.url
