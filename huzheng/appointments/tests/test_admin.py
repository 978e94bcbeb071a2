"""The appointments back office as the office runs it: the counter reads the schedule and
marks who came, the director also sets the booking rules and blocks time, and staff of
another office see nothing of ours."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from huzheng.appointments import services
from huzheng.appointments.models import AppointmentPolicy, Booking, SlotBlock
from huzheng.appointments.tests.factories import a_national_id, at, working_day
from huzheng.catalog.models import RegistrationService
from huzheng.core.models import AuditEntry

pytestmark = pytest.mark.django_db

SCHEDULE = reverse("appointments_staff:schedule")
CSV = reverse("appointments_staff:schedule_csv")
POLICY = reverse("appointments_staff:policy")


@pytest.fixture
def huxi(demo_data):
    return demo_data["huxi"]


@pytest.fixture
def magong(demo_data):
    return demo_data["magong"]


@pytest.fixture
def service(demo_data):
    return RegistrationService.objects.get(slug="id-card-replacement")


def login(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


def book_next_working_day(office, service, n=0, *, name="測試民眾"):
    day = working_day(office, days_ahead=2)
    slot = [s for s in services.day_slots(office, service, day) if s.available][n]
    booking, _created = services.book(
        office,
        service,
        slot.start,
        name=name,
        national_id=a_national_id(900 + n),
        phone="0912345678",
    )
    return booking


def past_booking(office, service, *, hours_ago=2, name="過去民眾", n=0):
    """A booking whose time has passed (made directly: book() refuses the past)."""
    person = services.clean_person(
        name=name, national_id=a_national_id(800 + n), phone="0912345678"
    )
    start = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=hours_ago)
    booking = Booking.objects.create(
        code=f"PAST{n:04d}",
        office=office,
        service=service,
        start=start,
        end=start + dt.timedelta(minutes=15),
        place=1,
        **person,
    )
    Booking.objects.filter(pk=booking.pk).update(created_at=start - dt.timedelta(days=3))
    booking.refresh_from_db()
    return booking


def refused(response):
    """Wagtail answers a PermissionDenied in the back office by sending the user to the
    dashboard with a message; a record of another office is simply not found."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def day_query(booking, **extra):
    day = timezone.localdate(booking.start).isoformat()
    return {"office": booking.office.code, "day": day, **extra}


# --- the schedule ------------------------------------------------------------------------


def test_the_counter_sees_the_days_bookings_with_masked_id_numbers_only(client, huxi, service):
    booking = book_next_working_day(huxi, service, name="李大同")
    login(client, "counter")
    response = client.get(SCHEDULE, day_query(booking))
    assert response.status_code == 200
    page = response.content.decode()
    assert booking.code in page
    assert "李大同" in page
    assert booking.national_id_masked in page
    assert a_national_id(900) not in page
    assert service.name in page
    # The place is named as the office names it (預約櫃檯 N).
    assert "預約櫃檯" in page or "Appointment counter" in page
    assert "民國" in page  # ROC date
    assert AuditEntry.objects.filter(action="read", office=huxi, username="counter").exists()


def test_the_schedule_can_show_one_appointment_place(client, huxi, service):
    first = book_next_working_day(huxi, service, 0, name="甲民眾")
    second = services.book(
        huxi,
        service,
        first.start,
        name="乙民眾",
        national_id=a_national_id(950),
        phone="0912345678",
    )[0]
    assert {first.place, second.place} == {1, 2}
    login(client, "counter")
    page = client.get(SCHEDULE, day_query(first, place=second.place)).content.decode()
    assert "乙民眾" in page
    assert "甲民眾" not in page


def test_the_week_view_shows_seven_days_and_steps_a_week(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "director")
    response = client.get(SCHEDULE, day_query(booking, view="week"))
    page = response.content.decode()
    assert booking.code in page
    assert len(re.findall(r'<section class="appt-schedule__day"', page)) == 7
    day = timezone.localdate(booking.start)
    monday = day - dt.timedelta(days=day.weekday())
    assert f"day={(day + dt.timedelta(days=7)).isoformat()}" in page
    assert f'datetime="{monday.isoformat()}"' in page


def test_the_summary_counts_bookings_no_shows_and_lead_time(client, huxi, service):
    came = past_booking(huxi, service, n=1, name="來了")
    missed = past_booking(huxi, service, n=2, name="沒來")
    services.mark(came, Booking.Status.ATTENDED)
    services.mark(missed, Booking.Status.NO_SHOW)
    login(client, "director")
    response = client.get(SCHEDULE, day_query(came))
    assert response.context["stats"]["total"] == 2
    assert response.context["no_show_percent"] == 50.0
    assert response.context["mean_lead_days"] == 3.0


def test_a_date_that_cannot_be_read_shows_today_with_a_message(client, huxi):
    login(client, "counter")
    for bad in ["garbage", "2026-13-45", "9999-12-31", "0001-01-01", "x" * 500, "115/02/30"]:
        response = client.get(SCHEDULE, {"day": bad, "view": "week"})
        assert response.status_code == 200, bad
        assert response.context["period"].day == timezone.localdate(), bad
        assert any("today is shown" in m or "今天" in m for m in messages_of(response)), bad


def test_a_roc_date_is_read_as_the_office_writes_it(client, huxi):
    login(client, "counter")
    response = client.get(SCHEDULE, {"day": "115/12/01"})
    assert response.context["period"].day == dt.date(2026, 12, 1)


def test_an_unknown_place_shows_every_place_with_a_message(client, huxi):
    login(client, "counter")
    for bad in ["9", "abc", "-1", "99999999999999999999"]:
        response = client.get(SCHEDULE, {"place": bad})
        assert response.status_code == 200
        assert response.context["place"] is None
        assert messages_of(response)


def test_the_menu_leads_to_the_schedule_and_the_rules_only_for_the_director(client, huxi):
    login(client, "counter")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert SCHEDULE in page
    assert POLICY not in page
    login(client, "director")
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert SCHEDULE in page
    assert POLICY in page
    assert reverse("appointment_blocks:index") in page


def test_the_web_editor_has_no_appointments(client, huxi):
    login(client, "editor")
    assert SCHEDULE not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert refused(client.get(SCHEDULE))
    assert refused(client.get(CSV))


# --- marking attendance -----------------------------------------------------------------


def test_the_counter_marks_a_booking_attended(client, huxi, service):
    booking = past_booking(huxi, service, hours_ago=0)
    user = login(client, "counter")
    response = client.post(
        reverse("appointments_staff:mark", args=[booking.pk]), {"status": "attended"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ATTENDED
    assert booking.marked_by == user
    assert AuditEntry.objects.filter(object_id=str(booking.pk), action="update").exists()


def test_a_no_show_before_the_appointment_is_refused_with_a_message(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "counter")
    back = f"{SCHEDULE}?day=2026-12-01"
    response = client.post(
        reverse("appointments_staff:mark", args=[booking.pk]), {"status": "no_show", "next": back}
    )
    assert response.status_code == 302
    assert response["Location"] == back
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    with translation.override("zh-hant"):
        assert str(message) == gettext("A booking can be marked a no-show only after its time.")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_a_booking_cannot_be_marked_attended_before_its_day(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "counter")
    client.post(reverse("appointments_staff:mark", args=[booking.pk]), {"status": "attended"})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_a_no_show_after_the_time_is_recorded(client, huxi, service):
    booking = past_booking(huxi, service)
    login(client, "counter")
    client.post(reverse("appointments_staff:mark", args=[booking.pk]), {"status": "no_show"})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


def test_a_cancelled_booking_cannot_be_marked(client, huxi, service):
    booking = services.cancel(book_next_working_day(huxi, service))
    login(client, "counter")
    response = client.post(
        reverse("appointments_staff:mark", args=[booking.pk]), {"status": "attended"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert messages_of(response)


def test_hostile_marks_change_nothing_and_never_fail(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "counter")
    url = reverse("appointments_staff:mark", args=[booking.pk])
    for status in ["", "booked", "cancelled", "checked_in", "<script>", "x" * 5000]:
        response = client.post(url, {"status": status})
        assert response.status_code == 302
        booking.refresh_from_db()
        assert booking.status == Booking.Status.BOOKED
    # An outside address is never followed.
    response = client.post(url, {"status": "attended", "next": "https://evil.example/"})
    assert "evil" not in response["Location"]
    assert client.get(url).status_code == 405
    assert client.post(reverse("appointments_staff:mark", args=[999999]), {}).status_code == 404
    huge = reverse("appointments_staff:mark", args=[10**30])
    assert client.post(huge, {"status": "attended"}).status_code == 404


def test_marking_needs_a_csrf_token(huxi, service):
    from django.test import Client

    booking = book_next_working_day(huxi, service)
    client = Client(enforce_csrf_checks=True)
    login(client, "counter")
    response = client.post(
        reverse("appointments_staff:mark", args=[booking.pk]), {"status": "attended"}
    )
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_the_web_editor_cannot_mark(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "editor")
    url = reverse("appointments_staff:mark", args=[booking.pk])
    assert refused(client.post(url, {"status": "attended"}))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


# --- another office --------------------------------------------------------------------


def test_a_director_of_another_office_sees_nothing_of_ours(client, huxi, magong, service):
    booking = book_next_working_day(huxi, service, name="湖西民眾")
    block = SlotBlock.objects.create(
        office=huxi,
        start=at(working_day(huxi, 3), 9),
        end=at(working_day(huxi, 3), 10),
        reason="湖西所務會議",
    )
    login(client, "magong-director")
    assert client.get(SCHEDULE, day_query(booking)).status_code == 404
    assert client.get(CSV, day_query(booking)).status_code == 404
    assert client.get(POLICY, {"office": "huxi"}).status_code == 404
    url = reverse("appointments_staff:mark", args=[booking.pk])
    assert client.post(url, {"status": "attended"}).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED
    # Their own schedule of the same day does not show ours either.
    page = client.get(SCHEDULE, {"day": day_query(booking)["day"]}).content.decode()
    assert "湖西民眾" not in page
    assert "湖西所務會議" not in page
    assert "湖西所務會議" not in client.get(reverse("appointment_blocks:index")).content.decode()
    assert refused(client.get(reverse("appointment_blocks:edit", args=[block.pk])))
    assert refused(client.post(reverse("appointment_blocks:delete", args=[block.pk])))
    assert SlotBlock.objects.filter(pk=block.pk).exists()


def test_an_unknown_office_is_not_found(client, huxi):
    login(client, "director")
    assert client.get(SCHEDULE, {"office": "nowhere"}).status_code == 404
    assert client.get(SCHEDULE, {"office": "<b>" * 50}).status_code == 404


# --- the CSV ------------------------------------------------------------------------------


def test_the_csv_opens_in_excel_and_holds_the_shown_range(client, huxi, service):
    booking = book_next_working_day(huxi, service, name="王小華")
    login(client, "director")
    response = client.get(CSV, day_query(booking))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == [
        "date",
        "start",
        "end",
        "place",
        "code",
        "name",
        "national_id_masked",
        "service",
        "status",
        "ticket",
        "booked_at",
        "lead_days",
    ]
    row = next(line for line in lines if booking.code in line).split(",")
    assert row[0] == timezone.localdate(booking.start).isoformat()
    assert row[5] == "王小華"
    assert row[6] == booking.national_id_masked
    assert float(row[11]) == round(booking.lead_time.total_seconds() / 86400, 1)
    assert a_national_id(900) not in body
    assert AuditEntry.objects.filter(action="export", office=huxi).exists()


def test_the_csv_never_carries_a_spreadsheet_formula(client, huxi, service):
    booking = past_booking(huxi, service, name="=HYPERLINK(1)")
    login(client, "director")
    body = client.get(CSV, day_query(booking)).content.decode("utf-8")
    assert "'=HYPERLINK(1)" in body


def test_the_week_csv_holds_the_whole_week(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    later = booking.start + dt.timedelta(days=7)
    login(client, "director")
    response = client.get(CSV, day_query(booking, view="week"))
    body = response.content.decode("utf-8")
    assert booking.code in body
    assert later.date().isoformat() not in body


# --- the booking rules ------------------------------------------------------------------


def policy_data(policy, **changes):
    fields = [
        "places",
        "grid_minutes",
        "window_days",
        "lead_minutes",
        "max_future_per_service",
        "check_in_early_minutes",
    ]
    return {**{f: getattr(policy, f) for f in fields}, **changes}


def test_the_director_changes_the_offices_booking_rules(client, huxi):
    login(client, "director")
    policy = services.policy_for(huxi)
    assert client.get(POLICY).status_code == 200
    response = client.post(f"{POLICY}?office=huxi", policy_data(policy, places=4, window_days=60))
    assert response.status_code == 302
    policy = AppointmentPolicy.objects.get(office=huxi)
    assert (policy.places, policy.window_days) == (4, 60)


def test_bad_rules_are_refused_and_nothing_is_saved(client, huxi):
    login(client, "director")
    policy = services.policy_for(huxi)
    for bad in [{"places": -1}, {"grid_minutes": 3}, {"window_days": "abc"}, {"places": 10**9}]:
        response = client.post(f"{POLICY}?office=huxi", policy_data(policy, **bad))
        assert response.status_code == 200, bad
        assert response.context["form"].errors, bad
    assert AppointmentPolicy.objects.get(office=huxi).places == policy.places


def test_the_grid_stays_while_future_bookings_hold_their_places(client, huxi, service):
    book_next_working_day(huxi, service)
    login(client, "director")
    policy = services.policy_for(huxi)
    response = client.post(f"{POLICY}?office=huxi", policy_data(policy, grid_minutes=10))
    assert response.status_code == 200
    assert "grid_minutes" in response.context["form"].errors
    assert AppointmentPolicy.objects.get(office=huxi).grid_minutes == policy.grid_minutes


def test_the_counter_cannot_change_the_rules(client, huxi):
    login(client, "counter")
    policy = services.policy_for(huxi)
    assert refused(client.get(POLICY))
    assert refused(client.post(f"{POLICY}?office=huxi", policy_data(policy, places=9)))
    assert AppointmentPolicy.objects.get(office=huxi).places == policy.places


# --- blocked times ----------------------------------------------------------------------


def block_data(office, start, end, reason="所務會議"):
    return {
        "office": office.pk,
        "start": timezone.localtime(start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(end).strftime("%Y-%m-%d %H:%M"),
        "reason": reason,
    }


def test_a_blocked_time_hides_its_slots(client, huxi, service):
    day = working_day(huxi, 3)
    before = [s.start for s in services.day_slots(huxi, service, day)]
    assert at(day, 9) in before
    user = login(client, "director")
    response = client.post(
        reverse("appointment_blocks:add"), block_data(huxi, at(day, 9), at(day, 10))
    )
    assert response.status_code == 302
    block = SlotBlock.objects.get(office=huxi)
    assert block.created_by == user
    after = [s.start for s in services.day_slots(huxi, service, day)]
    assert not [s for s in after if at(day, 9) <= s < at(day, 10)]
    assert at(day, 10) in after


def test_a_blocked_time_must_end_after_it_starts_and_lie_ahead(client, huxi):
    day = working_day(huxi, 3)
    login(client, "director")
    yesterday = timezone.now() - dt.timedelta(days=1)
    cases = [
        (at(day, 10), at(day, 9), "The end must be after the start."),
        (at(day, 10), at(day, 10), "The end must be after the start."),
        (yesterday, yesterday + dt.timedelta(hours=1), "The end must be in the future."),
        (yesterday, at(day, 10), "The start must be in the future."),
    ]
    for start, end, _message in cases:
        response = client.post(reverse("appointment_blocks:add"), block_data(huxi, start, end))
        assert response.status_code == 200
        assert response.context["form"].errors
    bad = {**block_data(huxi, at(day, 9), at(day, 10)), "start": "not a date", "end": "<b>"}
    response = client.post(reverse("appointment_blocks:add"), bad)
    assert response.status_code == 200
    assert not SlotBlock.objects.exists()


def test_the_director_cannot_block_time_at_another_office(client, huxi, magong):
    day = working_day(huxi, 3)
    login(client, "director")
    response = client.post(
        reverse("appointment_blocks:add"), block_data(magong, at(day, 9), at(day, 10))
    )
    assert response.status_code == 200
    assert not SlotBlock.objects.exists()


def test_the_counter_sees_blocked_times_but_cannot_change_them(client, huxi):
    day = working_day(huxi, 3)
    block = SlotBlock.objects.create(
        office=huxi, start=at(day, 9), end=at(day, 10), reason="教育訓練"
    )
    login(client, "counter")
    assert "教育訓練" in client.get(reverse("appointment_blocks:index")).content.decode()
    response = client.post(
        reverse("appointment_blocks:add"), block_data(huxi, at(day, 11), at(day, 12))
    )
    assert refused(response)
    assert SlotBlock.objects.count() == 1
    assert refused(client.post(reverse("appointment_blocks:delete", args=[block.pk])))
    assert SlotBlock.objects.filter(pk=block.pk).exists()


def test_the_schedule_shows_the_days_blocked_times(client, huxi, service):
    day = working_day(huxi, 3)
    SlotBlock.objects.create(office=huxi, start=at(day, 14), end=at(day, 15), reason="停電檢修")
    login(client, "counter")
    page = client.get(SCHEDULE, {"day": day.isoformat()}).content.decode()
    assert "停電檢修" in page


def test_control_characters_in_the_address_never_fail(client, huxi, service):
    booking = book_next_working_day(huxi, service)
    login(client, "director")
    # The site refuses NUL in a query string outright (400); other control characters
    # reach the schedule, which treats them as any unreadable value.
    assert client.get(SCHEDULE, {"office": "hu\x00xi"}).status_code in (400, 404)
    assert client.get(SCHEDULE, {"office": "hu\x01xi"}).status_code == 404
    response = client.get(SCHEDULE, {"day": "2026\x01-12-01", "place": "1\x02", "view": "\x03"})
    assert response.status_code == 200
    assert len(messages_of(response)) == 2
    assert client.get(CSV, {"day": "\x04", "place": "²"}).status_code == 200
    url = reverse("appointments_staff:mark", args=[booking.pk])
    response = client.post(url, {"status": "attended\x00", "next": "/admin/\x00\r\nX: y"})
    assert response.status_code in (302, 400)
    assert "\x00" not in response.get("Location", "")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_the_no_show_button_appears_only_once_the_time_has_come(client, huxi, service):
    future = book_next_working_day(huxi, service)
    past = past_booking(huxi, service)
    login(client, "counter")
    page = client.get(SCHEDULE, day_query(future)).content.decode()
    assert 'value="attended"' in page
    assert 'value="no_show"' not in page
    page = client.get(SCHEDULE, day_query(past)).content.decode()
    assert 'value="no_show"' in page
