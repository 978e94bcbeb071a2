"""The citizen booking pages (線上預約): a free time is booked once with a confirmation and
a calendar file, every bad detail is named and nothing is written, a full time offers the
nearest free ones, a double submit books once, a booking is found only with both facts
and one answer for any wrong one, and only its owner sees, moves or cancels it."""

import datetime as dt
import re
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from huzheng.appointments import services
from huzheng.appointments.models import Booking, SlotClaim
from huzheng.appointments.services.common import new_code
from huzheng.core.identity import check_digit_for
from huzheng.core.qr import qr_svg
from huzheng.queueing.services import appointment_code_is_well_formed, normalise_appointment_code

pytestmark = pytest.mark.django_db

SERVICE = "id-card-replacement"


def person_id(first_nine):
    return first_nine + check_digit_for(first_nine)


ALICE = person_id("A12345678")
BOB = person_id("B12345678")
CAROL = person_id("C22345678")


@pytest.fixture
def huxi(demo_data):
    return demo_data["huxi"]


@pytest.fixture
def service(huxi):
    return services.get_bookable_service(SERVICE)


def free_day(office, service, after=None):
    """The first day in the booking window with free times, and those times: tests follow
    the real clock, so they pick their day the way a citizen would."""
    today = timezone.localdate()
    day = after + dt.timedelta(days=1) if after else today
    last = today + dt.timedelta(days=services.policy_for(office).window_days)
    while day <= last:
        slots = [s for s in services.day_slots(office, service, day) if s.available]
        if slots:
            return day, slots
        day += dt.timedelta(days=1)
    pytest.fail("no free day in the booking window")


def page_url(service, day, **extra):
    query = f"?month={day:%Y-%m}&day={day.isoformat()}"
    query += "".join(f"&{k}={v}" for k, v in extra.items())
    return reverse("appointments:service", args=[service.slug]) + query


def details(slot, *, national_id=ALICE, key=None, **overrides):
    data = {
        "start": timezone.localtime(slot.start).isoformat(),
        "name": "王小明",
        "national_id": national_id,
        "phone": "0912345678",
        "email": "citizen@example.com",
        "idempotency_key": key or uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


def book_through_the_page(client, service, day, slot, capture, **kwargs):
    with capture(execute=True):
        response = client.post(page_url(service, day), details(slot, **kwargs))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Booking.objects.get(code=response.url.rstrip("/").rsplit("/", 1)[-1])


def verify(client, booking, national_id=ALICE):
    response = client.post(
        reverse("appointments:manage"), {"code": booking.code, "national_id": national_id}
    )
    assert response.status_code == 302


def test_the_index_lists_bookable_services_by_category_and_the_other_ways(client, service):
    response = client.get(reverse("appointments:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("appointments:service", args=[service.slug]) in html
    for path in ("/appointments/home-visit/", "/appointments/group/", "/appointments/sessions/"):
        assert path in html
    assert reverse("appointments:manage") in html


def test_the_time_at_the_counter_shows_only_where_the_office_set_it_with_a_source(
    client, huxi, service
):
    type(service).objects.filter(pk=service.pk).update(
        appointment_minutes=None, appointment_minutes_source=""
    )
    link = reverse("appointments:service", args=[service.slug])
    index = client.get(reverse("appointments:index")).content.decode()
    listed = index.split(link, 1)[1].split("</li>", 1)[0]
    assert "請洽本所" in listed and "分鐘" not in listed
    lead = client.get(link).content.decode().split('class="lead">', 1)[1].split("</p>", 1)[0]
    assert "請洽本所" in lead and huxi.phone in lead and "分鐘" not in lead

    type(service).objects.filter(pk=service.pk).update(
        appointment_minutes=20, appointment_minutes_source="本所114年櫃檯實測"
    )
    index = client.get(reverse("appointments:index")).content.decode()
    assert "約 20 分鐘" in index.split(link, 1)[1].split("</li>", 1)[0]


def test_the_calendar_links_only_days_with_free_times(client, huxi, service):
    day, slots = free_day(huxi, service)
    response = client.get(page_url(service, day))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>民國" in html
    assert html.count('scope="col"') == 7
    assert 'aria-current="date"' in html
    # The chosen day's free times are offered as a radio group with a legend.
    assert "<legend>" in html
    assert timezone.localtime(slots[0].start).isoformat() in html
    # A Sunday in the window is shown closed, in words (on its own month's page: at the
    # end of a month the free day's page may hold no Sunday in the window).
    today = timezone.localdate()
    sunday = today + dt.timedelta(days=6 - today.weekday() or 7)
    html = client.get(page_url(service, sunday)).content.decode()
    assert "休息日" in html or "Office closed" in html


def test_booking_a_free_time_sends_a_confirmation_with_a_calendar_file(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    form_page = client.get(page_url(service, day)).content.decode()
    assert re.search(r'name="idempotency_key" value="[0-9a-f]{32}"', form_page)

    booking = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks
    )
    assert booking.start == slots[0].start
    assert booking.status == Booking.Status.BOOKED
    assert booking.national_id_masked == ALICE[:3] + "****" + ALICE[-3:-1] + "*"

    email = mail.outbox[-1]
    assert email.to == ["citizen@example.com"]
    filename, content, mimetype = email.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == booking.start

    confirmation = client.get(reverse("appointments:booked", args=[booking.code]))
    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert booking.code in html
    assert "民國" in html
    assert 'class="qr-code' in html
    # The QR code carries the bare booking code, which the kiosk's check-in accepts.
    drawn = re.search(r' d="([^"]+)"', qr_svg(booking.code, label="-")).group(1)
    assert f' d="{drawn}"' in html
    assert appointment_code_is_well_formed(normalise_appointment_code(booking.code))
    assert "citizen@example.com" in html
    assert ALICE not in html  # the ID number shows masked only

    ics = client.get(reverse("appointments:booking_ics", args=[booking.code]))
    assert ics.status_code == 200
    assert ics["Content-Type"].startswith("text/calendar")
    assert Calendar.from_ical(ics.content).walk("VEVENT")[0].decoded("dtstart") == booking.start


def test_a_wrong_id_number_is_named_next_to_its_field_and_nothing_is_written(client, huxi, service):
    day, slots = free_day(huxi, service)
    bookings, claims = Booking.objects.count(), SlotClaim.objects.count()
    response = client.post(
        page_url(service, day), details(slots[0], national_id="A123456788", phone="12")
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="error-summary"' in html
    assert 'href="#id_national_id"' in html and 'href="#id_phone"' in html
    assert re.search(r'id="id_national_id"[^>]*aria-invalid="true"', html) or re.search(
        r'aria-invalid="true"[^>]*id="id_national_id"', html
    )
    assert 'id="id_national_id-error"' in html
    assert (Booking.objects.count(), SlotClaim.objects.count()) == (bookings, claims)


def test_a_missing_time_and_name_are_asked_for(client, huxi, service):
    day, slots = free_day(huxi, service)
    bookings = Booking.objects.count()
    response = client.post(page_url(service, day), details(slots[0], start="", name=""))
    html = response.content.decode()
    assert response.status_code == 422
    assert 'href="#id_start_0"' in html
    assert 'href="#id_name"' in html
    assert Booking.objects.count() == bookings


@pytest.mark.parametrize(
    "overrides",
    [
        {"start": "not a time"},
        {"start": "2001-01-01T09:00:00+08:00"},
        {"start": "2099-12-31T09:00:00+08:00"},
        {"start": "x" * 5000},
        {"name": "<script>alert(1)</script>", "start": "9999-99-99"},
        {"email": "not-an-email"},
        {"national_id": "Ａ" * 100},
        {"idempotency_key": "k" * 500},
    ],
)
def test_hostile_input_gets_a_message_and_writes_nothing(client, huxi, service, overrides):
    day, slots = free_day(huxi, service)
    bookings = Booking.objects.count()
    response = client.post(page_url(service, day), details(slots[0], **overrides))
    html = response.content.decode()
    assert response.status_code in (409, 422)
    assert 'id="error-summary"' in html
    assert "<script>alert(1)</script>" not in html
    assert Booking.objects.count() == bookings


@pytest.mark.parametrize(
    "query", ["?month=9999-99", "?month=abc&day=2026-02-30", "?day=1900-01-01", "?month=1912-01"]
)
def test_odd_calendar_addresses_show_the_nearest_month(client, service, query):
    response = client.get(reverse("appointments:service", args=[service.slug]) + query)
    assert response.status_code == 200
    assert "<caption>" in response.content.decode()


def test_unknown_services_and_offices_are_not_found(client, service):
    assert client.get("/appointments/no-such-service/").status_code == 404
    url = reverse("appointments:service", args=[service.slug])
    assert client.get(url + "?office=../../etc").status_code == 404
    assert client.get(reverse("appointments:index") + "?office=nowhere").status_code == 404


def test_a_service_that_cannot_be_booked_online_has_no_booking_page(client, huxi):
    from huzheng.catalog.models import RegistrationService

    other = RegistrationService.objects.filter(bookable=False).first()
    if other is not None:
        assert client.get(f"/appointments/{other.slug}/").status_code == 404


def test_a_full_slot_offers_the_nearest_free_times(client, huxi, service):
    day, slots = free_day(huxi, service)
    slot = slots[0]
    # Everyone else takes every place of that time while this citizen fills in the form.
    for index in range(slot.available):
        services.book(
            huxi,
            service,
            slot.start,
            name="先來者",
            national_id=person_id(f"D1{index:07d}"),
            phone="0912345678",
        )
    bookings = Booking.objects.count()
    response = client.post(page_url(service, day), details(slot))
    html = response.content.decode()
    assert response.status_code == 409
    assert "剛被預約" in html or "just been filled" in html
    alternatives = services.nearest_free(huxi, service, slot.start)
    assert alternatives
    for free in alternatives:
        assert timezone.localtime(free.start).isoformat() in html
    assert timezone.localtime(slot.start).isoformat() not in html.split('id="times"')[1]
    assert Booking.objects.count() == bookings


def test_a_double_submit_gives_one_booking(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    key = uuid.uuid4().hex
    first = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks, key=key
    )
    second = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks, key=key
    )
    assert first.pk == second.pk
    assert Booking.objects.filter(idempotency_key=key).count() == 1


def test_the_confirmation_is_refused_to_another_browser(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    booking = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks
    )
    stranger = Client()
    for name in ("appointments:booked", "appointments:booking_ics"):
        response = stranger.get(reverse(name, args=[booking.code]))
        assert response.status_code == 302
        assert response.url == reverse("appointments:manage")
    assert stranger.get("/appointments/booked/%3Cscript%3E/").status_code == 302


def test_a_wrong_code_and_a_wrong_id_number_get_the_same_answer(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    booking = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks
    )
    answers = []
    for code, national_id in [
        ("ZZZZZZZZ", ALICE),  # wrong code
        (booking.code, BOB),  # wrong ID number
        (booking.code, "A123"),  # malformed ID number
        ("", ""),  # nothing at all
        ("<b>" * 50, "' OR 1=1 --"),
    ]:
        response = Client().post(
            reverse("appointments:manage"), {"code": code, "national_id": national_id}
        )
        assert response.status_code == 422
        html = response.content.decode()
        summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
        answers.append(summary)
        assert booking.name not in html
    assert len(set(answers)) == 1
    assert "No booking matches this code and ID number." in answers[0] or "預約" in answers[0]


def test_the_find_page_states_the_length_booking_codes_really_have(client, huxi):
    html = client.get(reverse("appointments:manage")).content.decode()
    assert f"{services.CODE_LENGTH} 碼" in html
    assert services.CODE_EXAMPLE in html
    # The example shown is a code the rule could draw.
    assert len(services.CODE_EXAMPLE) == len(new_code()) == services.CODE_LENGTH
    assert set(services.CODE_EXAMPLE) <= set(services.CODE_ALPHABET)


def test_the_owner_finds_the_booking_with_code_and_id_number(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    booking = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks
    )
    owner = Client()
    verify(owner, booking)
    html = owner.get(reverse("appointments:manage")).content.decode()
    assert booking.code in html
    assert reverse("appointments:manage_move") in html
    assert reverse("appointments:manage_cancel") in html
    assert owner.get(reverse("appointments:booking_ics", args=[booking.code])).status_code == 200


def test_cancelling_asks_first_and_frees_the_time(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    slot = slots[0]
    booking = book_through_the_page(client, service, day, slot, django_capture_on_commit_callbacks)
    owner = Client()
    verify(owner, booking)
    free_before = _available(huxi, service, slot)

    confirm = owner.get(reverse("appointments:manage_cancel"))
    assert confirm.status_code == 200
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED  # a GET changes nothing

    response = owner.post(reverse("appointments:manage_cancel"))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert not booking.claims.exists()
    assert _available(huxi, service, slot) == free_before + 1
    # Cancelled, it can be neither moved nor cancelled again from the pages.
    assert owner.get(reverse("appointments:manage_move")).status_code == 302
    # Nor put in a calendar: no calendar file is offered or served.
    ics = reverse("appointments:booking_ics", args=[booking.code])
    assert ics not in owner.get(reverse("appointments:manage")).content.decode()
    assert owner.get(ics).status_code == 302


def test_cancel_and_move_need_a_verified_booking(client):
    for name in ("appointments:manage_cancel", "appointments:manage_move"):
        assert client.get(reverse(name)).status_code == 302
        assert client.post(reverse(name), {"start": "2026-12-01T09:00"}).status_code == 302


def test_moving_takes_the_new_time_and_frees_the_old(
    client, huxi, service, django_capture_on_commit_callbacks
):
    day, slots = free_day(huxi, service)
    booking = book_through_the_page(
        client, service, day, slots[0], django_capture_on_commit_callbacks
    )
    owner = Client()
    verify(owner, booking)
    new_day, new_slots = free_day(huxi, service, after=day)
    move_url = reverse("appointments:manage_move") + f"?month={new_day:%Y-%m}&day={new_day}"
    page = owner.get(move_url)
    assert page.status_code == 200
    new_start = timezone.localtime(new_slots[-1].start).isoformat()
    assert new_start in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(move_url, {"start": new_start})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.start == new_slots[-1].start
    assert booking.code in mail.outbox[-1].subject

    # A time that is not an appointment time is refused with the old time kept.
    response = owner.post(move_url, {"start": "2026-01-01T03:00:00+08:00"})
    assert response.status_code == 422
    booking.refresh_from_db()
    assert booking.start == new_slots[-1].start


def test_the_pages_speak_english_when_chosen(client, huxi, service):
    client.cookies["huzheng_language"] = "en"
    day, _slots = free_day(huxi, service)
    html = client.get(page_url(service, day)).content.decode()
    assert "(ROC " in html
    assert '<html lang="en">' in html


def _available(office, service, slot):
    local = timezone.localtime(slot.start)
    return next(
        s.available
        for s in services.day_slots(office, service, local.date())
        if s.start == slot.start
    )


def test_month_links_stay_inside_the_booking_window(client, huxi, service):
    url = reverse("appointments:service", args=[service.slug])
    today = timezone.localdate()
    last = today + dt.timedelta(days=services.policy_for(huxi).window_days)
    this_month = client.get(url).content.decode()
    assert 'rel="prev"' not in this_month
    last_month = client.get(url + f"?month={last:%Y-%m}").content.decode()
    assert 'rel="next"' not in last_month
    if (last.year, last.month) != (today.year, today.month):
        assert 'rel="next"' in this_month and 'rel="prev"' in last_month


def test_another_office_is_booked_when_chosen_in_the_address(
    client, demo_data, service, django_capture_on_commit_callbacks
):
    magong = demo_data["magong"]
    day, slots = free_day(magong, service)
    html = client.get(page_url(service, day, office="magong")).content.decode()
    assert "office=magong" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page_url(service, day, office="magong"), details(slots[0], national_id=CAROL)
        )
    assert response.status_code == 302
    assert Booking.objects.get(national_id_masked__startswith="C22").office == magong
