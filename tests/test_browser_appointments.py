"""Booking an appointment in a real browser, by keyboard alone: choose a service, a day on
the calendar and a time, fix the form's errors, get the confirmation and its e-mail with a
calendar file, then find the booking again to move and cancel it; every page passes axe.
At the office, the booking code at the kiosk gives a ticket in the check-in line."""

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from huzheng.appointments import services
from huzheng.appointments.models import Booking
from huzheng.core.identity import check_digit_for
from huzheng.core.models import OpeningPeriod, SpecialDay
from huzheng.queueing.demo import DEMO_KIOSK_TOKEN

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
SERVICE = "id-card-replacement"
NATIONAL_ID = "A12345678" + check_digit_for("A12345678")


@pytest.fixture
def site(live_site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    return live_site


def _tab_to(page, selector, limit=250):
    """Press Tab until the element matching selector has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    pytest.fail(f"Tab never reached {selector}")


def _enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _free_days(office, service, count):
    """The first days in the booking window with free times (the tests follow the clock)."""
    today = timezone.localdate()
    found = []
    for offset in range(services.policy_for(office).window_days + 1):
        day = today + dt.timedelta(days=offset)
        if any(s.available for s in services.day_slots(office, service, day)):
            found.append(day)
            if len(found) == count:
                return found
    pytest.fail("not enough free days in the booking window")


def test_booking_moving_and_cancelling_by_keyboard(page, site, axe, demo_data):
    office = demo_data["huxi"]
    service = services.get_bookable_service(SERVICE)
    first_day, second_day = _free_days(office, service, 2)

    page.goto(site + "/appointments/")
    axe(page)
    page.screenshot(path=SHOTS / "appointments-index.png", full_page=True)
    _tab_to(page, f'main a[href="/appointments/{SERVICE}/"]')
    _enter(page)
    assert page.locator("table.calendar caption").inner_text().startswith("民國")
    axe(page)

    # A day with free times is a link that names the date and the number of free times.
    day_name = f"{first_day.month}月{first_day.day}日"
    link = page.locator(f'table.calendar a[href*="day={first_day.isoformat()}"]')
    if link.count():
        free = services.month_availability(office, service, first_day.year, first_day.month)
        assert day_name in link.text_content()
        assert str(free[first_day]) in link.text_content()
    if page.locator(f'table.calendar a[href*="day={first_day.isoformat()}"]').count() == 0:
        _tab_to(page, 'a[rel="next"]')
        _enter(page)
    _tab_to(page, f'table.calendar a[href*="day={first_day.isoformat()}"]')
    _enter(page)
    assert day_name in page.locator("fieldset.time-choices legend").inner_text()
    axe(page)
    page.screenshot(path=SHOTS / "appointments-calendar.png", full_page=True)

    # Submitting the empty form names every missing detail and links to its field.
    page.locator("#id_name").focus()
    _enter(page)
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_national_id").get_attribute("aria-invalid") == "true"
    axe(page)
    page.screenshot(path=SHOTS / "appointments-form-errors.png", full_page=True)

    # The details, by keyboard.
    page.locator("#id_start_0").focus()
    page.keyboard.press("Space")
    chosen = page.locator("#id_start_0").get_attribute("value")
    page.keyboard.press("Tab")
    page.keyboard.type("王小明")
    page.keyboard.press("Tab")
    page.keyboard.type(NATIONAL_ID)
    page.keyboard.press("Tab")
    page.keyboard.type("0912345678")
    page.keyboard.press("Tab")
    page.keyboard.type("citizen@example.com")
    _enter(page)

    assert "/appointments/booked/" in page.url
    # The name is encrypted at rest: compared after reading.
    [booking] = [
        b
        for b in Booking.objects.filter(national_id_masked__startswith="A12")
        if b.name == "王小明"
    ]
    assert timezone.localtime(booking.start).isoformat() == chosen
    assert page.locator(".booking-card__code").inner_text() == booking.code
    assert page.locator(".booking-card svg.qr-code").count() == 1
    axe(page)
    page.screenshot(path=SHOTS / "appointments-booked.png", full_page=True)
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".booking-card__code").is_visible()
    page.screenshot(path=SHOTS / "appointments-booked-print.png", full_page=True)
    page.emulate_media(media="screen")

    sent = [m for m in mail.outbox if m.to == ["citizen@example.com"]]
    assert sent and sent[-1].attachments[0][0] == f"appointment-{booking.code}.ics"

    # Later, in the same browser: find it with the code and ID number.
    page.goto(site + "/appointments/manage/")
    axe(page)
    page.locator("#id_code").focus()
    page.keyboard.type(booking.code.lower())
    page.keyboard.press("Tab")
    page.keyboard.type(NATIONAL_ID)
    _enter(page)
    assert page.locator(".booking-card__code").inner_text() == booking.code
    axe(page)
    page.screenshot(path=SHOTS / "appointments-manage.png", full_page=True)

    # Move to the next free day.
    _tab_to(page, 'main a[href="/appointments/manage/move/"]')
    _enter(page)
    axe(page)
    if page.locator(f'table.calendar a[href*="day={second_day.isoformat()}"]').count() == 0:
        _tab_to(page, 'a[rel="next"]')
        _enter(page)
    _tab_to(page, f'table.calendar a[href*="day={second_day.isoformat()}"]')
    _enter(page)
    page.locator("#id_start_0").focus()
    page.keyboard.press("Space")
    new_start = page.locator("#id_start_0").get_attribute("value")
    _tab_to(page, "#times button[type=submit]")
    _enter(page)
    booking.refresh_from_db()
    assert timezone.localtime(booking.start).isoformat() == new_start
    assert page.get_by_role("status").is_visible()
    axe(page)

    # Cancel, after the confirm step.
    _tab_to(page, 'main a[href="/appointments/manage/cancel/"]')
    _enter(page)
    axe(page)
    page.screenshot(path=SHOTS / "appointments-cancel.png", full_page=True)
    _tab_to(page, "button.button--danger")
    _enter(page)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    axe(page)


def test_a_wrong_booking_code_gets_one_clear_message(page, site, axe):
    page.goto(site + "/appointments/manage/")
    page.locator("#id_code").focus()
    page.keyboard.type("ZZZZZZZZ")
    page.keyboard.press("Tab")
    page.keyboard.type(NATIONAL_ID)
    _enter(page)
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#id_code").get_attribute("aria-invalid") == "true"
    axe(page)


def test_the_english_booking_page(page, site, axe):
    page.goto(site + f"/appointments/{SERVICE}/")
    _tab_to(page, '.language-switch a[hreflang="en"]')
    _enter(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert "(ROC " in page.locator("table.calendar caption").inner_text()
    axe(page)


def test_the_booking_code_checks_in_at_the_kiosk(page, site, demo_data):
    office = demo_data["huxi"]
    service = services.get_bookable_service(SERVICE)
    # Open the office all day today, so there is an appointment time now.
    now = timezone.localtime()
    today = now.date()
    SpecialDay.objects.update_or_create(
        office=office,
        date=today,
        defaults={"is_open": True, "kind": SpecialDay.Kind.OTHER, "reason": "test"},
    )
    OpeningPeriod.objects.filter(office=office, weekday=today.weekday()).delete()
    OpeningPeriod.objects.create(
        office=office, weekday=today.weekday(), opens=dt.time(0, 0), closes=dt.time(23, 59)
    )
    booked_earlier = now - dt.timedelta(hours=3)
    slot = next(
        (
            s
            for s in services.day_slots(office, service, today, now=booked_earlier)
            if s.available and s.start > now - dt.timedelta(minutes=5) and s.end > now
        ),
        None,
    )
    early = dt.timedelta(minutes=services.policy_for(office).check_in_early_minutes)
    if slot is None or slot.start - now > early:
        pytest.skip("too close to midnight for an appointment time now")
    booking, _ = services.book(
        office,
        service,
        slot.start,
        name="王小明",
        national_id=NATIONAL_ID,
        phone="0912345678",
        now=booked_earlier,
    )

    page.goto(site + "/queue/huxi/kiosk/")
    _tab_to(page, "#kiosk-token")
    page.keyboard.type(DEMO_KIOSK_TOKEN)
    _enter(page)
    _tab_to(page, 'a[href$="?mode=check-in"]')
    _enter(page)
    _tab_to(page, "#appointment-code")
    page.keyboard.type(booking.code)
    _enter(page)

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN
    assert booking.ticket is not None
    assert booking.ticket.series.letter == "C"
    assert page.locator(".ticket__number").inner_text() == booking.ticket.label
    page.screenshot(path=SHOTS / "appointments-kiosk-check-in.png", full_page=True)
