"""The staff appointment schedule in a real browser: the director logs in, opens the
day's schedule of the demo office and marks a booking attended, by keyboard."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from huzheng.appointments.models import Booking
from huzheng.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def test_the_director_marks_a_booking_attended_on_the_schedule(page, live_site, axe):
    booking = Booking.objects.filter(office__code="huxi").order_by("start").first()
    assert booking is not None, "the demo data books a few appointments"
    # A booking is marked attended on its day: this one's time came half an hour ago.
    start = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(minutes=30)
    Booking.objects.filter(pk=booking.pk).update(start=start, end=start + dt.timedelta(minutes=15))
    booking.refresh_from_db()
    day = timezone.localdate(booking.start).isoformat()
    schedule = f"/admin/appointments/schedule/?office=huxi&day={day}"

    log_in(page, live_site, "director", schedule.replace("&", "%26"))
    assert "/admin/appointments/schedule/" in page.url
    row = page.locator("tr", has_text=booking.code)
    assert row.count() == 1
    assert booking.national_id_masked in row.inner_text()
    axe(page, context=".appt-schedule")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "appointment-schedule.png"), full_page=True)

    # By keyboard: focus the row's "attended" button and press Enter.
    button = row.locator("form:has(input[name=status][value=attended]) button")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    booking.refresh_from_db()
    assert booking.status == Booking.Status.ATTENDED
    assert day in page.url  # back on the same day
    row = page.locator("tr", has_text=booking.code)
    assert row.locator("form:has(input[name=status][value=attended])").count() == 0
    assert page.locator(".messages").count() >= 1


def test_the_director_changes_the_rules_and_blocks_an_hour(page, live_site):
    from huzheng.appointments.models import AppointmentPolicy, SlotBlock

    log_in(page, live_site, "director", "/admin/appointments/rules/")
    assert "/admin/appointments/rules/" in page.url
    page.locator("#id_window_days").fill("45")
    with page.expect_navigation():
        page.locator("#id_window_days").press("Enter")
    assert AppointmentPolicy.objects.get(office__code="huxi").window_days == 45
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "appointment-rules.png"), full_page=True)

    page.goto(f"{live_site}/admin/appointment_blocks/new/")
    page.locator("#id_start").fill("2099-01-05 09:00")
    page.locator("#id_end").fill("2099-01-05 08:00")
    page.locator("#id_reason").fill("所務會議")
    page.locator("#id_reason").press("Enter")
    page.wait_for_load_state()
    page.screenshot(path=str(SHOTS / "appointment-block-error.png"), full_page=True)
    assert "/admin/appointment_blocks/new/" in page.url  # the form again, with its error
    assert page.locator("#id_end").is_visible()
    assert not SlotBlock.objects.exists()
