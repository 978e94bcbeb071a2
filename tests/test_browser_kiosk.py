"""The kiosk (取號機) in a real browser: a kiosk signs in and a citizen takes a ticket by
keyboard alone, the printed ticket fits an 80 mm roll, and the kiosk, the printed ticket,
the live queue and the ticket page pass axe with no violations."""

import datetime as dt
import io
from pathlib import Path
from unittest import mock

import pytest
from django.utils import timezone
from pypdf import PdfReader

from huzheng.appointments.models import Booking
from huzheng.catalog.models import RegistrationService
from huzheng.queueing import services
from huzheng.queueing.demo import DEMO_KIOSK_TOKEN
from huzheng.queueing.models import Counter, Ticket

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.fixture
def kiosk_site(live_site, settings):
    # The demo office takes tickets at any hour in demo mode.
    settings.HUZHENG_DEMO = True
    SHOTS.mkdir(parents=True, exist_ok=True)
    return live_site


def _tab_to(page, selector, limit=60):
    """Press Tab until the element matching selector has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    pytest.fail(f"Tab never reached {selector}")


def _sign_in_by_keyboard(page, site):
    page.goto(site + "/queue/huxi/kiosk/")
    assert page.url.endswith("/queue/huxi/kiosk/sign-in/")
    _tab_to(page, "#kiosk-token")
    page.keyboard.type(DEMO_KIOSK_TOKEN)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/queue/huxi/kiosk/")


def test_a_ticket_by_keyboard_alone_from_sign_in_to_print(page, kiosk_site, axe):
    page.goto(kiosk_site + "/queue/huxi/kiosk/sign-in/")
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-sign-in.png", full_page=True)

    _sign_in_by_keyboard(page, kiosk_site)
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-start.png", full_page=True)

    _tab_to(page, 'a[href$="?category=certificate"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-category.png", full_page=True)
    first_service = page.locator('button[name="service"]').first
    name = first_service.inner_text()
    _tab_to(page, 'button[name="service"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/queue/huxi/kiosk/t/" in page.url
    assert "print=1" not in page.url  # printed once; a reload does not print again
    ticket = Ticket.objects.get()
    assert ticket.series.letter == "B"
    assert page.locator(".ticket__number").inner_text() == ticket.label == "B001"
    assert name in page.locator(".ticket__service").inner_text()
    assert page.locator(".ticket svg.qr-code").count() == 1
    assert page.locator("[data-print]").is_visible()
    assert page.locator("[data-countdown]").is_visible()
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-ticket.png", full_page=True)

    # The stay button stops the return to the start.
    page.locator("[data-stay]").focus()
    page.keyboard.press("Enter")
    assert page.locator("[data-countdown]").is_hidden()

    # The address no longer asks to print, so a reload shows the ticket without printing.
    page.reload()
    page.locator("[data-stay]").click()
    page.emulate_media(media="print")
    width = page.evaluate("document.body.getBoundingClientRect().width")
    ticket_box = page.locator(".ticket").bounding_box()
    assert width <= 80 * MM
    assert ticket_box["width"] <= 80 * MM
    assert page.locator(".kiosk-header").is_hidden()
    assert page.locator("[data-print]").is_hidden()
    assert page.locator(".ticket__number").is_visible()
    page.screenshot(path=SHOTS / "kiosk-ticket-print.png", full_page=True)
    # Printed, the page is the 80 mm roll.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    page_width_mm = float(pdf.pages[0].mediabox.width) / 72 * 25.4
    assert abs(page_width_mm - 80) < 1


def _booking_now(code):
    """A booking at huxi starting in five minutes, so check-in is open."""
    now = timezone.now()
    return Booking.objects.create(
        code=code,
        office_id=Counter.objects.get(office__code="huxi", number=1).office_id,
        service=RegistrationService.objects.filter(bookable=True).first(),
        start=now + dt.timedelta(minutes=5),
        end=now + dt.timedelta(minutes=20),
        place=1,
        name="測試",
        national_id_hash="x",
        national_id_encrypted="x",
        national_id_masked="A12****789",
        phone="0912345678",
    )


def _check_in_screen(page, site):
    _sign_in_by_keyboard(page, site)
    _tab_to(page, 'a[href$="?mode=check-in"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[data-keypad]").is_visible()


# The booking confirmation's QR code carries the bare code, which is what the kiosk reads.
FAKE_CAMERA = """
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(["qr_code"]); }
  detect() { return Promise.resolve([{ rawValue: "%s" }]); }
};
navigator.mediaDevices.getUserMedia = () => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 32;
  canvas.getContext("2d").fillRect(0, 0, 32, 32);
  return Promise.resolve(canvas.captureStream());
};
"""


def test_check_in_by_the_keypad_by_mouse_and_keyboard_and_by_the_qr_code(
    page, browser, kiosk_site, axe
):
    by_mouse, by_keyboard, by_camera = (
        _booking_now(code) for code in ("HN2345AB", "AB2345HN", "KP3456QR")
    )
    _check_in_screen(page, kiosk_site)
    keys = page.eval_on_selector_all("[data-key]", "keys => keys.map(k => k.dataset.key)")
    assert "O" not in keys and "I" not in keys and "0" not in keys  # not in any code
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-check-in-keypad.png", full_page=True)

    # By mouse or finger: a wrong key, Delete, Clear, then the code.
    page.locator('[data-key="X"]').click()
    page.locator("[data-key-delete]").click()
    page.locator('[data-key="Z"]').click()
    page.locator("[data-key-clear]").click()
    assert page.locator("#appointment-code").input_value() == ""
    for key in by_mouse.code:
        page.locator(f'[data-key="{key}"]').click()
    assert page.locator("#appointment-code").input_value() == by_mouse.code
    assert by_mouse.code[-1] in page.locator("[data-code-spoken]").inner_text()
    with page.expect_navigation():
        page.locator('.kiosk-check-in button[type="submit"]').click()
    assert page.locator(".ticket__number").inner_text() == "C001"
    by_mouse.refresh_from_db()
    assert by_mouse.status == Booking.Status.CHECKED_IN

    # By keyboard alone: Tab to the keypad, move between keys with Tab, press with Enter.
    page.goto(kiosk_site + "/queue/huxi/kiosk/?mode=check-in")
    _tab_to(page, "[data-key]")
    at = 0
    for key in by_keyboard.code:
        target = keys.index(key)
        for _ in range(abs(target - at)):
            page.keyboard.press("Tab" if target > at else "Shift+Tab")
        at = target
        assert page.evaluate("document.activeElement.dataset.key") == key
        page.keyboard.press("Enter")
    _tab_to(page, '.kiosk-check-in button[type="submit"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".ticket__number").inner_text() == "C002"
    by_keyboard.refresh_from_db()
    assert by_keyboard.status == Booking.Status.CHECKED_IN

    # A touch kiosk with a camera reads the booking's QR code.
    touch = browser.new_context(
        locale="zh-TW", viewport={"width": 1080, "height": 1920}, has_touch=True, bypass_csp=True
    )
    try:
        kiosk = touch.new_page()
        kiosk.add_init_script(FAKE_CAMERA % by_camera.code)
        _check_in_screen(kiosk, kiosk_site)
        assert kiosk.locator("[data-scan]").is_visible()
        axe(kiosk)
        with kiosk.expect_navigation():
            kiosk.locator("[data-scan-start]").tap()
        assert kiosk.locator(".ticket__number").inner_text() == "C003"
    finally:
        touch.close()
    by_camera.refresh_from_db()
    assert by_camera.status == Booking.Status.CHECKED_IN
    # Without a QR reader the scan is not offered; the keypad is.
    page.goto(kiosk_site + "/queue/huxi/kiosk/?mode=check-in")
    assert page.locator("[data-scan]").is_hidden()


def test_priority_by_keyboard(page, kiosk_site):
    _sign_in_by_keyboard(page, kiosk_site)
    _tab_to(page, 'a[href$="?priority=1"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, 'a[href*="category=registration"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, 'button[name="service"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".ticket__number").inner_text() == "P001"


def test_the_check_in_screen_refuses_a_malformed_code(page, kiosk_site, axe):
    _sign_in_by_keyboard(page, kiosk_site)
    _tab_to(page, 'a[href$="?mode=check-in"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "#appointment-code")
    page.keyboard.type("abc")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#appointment-code").get_attribute("aria-invalid") == "true"
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-check-in-error.png", full_page=True)
    assert not Ticket.objects.exists()


def test_the_live_queue_and_the_ticket_page(page, kiosk_site, axe, demo_data):
    office = demo_data["huxi"]
    first, _ = services.issue_ticket(office, idempotency_key="browser-1")
    second, _ = services.issue_ticket(office, idempotency_key="browser-2")
    counter = Counter.objects.get(office=office, number=1)
    services.call_next(counter)

    page.goto(kiosk_site + "/queue/huxi/")
    assert page.locator('[data-series="A"] [data-field="now_serving"]').inner_text() == first.label
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-live.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=SHOTS / "kiosk-live-print.png", full_page=True)
    page.emulate_media(media="screen")

    page.goto(kiosk_site + f"/queue/huxi/t/{second.pk}/")
    assert page.locator("[data-status]").get_attribute("data-status") == "waiting"
    assert page.locator("[data-ahead]").inner_text() == "0"
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-ticket-page.png", full_page=True)

    # When the ticket is called the page says where to go: the script fetches the page
    # again (here on becoming visible, as it does every few seconds) and says it aloud.
    services.call_next(Counter.objects.get(office=office, number=2))
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.locator('[data-status="called"]').wait_for(timeout=5000)
    page.locator("[data-live-summary]").filter(has_text="2").wait_for(timeout=5000)
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-ticket-page-called.png", full_page=True)


def test_the_english_kiosk(page, kiosk_site, axe):
    _sign_in_by_keyboard(page, kiosk_site)
    _tab_to(page, 'button[name="language"][value="en"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    axe(page)
    page.screenshot(path=SHOTS / "kiosk-start-en.png", full_page=True)


def test_the_closed_kiosk_offers_no_buttons(page, kiosk_site, axe, settings):
    _sign_in_by_keyboard(page, kiosk_site)
    settings.HUZHENG_DEMO = False
    sunday = timezone.make_aware(dt.datetime(2026, 11, 29, 10, 0))
    with mock.patch("django.utils.timezone.now", return_value=sunday):
        page.reload()
        assert page.locator("[data-closed]").is_visible()
        assert page.locator(".office-hours").is_visible()
        assert page.locator('button[name="service"], a[href*="priority"]').count() == 0
        axe(page)
        page.screenshot(path=SHOTS / "kiosk-closed.png", full_page=True)
