"""ID cards in a real browser: report a card lost online (first with a wrong name, which
gets the one "do not match" answer), then check cards for all three validity answers and
a card's issue status; every page passes axe-core and works by keyboard. The counter
reports a card lost for a caller on the phone."""

import pytest

from huzheng.core import roc
from huzheng.idcards.models import LossReport
from huzheng.idcards.tests.helpers import lost_person, person

pytestmark = pytest.mark.browser


def _fill_validity(page, p, **changes):
    facts = {**p, **changes}
    page.fill("#id_national_id", facts["national_id"])
    page.fill("#id_issue_date", roc.format_short(facts["issue_date"]))
    page.check(f"input[name=issue_type][value={facts['issue_type']}]")
    page.select_option("#id_issue_place", facts["issue_place"])
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_report_a_card_lost_online(live_site, page, axe):
    p = person(1)
    page.goto(f"{live_site}/idcards/")
    axe(page)
    page.click("a[href='/idcards/lost/']")
    axe(page)
    page.fill("#id_national_id", p["national_id"])
    page.fill("#id_name", "不是本人")
    page.fill("#id_birth_date", roc.format_short(p["birth_date"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    axe(page)
    before = LossReport.objects.count()

    page.fill("#id_name", p["name"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    reference = page.locator("#loss-reference").inner_text()
    assert LossReport.objects.count() == before + 1
    assert reference.startswith("L-") and "民國" in page.content()
    axe(page)
    page.click("a[href='/idcards/lost/cancel/']")
    axe(page)


def test_validity_check_gives_all_three_answers(live_site, page, axe):
    page.goto(f"{live_site}/idcards/validity/")
    axe(page)
    _fill_validity(page, person(0))
    assert page.get_attribute("#validity-result", "data-result") == "latest"
    axe(page)
    _fill_validity(page, person(0), issue_type="first")
    assert page.get_attribute("#validity-result", "data-result") == "not_latest"
    _fill_validity(page, lost_person())
    assert page.get_attribute("#validity-result", "data-result") == "reported_lost"
    axe(page)
    page.fill("#id_national_id", "X100000010")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#error-summary").is_visible()
    axe(page)


def test_issue_status_page(live_site, page, axe):
    ready = person(9)
    page.goto(f"{live_site}/idcards/status/")
    axe(page)
    page.fill("#id_national_id", ready["national_id"])
    page.fill("#id_birth_date", roc.format_short(ready["birth_date"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "湖西" in page.locator("#issue-status").inner_text()
    axe(page)


def test_a_card_lost_by_phone_is_reported_by_the_counter(live_site, page):
    """A caller reports a card lost by phone: the counter types the facts and the caller's
    answers to the verification questions, and gets the reference to read out."""
    from huzheng.core.demo import DEMO_PASSWORD

    p = person(2)
    page.goto(f"{live_site}/admin/login/?next=/admin/idcards/lost/phone/")
    page.fill("#id_username", "counter")
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/idcards/lost/phone/" in page.url
    page.fill("#id_national_id", p["national_id"])
    page.fill("#id_name", p["name"])
    page.fill("#id_birth_date", roc.format_short(p["birth_date"]))
    page.fill("#id_registered_address", "澎湖縣湖西鄉湖西村1號")
    page.fill("#id_parent_name", "王大同")
    page.fill("#id_caller_phone", "0912345678")
    with page.expect_navigation():
        page.locator("#id_caller_phone").press("Enter")
    report = LossReport.objects.get(channel=LossReport.Channel.PHONE)
    assert report.reference in page.content()


def test_a_card_registered_and_marked_ready_at_the_counter_shows_ready_online(live_site, page, axe):
    """The counter registers a card applied for and, when it arrives, marks it ready; the
    citizen's look-up then says where to collect it."""
    from huzheng.core.demo import DEMO_PASSWORD
    from huzheng.core.models import Office
    from huzheng.idcards.models import IdCardApplication

    p = person(0)
    office = Office.objects.get(code="huxi")
    page.goto(f"{live_site}/admin/login/?next=/admin/idcards/applications/new/")
    page.fill("#id_username", "counter")
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/idcards/applications/new/" in page.url
    axe(page, context=".idcard-applications")
    page.fill("#id_national_id", p["national_id"])
    page.fill("#id_birth_date", roc.format_short(p["birth_date"]))
    page.check("input[name=kind][value=replacement]")
    page.fill("#id_phone", "0912345678")
    with page.expect_navigation():
        page.locator("#id_phone").press("Enter")
    # The phone is encrypted at rest: compared after reading.
    [application] = [
        a for a in IdCardApplication.objects.filter(status="processing") if a.phone == "0912345678"
    ]
    assert "/admin/idcards/applications/" in page.url
    assert p["national_id"] not in page.content()
    axe(page, context=".idcard-applications")

    row = page.locator(f"#application-{application.pk}")
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    application.refresh_from_db()
    assert application.status == "ready"
    assert "民國" in page.content()

    page.goto(f"{live_site}/idcards/status/")
    page.fill("#id_national_id", p["national_id"])
    page.fill("#id_birth_date", roc.format_short(p["birth_date"]))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    status = page.locator("#issue-status").inner_text()
    assert office.name in status and "領取" in status
    axe(page)
