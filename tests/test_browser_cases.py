"""The case desk and the online progress query in a real browser: the counter registers a
case in the back office, the clerk moves it through its stages, and the applicant follows
it online with the wrong facts and then the right ones; the public pages pass axe."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core import mail

from huzheng.cases import services
from huzheng.cases.models import Case, Stage
from huzheng.catalog.models import RegistrationService
from huzheng.core.demo import DEMO_PASSWORD
from huzheng.core.identity import check_digit_for
from huzheng.core.models import Office

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
NATIONAL_ID = "E22345678" + check_digit_for("E22345678")
OTHER_ID = "A12345678" + check_digit_for("A12345678")


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_a_case_registered_at_the_counter_is_followed_online(page, live_site, axe):
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, live_site, "counter", "/admin/cases/new/")
    assert "/admin/cases/new/" in page.url
    service = RegistrationService.objects.get(slug="house-number-assignment")
    page.select_option("#id_service", value=str(service.pk))
    page.locator("#id_applicant_name").fill("陳美玲")
    page.locator("#id_national_id").fill(NATIONAL_ID)
    page.locator("#id_birth_date").fill("75/8/9")
    page.locator("#id_documents").fill("門牌初編申請書\n建物使用執照影本")
    page.locator("#id_notify_email").uncheck()
    with page.expect_navigation():
        page.locator("form.cases-register button[type=submit]").click()
    # The name is encrypted at rest: compared after reading.
    [case] = [c for c in Case.objects.all() if c.applicant_name == "陳美玲"]
    assert case.number in page.content()

    # The clerk's stage buttons, by keyboard.
    for stage in (Stage.REVIEW, Stage.INQUIRY):
        page.locator(f"button[data-stage={stage}]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    case.refresh_from_db()
    assert case.stage == Stage.INQUIRY
    assert list(case.events.values_list("by__username", flat=True)) == ["counter"] * 3
    page.screenshot(path=str(SHOTS / "case-detail.png"), full_page=True)

    # Online, the wrong ID number gets the one not-found answer.
    page.goto(f"{live_site}/cases/query/")
    axe(page)
    page.locator("#id_case_number").fill(case.number)
    page.locator("#id_national_id").fill(OTHER_ID)
    with page.expect_navigation():
        page.locator("#id_national_id").press("Enter")
    assert page.locator("#error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    axe(page)

    # A birth date in the future gets its own message.
    page.locator("#id_national_id").fill("")
    page.locator("#id_birth_date").fill("300/1/1")
    with page.expect_navigation():
        page.locator("#id_birth_date").press("Enter")
    assert page.locator("#query-error").is_visible()

    # The right facts show the timeline, the expected date and the office's phone.
    page.locator("#id_case_number").fill(case.number.lower())
    page.locator("#id_national_id").fill(NATIONAL_ID)
    page.locator("#id_birth_date").fill("")
    with page.expect_navigation():
        page.locator("#id_national_id").press("Enter")
    timeline = page.locator(".case-timeline")
    assert timeline.is_visible()
    assert page.locator("[aria-current=step]").count() == 1
    assert case.office.phone in page.content()
    assert "陳美玲" not in page.content()
    axe(page)
    page.screenshot(path=str(SHOTS / "case-progress.png"), full_page=True)

    # By birth date (ROC) instead of the ID number.
    page.goto(f"{live_site}/cases/query/")
    page.locator("#id_case_number").fill(case.number)
    page.locator("#id_birth_date").fill("75/8/9")
    with page.expect_navigation():
        page.locator("#id_birth_date").press("Enter")
    assert page.locator(".case-timeline").is_visible()


def test_an_applicant_signs_up_online_hears_of_a_move_and_stops(page, live_site, axe):
    mail.outbox.clear()
    office = Office.objects.get(code="huxi")
    case = services.register_case(
        office=office,
        service=RegistrationService.objects.get(slug="house-number-assignment"),
        applicant_name="林志豪",
        national_id=NATIONAL_ID,
        birth_date=dt.date(1986, 8, 9),
    )
    page.goto(f"{live_site}/cases/query/")
    page.locator("#id_case_number").fill(case.number)
    page.locator("#id_national_id").fill(NATIONAL_ID)
    with page.expect_navigation():
        page.locator("#id_national_id").press("Enter")
    assert page.locator("#case-notify-title").is_visible()
    axe(page)

    # A malformed address gets the error summary, focused, and the form again.
    page.locator("#id_email").fill("a@b.c Bcc: x@y.z")
    with page.expect_navigation():
        page.locator("#id_email").press("Enter")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    axe(page)

    # By keyboard: tab from the e-mail field through the phone field to the button.
    page.locator("#id_email").fill("lin@example.com")
    page.locator("#id_email").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_phone"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "case-notify-submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/cases/query/notify/done/")
    axe(page)
    assert [m.to for m in mail.outbox] == [["lin@example.com"]]

    # The clerk moves the case; the applicant hears of it.
    services.move_stage(case, Stage.REVIEW)
    assert len(mail.outbox) == 2
    assert case.number in mail.outbox[1].body
    stop = re.search(r"/cases/notify/stop/[^/\s]+/", mail.outbox[1].body).group(0)

    # The stop link asks first; only the button stops.
    page.goto(f"{live_site}{stop}")
    axe(page)
    case.refresh_from_db()
    assert case.notify_email
    page.locator("#case-notify-stop").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#case-notify-stopped").is_visible()
    axe(page)
    case.refresh_from_db()
    assert not case.notify_email
    services.move_stage(case, Stage.DECISION)
    assert len(mail.outbox) == 2
