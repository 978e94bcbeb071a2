"""The service-quality plan in a real browser: the public plan page passes axe on a
desktop and a phone, works by keyboard and prints; the director walks from the home's
figures to an overdue case and back, records the monthly meeting and prints the
self-evaluation, whose Chinese text reads back from the PDF."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from huzheng.cases.models import Case
from huzheng.core.demo import DEMO_PASSWORD
from huzheng.quality.models import Meeting

pytestmark = pytest.mark.browser


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_the_public_plan_is_accessible_on_desktop_and_phone(page, live_site, axe):
    page.goto(f"{live_site}/quality/")
    axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="民國103年").click()
    assert page.url.endswith("/quality/103/")
    assert page.locator("table.plan-points tfoot td").inner_text().strip() == "100"
    axe(page)
    # By keyboard: the PDF link is reachable and named.
    for _n in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href') || ''").endswith("plan.pdf"):
            break
    else:
        pytest.fail("the PDF link is not reachable by keyboard")
    page.emulate_media(media="print")
    assert not page.locator(".downloads").is_visible()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    axe(page)


def test_the_director_acts_on_the_home_records_a_meeting_and_prints(page, live_site, axe):
    from pypdf import PdfReader

    case = Case.objects.filter(office__code="huxi").first()
    Case.objects.filter(pk=case.pk).update(due_on=timezone.localdate() - dt.timedelta(days=3))
    log_in(page, live_site, "director", "/admin/")
    home = page.url
    assert page.locator(".director-home").is_visible()
    assert page.locator('[data-figure="waiting"]').is_visible()
    assert page.locator('[data-figure="cases_overdue"] .director-home__value').inner_text() == "1"

    # From the home to the overdue case, and back.
    with page.expect_navigation():
        page.locator(".director-home__cases a").first.click()
    assert page.url.endswith(f"/admin/cases/{case.pk}/")
    assert case.number in page.content()
    page.go_back()
    assert page.url == home

    # The monthly meeting.
    with page.expect_navigation():
        page.locator(".director-home__links a", has_text="所務會議").click()
    with page.expect_navigation():
        page.get_by_role("link", name="記錄所務會議").click()
    page.locator("#id_chair").fill("主任")
    page.locator("#id_notes").fill("檢討本月等候時間及逾期案件")
    page.locator("#id_decisions").fill("逾期案件本週內結案")
    page.locator("#id_check-0-subject").fill("一次告知單開立")
    page.locator("#id_check-0-finding").fill("符合規定")
    page.locator("#id_action-0-action").fill("逾期案件結案")
    page.locator("#id_action-0-owner").fill("承辦人")
    with page.expect_navigation():
        page.get_by_role("button", name="儲存會議紀錄").click()
    meeting = Meeting.objects.get(office__code="huxi")
    assert page.url.endswith(f"/admin/quality/meetings/{meeting.pk}/")
    assert "一次告知單開立" in page.content()
    assert any(f["key"] == "cases.open_overdue" and f["value"] == 1 for f in meeting.figures)

    # The self-evaluation, scored and printed.
    page.goto(f"{live_site}/admin/quality/evaluation/")
    first = page.locator("input[name$='-self_score']").first
    first.fill("5")
    page.locator("textarea[name$='-text']").first.fill("已依規定訂定計畫並報府備查")
    with page.expect_navigation():
        page.get_by_role("button", name="儲存自評").click()
    link = page.get_by_role("link", name="列印自評表（PDF）")
    response = page.request.get(live_site + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.body())).pages
    text = "".join(p.extract_text() for p in pages).replace(" ", "").replace("\n", "")
    assert "已依規定訂定計畫並報府備查" in text
    assert "提升服務品質執行計畫自評表" in text
