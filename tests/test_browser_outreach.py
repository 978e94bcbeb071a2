"""戶政即時通 in a real browser: a clerk takes a reported birth nobody registered from new
through a logged phone call and a printed written reminder (催告) to registered, which
happens by itself when the counter closes the birth registration; the counter then
prints the after-birth list. The public lists pass axe on a desktop and on a phone."""

import datetime as dt
import io

import pytest

from huzheng.cases import services as cases
from huzheng.catalog.models import RegistrationService
from huzheng.core import roc
from huzheng.core.demo import DEMO_PASSWORD
from huzheng.core.identity import check_digit_for
from huzheng.core.models import Office
from huzheng.outreach import services
from huzheng.outreach.models import Source, State

pytestmark = pytest.mark.browser

NATIONAL_ID = "E12876543" + check_digit_for("E12876543")


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_a_reported_birth_is_called_reminded_registered_and_gets_its_list(page, live_site, axe):
    from pypdf import PdfReader

    office = Office.objects.get(code="huxi")
    birth = RegistrationService.objects.get(slug="birth")
    item, _created = services.add_item(
        office=office,
        source=Source.BIRTH_REPORT,
        service=birth,
        person_name="許小安",
        national_id=NATIONAL_ID,
        event_date=roc.today() - dt.timedelta(days=75),
        address="澎湖縣湖西鄉湖西村88號",
        phone="0912000111",
    )
    assert item.state == State.NEW

    # The clerk finds it on the worklist, overdue, and opens it.
    log_in(page, live_site, "clerk", "/admin/outreach/?due=overdue")
    row = page.locator(f"tr[data-item='{item.number}']")
    assert "outreach-overdue" in row.get_attribute("class")
    with page.expect_navigation():
        row.get_by_role("link", name=item.number).click()

    # A logged call that reached the mother.
    page.locator("#id_outcome").select_option("reached")
    page.locator("#id_note").first.fill("母親說這週來辦")
    with page.expect_navigation():
        page.locator("form.outreach-call button[type=submit]").click()
    assert page.locator("#item-state").get_attribute("data-state") == State.TOLD

    # Nothing came of it: the written reminder, numbered in the register, printed.
    with page.expect_navigation():
        page.locator("button[data-action=reminder-letter]").click()
    assert page.locator("#item-state").get_attribute("data-state") == State.REMINDED
    link = page.locator("a[data-letter]").first
    number = link.get_attribute("data-letter")
    assert number.startswith("湖西戶字第")
    response = page.request.get(live_site + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(PdfReader(io.BytesIO(response.body())).pages[0].extract_text().split())
    assert f"發文字號：{number}" in text
    assert f"發文日期：{roc.format_long(roc.today())}" in text
    item.refresh_from_db()
    assert roc.format_long(item.deadline) in text
    assert roc.format_long(item.event_date) in text

    # The parent registers the birth at the counter; closing the case settles the item.
    case = cases.register_case(
        office=office,
        service=birth,
        applicant_name="許小安",
        national_id=NATIONAL_ID,
        birth_date=item.event_date,
    )
    log_in(page, live_site, "counter", f"/admin/cases/{case.pk}/")
    with page.expect_navigation():
        page.locator("form.case-close button[type=submit]").click()
    item.refresh_from_db()
    assert item.state == State.REGISTERED and item.registered_by == case.number

    # The counter prints the after-birth list for the parent.
    what_next = page.locator("a[data-what-next=birth]")
    assert what_next.is_visible()
    page.goto(live_site + what_next.get_attribute("href"))
    assert page.get_by_role("heading", name="辦理出生登記後相關權益一覽表").is_visible()
    axe(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").first.is_visible()
    assert page.get_by_text("勞動部勞工保險局").first.is_visible()
    page.emulate_media(media="screen")


def test_the_public_lists_pass_axe_on_a_phone_and_by_keyboard(page, live_site, axe):
    page.goto(f"{live_site}/what-next/")
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    for event in ("birth", "death", "name-change"):
        page.goto(f"{live_site}/what-next/{event}/")
        assert page.locator("table.outreach-lines tbody tr").count() >= 3
        axe(page)
    page.goto(f"{live_site}/what-next/")
    link = page.get_by_role("link", name="死亡登記身後事一覽表")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/what-next/death/")
