"""Home visits, group applications and outreach sessions end to end in a real browser: a
citizen asks, the director confirms a time in the back office and the citizen's e-mail
goes out; the director publishes a session and a school books places in it. Every
public page on the way passes axe (WCAG 2.1 AA), with and without errors."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.browser

PASSWORD = "huzheng-demo"


def _log_in(page, site, username="director"):
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def _submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).last.click()


def _tomorrow_roc():
    day = timezone.localdate() + dt.timedelta(days=1)
    return day, f"{day.year - 1911}/{day.month}/{day.day}"


def _confirm_in_admin(page, live_site, list_path, code):
    _log_in(page, live_site)
    page.goto(live_site + list_path)
    with page.expect_navigation():
        page.get_by_role("link", name=code).click()
    day, roc = _tomorrow_roc()
    page.locator("#id_confirm-date").fill(roc)
    page.locator("#id_confirm-time").fill("14:30")
    with page.expect_navigation():
        page.locator("input[name=action][value=confirm] ~ button[type=submit]").click()
    return day


def test_a_home_visit_is_requested_confirmed_and_the_citizen_is_told(page, live_site, axe):
    from huzheng.appointments.models import HomeVisit
    from huzheng.appointments.tests.factories import a_national_id

    mail.outbox.clear()
    page.goto(live_site + "/appointments/home-visit/")
    assert page.locator("h1").count() == 1
    axe(page)

    # Sent empty: every missing detail is listed and the summary takes the focus.
    _submit(page)
    assert page.locator("#error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator(".field-error").count() >= 1
    axe(page)

    page.select_option("#id_service", index=1)
    _submit(page)
    assert page.locator("#id_national_id[aria-invalid=true]").count() == 1
    axe(page)

    page.locator("#id_person_name").fill("王阿嬤")
    page.locator("#id_national_id").fill(a_national_id(11, sex="2"))
    page.select_option("#id_village", index=1)
    page.locator("#id_address").fill("湖西鄉湖西村100號")
    page.locator("#id_reason_0").check()
    page.locator("#id_preferred_dates").fill("平日上午")
    page.locator("#id_contact_name").fill("王小明")
    page.locator("#id_phone").fill("0912345678")
    page.locator("#id_email").fill("wang@example.com")
    _submit(page)
    assert "/appointments/home-visit/thanks/" in page.url
    visit = HomeVisit.objects.get()
    assert visit.code in page.locator(".request-code").inner_text()
    axe(page)

    day = _confirm_in_admin(page, live_site, "/admin/appointment-requests/home-visits/", visit.code)
    visit.refresh_from_db()
    assert visit.status == HomeVisit.Status.CONFIRMED
    assert timezone.localtime(visit.scheduled_at).date() == day
    assert [m.to for m in mail.outbox] == [["wang@example.com"]]
    assert visit.code in mail.outbox[0].subject
    page.goto(live_site + "/admin/appointment-requests/home-visits/schedule/")
    assert page.get_by_text("湖西鄉湖西村100號").is_visible()


def test_a_group_application_is_sent_and_confirmed(page, live_site, axe):
    from huzheng.appointments.models import GroupRequest

    mail.outbox.clear()
    page.goto(live_site + "/appointments/group/")
    axe(page)
    page.locator("#id_organisation").fill("湖西鄉農會")
    page.locator("#id_people").fill("1")  # one person is not a group
    page.select_option("#id_service", index=1)
    page.locator("#id_preferred_dates").fill("12月週三下午")
    page.locator("#id_contact_name").fill("陳總幹事")
    page.locator("#id_phone").fill("069921234")
    page.locator("#id_email").fill("farm@example.com")
    _submit(page)
    assert page.locator("#id_people[aria-invalid=true]").count() == 1
    assert not GroupRequest.objects.exists()
    axe(page)

    page.locator("#id_people").fill("30")
    _submit(page)
    assert "/appointments/group/thanks/" in page.url
    application = GroupRequest.objects.get()
    assert application.code in page.locator(".request-code").inner_text()
    axe(page)

    _confirm_in_admin(page, live_site, "/admin/appointment-requests/groups/", application.code)
    application.refresh_from_db()
    assert application.status == GroupRequest.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["farm@example.com"]]


def test_staff_publish_a_session_and_citizens_book_places(browser, page, live_site, axe):
    from huzheng.appointments.models import OutreachSession, SessionBooking

    start = timezone.localtime() + dt.timedelta(days=21)
    _log_in(page, live_site)
    page.goto(live_site + "/admin/outreach_sessions/new/")
    page.select_option("#id_kind", value="mobile")
    page.locator("#id_title").fill("機動櫃檯：測試場次")
    page.locator("#id_place").fill("湖西鄉農會一樓")
    page.locator("#id_starts_at").fill(start.strftime("%Y-%m-%d 09:00"))
    page.locator("#id_ends_at").fill(start.strftime("%Y-%m-%d 12:00"))
    page.locator("#id_capacity").fill("30")
    page.locator("input[name=services]").first.check()
    page.keyboard.press("Escape")  # close any date picker still open
    with page.expect_navigation():
        page.locator("footer button.button-longrunning[type=submit]").first.click()
    session = OutreachSession.objects.get(title="機動櫃檯：測試場次")
    assert session.published

    citizen = browser.new_context(locale="zh-TW")
    try:
        visitor = citizen.new_page()
        visitor.goto(live_site + "/appointments/sessions/")
        assert visitor.get_by_text("機動櫃檯：測試場次").is_visible()
        axe(visitor)
        with visitor.expect_navigation():
            visitor.get_by_role("link", name="機動櫃檯：測試場次").click()
        axe(visitor)
        visitor.locator("#id_name").fill("湖西國中")
        visitor.locator("#id_phone").fill("069921234")
        visitor.locator("#id_people").fill("31")  # more than there are
        _submit(visitor)
        assert "30" in visitor.locator("#error-summary").inner_text()
        axe(visitor)
        visitor.locator("#id_people").fill("12")
        _submit(visitor)
        assert "/appointments/sessions/booked/" in visitor.url
        booking = SessionBooking.objects.get(session=session)
        assert booking.code in visitor.locator(".request-code").inner_text()
        assert "18 / 30" in visitor.locator(".places-left").inner_text()
        axe(visitor)
        visitor.goto(live_site + "/appointments/sessions/")
        assert "18 / 30" in visitor.content()
    finally:
        citizen.close()

    page.goto(live_site + f"/admin/outreach_sessions/inspect/{session.pk}/")
    assert page.get_by_text(booking.code).is_visible()
