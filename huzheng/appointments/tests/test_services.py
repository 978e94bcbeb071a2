"""The office's booking rules, straight from services.py: where slots come from, who may
book what and when, and what happens when a time is full, cancelled, moved, checked in
or about to come round. The clock is fixed at Tuesday 15 December 2026 (民國115年),
08:00 in Taipei, so the calendar of every test is known."""

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from huzheng.appointments import services
from huzheng.appointments.models import Booking, SlotBlock, SlotClaim
from huzheng.appointments.services import AppointmentError
from huzheng.appointments.tests.factories import (
    a_national_id,
    appointment_office,
    at,
    bookable_service,
    open_all_day,
)
from huzheng.core.models import OpeningPeriod, SpecialDay
from huzheng.notify.models import Message
from huzheng.queueing.services import QueueError

pytestmark = pytest.mark.django_db

TUESDAY = dt.date(2026, 12, 15)
WEDNESDAY = dt.date(2026, 12, 16)
SATURDAY = dt.date(2026, 12, 19)
NEW_YEAR = dt.date(2027, 1, 1)  # 中華民國開國紀念日, a Friday
NOW = at(TUESDAY, 8)


@pytest.fixture
def office():
    return appointment_office("huxi", places=2)


@pytest.fixture
def service():
    return bookable_service(minutes=15)


def book(office, service, start, n=1, now=NOW, **extra):
    booking, _created = services.book(
        office,
        service,
        start,
        name="王小明",
        national_id=a_national_id(n),
        phone="0912345678",
        now=now,
        **extra,
    )
    return booking


def starts(slots):
    return [timezone.localtime(s.start).strftime("%H:%M") for s in slots]


# --- where slots come from ------------------------------------------------------------


def test_slots_follow_the_opening_hours_including_the_noon_span(office, service):
    slots = services.day_slots(office, service, WEDNESDAY, now=NOW)
    times = starts(slots)
    assert times[0] == "08:00" and times[-1] == "16:45"
    assert "12:00" in times and "13:15" in times  # noon flexible hours take bookings
    assert len(times) == 36  # 9 hours of opening on a 15-minute grid


def test_evening_hours_take_bookings_too(office, service):
    OpeningPeriod.objects.create(
        office=office,
        weekday=WEDNESDAY.weekday(),
        opens=dt.time(17),
        closes=dt.time(20),
        kind=OpeningPeriod.Kind.EVENING,
    )
    times = starts(services.day_slots(office, service, WEDNESDAY, now=NOW))
    assert "17:00" in times and times[-1] == "19:45"


def test_a_service_never_runs_past_closing(office):
    long = bookable_service("household-transcript", minutes=45)
    times = starts(services.day_slots(office, long, WEDNESDAY, now=NOW))
    assert "11:15" in times and "16:15" in times
    assert "16:30" not in times


def test_weekends_holidays_and_typhoon_days_have_no_slots(office, service):
    SpecialDay.objects.create(
        office=office, date=WEDNESDAY, kind=SpecialDay.Kind.TYPHOON, reason="颱風停止上班"
    )
    now = at(dt.date(2026, 12, 20), 8)
    assert services.day_slots(office, service, WEDNESDAY, now=NOW) == []
    assert services.day_slots(office, service, SATURDAY, now=NOW) == []
    assert services.day_slots(office, service, NEW_YEAR, now=now) == []
    assert services.day_slots(office, service, dt.date(2026, 12, 31), now=now) != []


def test_a_make_up_workday_opens_for_bookings(office, service):
    SpecialDay.objects.create(
        office=office,
        date=SATURDAY,
        is_open=True,
        kind=SpecialDay.Kind.MAKEUP_WORKDAY,
        reason="補班",
    )
    assert starts(services.day_slots(office, service, SATURDAY, now=NOW))[0] == "08:00"


def test_blocked_time_removes_every_slot_it_touches(office):
    half_hour = bookable_service("household-transcript", minutes=30)
    SlotBlock.objects.create(
        office=office, start=at(WEDNESDAY, 10), end=at(WEDNESDAY, 11), reason="所務會議"
    )
    times = starts(services.day_slots(office, half_hour, WEDNESDAY, now=NOW))
    assert "09:30" in times and "11:00" in times
    assert not {"09:45", "10:00", "10:30", "10:45"} & set(times)


def test_bookings_open_after_the_lead_time_and_close_after_the_window(office, service):
    office.appointment_policy.lead_minutes = 120
    office.appointment_policy.window_days = 14
    office.appointment_policy.save()
    nine = at(WEDNESDAY, 9)
    assert starts(services.day_slots(office, service, WEDNESDAY, now=nine))[0] == "11:00"
    assert services.day_slots(office, service, TUESDAY + dt.timedelta(days=14), now=NOW)
    assert services.day_slots(office, service, TUESDAY + dt.timedelta(days=15), now=NOW) == []
    with pytest.raises(AppointmentError) as refused:
        book(office, service, at(WEDNESDAY, 10), now=nine)
    assert refused.value.code == "outside_window" and "start" in refused.value.fields


def test_a_service_length_is_rounded_up_to_the_grid(office):
    twenty = bookable_service("marriage", minutes=20)
    slots = services.day_slots(office, twenty, WEDNESDAY, now=NOW)
    assert {s.end - s.start for s in slots} == {dt.timedelta(minutes=30)}
    assert starts(slots)[:3] == ["08:00", "08:15", "08:30"]  # still starting on the grid


def test_capacity_is_the_number_of_appointment_places(office, service):
    office.appointment_policy.places = 3
    office.appointment_policy.save()
    book(office, service, at(WEDNESDAY, 9))
    slots = services.day_slots(office, service, WEDNESDAY, now=NOW)
    nine = next(s for s in slots if s.start == at(WEDNESDAY, 9))
    assert (nine.capacity, nine.available) == (3, 2)


def test_a_longer_booking_takes_the_place_for_every_slot_it_overlaps(office, service):
    office.appointment_policy.places = 1
    office.appointment_policy.save()
    hour = bookable_service("household-transcript", minutes=60)
    book(office, hour, at(WEDNESDAY, 9))
    free = {
        starts([s])[0]: s.available for s in services.day_slots(office, service, WEDNESDAY, now=NOW)
    }
    assert free["08:45"] == 1 and free["10:00"] == 1
    assert free["09:00"] == free["09:15"] == free["09:45"] == 0


def test_the_month_calendar_counts_free_slots_per_day(office, service):
    office.appointment_policy.places = 1
    office.appointment_policy.save()
    book(office, service, at(WEDNESDAY, 9))
    month = services.month_availability(office, service, 2026, 12, now=NOW)
    assert len(month) == 31
    assert month[WEDNESDAY] == 35
    assert month[SATURDAY] == 0
    assert month[dt.date(2026, 12, 1)] == 0  # before today


# --- booking ---------------------------------------------------------------------------


def test_the_calendar_tells_full_days_from_closed_ones(office, service):
    SlotBlock.objects.create(
        office=office, start=at(WEDNESDAY, 0), end=at(WEDNESDAY, 23), reason="全日訓練"
    )
    days = services.month_days(office, service, 2026, 12, now=NOW)
    assert days[dt.date(2026, 12, 14)] == (services.OUTSIDE, 0)  # yesterday
    assert days[WEDNESDAY] == (services.FULL, 0)  # open, but no time left to book
    assert days[SATURDAY] == (services.CLOSED, 0)
    state, free = days[dt.date(2026, 12, 17)]
    assert state == services.FREE and free == 36


def test_a_booking_claims_its_cells_and_keeps_no_plain_id_number(office, service):
    booking = book(office, service, at(WEDNESDAY, 9))
    assert booking.status == Booking.Status.BOOKED and booking.place == 1
    assert len(booking.code) == 8
    assert SlotClaim.objects.filter(booking=booking).count() == 1
    stored = Booking.objects.filter(pk=booking.pk).values().get()
    assert a_national_id(1) not in str(stored)
    number = a_national_id(1)
    assert booking.national_id_masked == number[:3] + "****" + number[-3:-1] + "*"


def test_a_full_slot_offers_the_nearest_free_times(office, service):
    book(office, service, at(WEDNESDAY, 9), n=1)
    book(office, service, at(WEDNESDAY, 9), n=2)
    with pytest.raises(AppointmentError) as full:
        book(office, service, at(WEDNESDAY, 9), n=3)
    assert full.value.status == 409 and full.value.code == "slot_full"
    assert starts(full.value.alternatives) == ["08:15", "08:30", "08:45", "09:15", "09:30"]
    assert all(s.available for s in full.value.alternatives)
    assert at(WEDNESDAY, 9) not in {s.start for s in full.value.alternatives}
    assert Booking.objects.count() == 2


@pytest.mark.parametrize("start", [at(WEDNESDAY, 9, 7), at(WEDNESDAY, 7), at(SATURDAY, 9)])
def test_only_a_real_slot_can_be_booked(office, service, start):
    with pytest.raises(AppointmentError) as refused:
        book(office, service, start)
    assert refused.value.code == "no_such_slot" and "start" in refused.value.fields
    assert Booking.objects.count() == 0


def test_a_time_in_the_past_cannot_be_booked(office, service):
    with pytest.raises(AppointmentError) as refused:
        book(office, service, at(TUESDAY, 7), now=NOW)
    assert refused.value.code == "in_the_past"


def test_a_service_that_is_not_bookable_cannot_be_booked(office):
    counter_only = bookable_service("nationality", bookable=False)
    with pytest.raises(AppointmentError) as refused:
        book(office, counter_only, at(WEDNESDAY, 9))
    assert "service" in refused.value.fields


def test_bad_personal_details_are_all_named(office, service):
    with pytest.raises(AppointmentError) as refused:
        services.book(
            office,
            service,
            at(WEDNESDAY, 9),
            name="",
            national_id="A123456788",
            phone="123",
            email="nope",
            now=NOW,
        )
    assert set(refused.value.fields) == {"name", "national_id", "phone", "email"}
    assert Booking.objects.count() == 0


def test_one_person_holds_at_most_the_future_bookings_the_office_allows(office, service):
    first = book(office, service, at(WEDNESDAY, 9))
    book(office, service, at(WEDNESDAY, 10))
    with pytest.raises(AppointmentError) as refused:
        book(office, service, at(WEDNESDAY, 11))
    assert refused.value.code == "too_many" and refused.value.status == 409
    # Someone else may still book, and a cancellation gives the person room again.
    book(office, service, at(WEDNESDAY, 11), n=2)
    services.cancel(first, now=NOW)
    assert book(office, service, at(WEDNESDAY, 11)).status == Booking.Status.BOOKED


def test_the_same_idempotency_key_returns_the_first_booking(office, service):
    first, created = services.book(
        office,
        service,
        at(WEDNESDAY, 9),
        name="王小明",
        national_id=a_national_id(1),
        phone="0912345678",
        idempotency_key="form-1",
        now=NOW,
    )
    again, created_again = services.book(
        office,
        service,
        at(WEDNESDAY, 9),
        name="王小明",
        national_id=a_national_id(1),
        phone="0912345678",
        idempotency_key="form-1",
        now=NOW,
    )
    assert created and not created_again and again.pk == first.pk
    assert Booking.objects.count() == 1


def test_a_booking_sends_its_confirmation_with_a_calendar_file(
    office, service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(office, service, at(WEDNESDAY, 9), email="ming@example.com")
    assert len(mail.outbox) == 1
    assert booking.code in mail.outbox[0].subject
    _name, content, mimetype = mail.outbox[0].attachments[0]
    content = content.decode() if isinstance(content, bytes) else content
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in content


# --- cancelling and moving -------------------------------------------------------------


def test_a_cancellation_frees_the_place_at_once(office, service):
    office.appointment_policy.places = 1
    office.appointment_policy.save()
    booking = book(office, service, at(WEDNESDAY, 9))
    services.cancel(booking, now=NOW)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED
    assert SlotClaim.objects.count() == 0
    assert book(office, service, at(WEDNESDAY, 9), n=2).place == 1


def test_a_used_booking_cannot_be_cancelled(office, service):
    booking = book(office, service, at(WEDNESDAY, 9))
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.ATTENDED)
    with pytest.raises(AppointmentError) as refused:
        services.cancel(booking, now=NOW)
    assert refused.value.code == "not_cancellable"


def test_a_booking_is_found_only_with_both_facts(office, service):
    booking = book(office, service, at(WEDNESDAY, 9))
    assert services.find_booking(booking.code.lower(), a_national_id(1)).pk == booking.pk
    for code, number in [
        (booking.code, a_national_id(2)),
        ("ZZZZZZZZ", a_national_id(1)),
        (booking.code, "not an id"),
        (None, None),
    ]:
        with pytest.raises(services.BookingNotFound):
            services.find_booking(code, number)


def test_a_move_to_a_full_time_keeps_the_old_time(office, service):
    office.appointment_policy.places = 1
    office.appointment_policy.save()
    mine = book(office, service, at(WEDNESDAY, 9), n=1)
    book(office, service, at(WEDNESDAY, 10), n=2)
    with pytest.raises(AppointmentError) as full:
        services.move(mine, at(WEDNESDAY, 10), now=NOW)
    assert full.value.code == "slot_full"
    mine.refresh_from_db()
    assert mine.start == at(WEDNESDAY, 9)
    assert list(SlotClaim.objects.filter(booking=mine).values_list("cell", flat=True)) == [
        at(WEDNESDAY, 9)
    ]


def test_a_move_to_a_free_time_gives_the_old_one_back(office, service):
    office.appointment_policy.places = 1
    office.appointment_policy.save()
    mine = book(office, service, at(WEDNESDAY, 9))
    moved = services.move(mine, at(WEDNESDAY, 11), now=NOW)
    assert moved.start == at(WEDNESDAY, 11)
    assert book(office, service, at(WEDNESDAY, 9), n=2).place == 1


# --- checking in at the kiosk ----------------------------------------------------------


@pytest.mark.parametrize(
    "when,outcome",
    [
        (at(TUESDAY, 20), "not_yet"),  # the day before
        (at(WEDNESDAY, 9, 25), "not_yet"),  # more than 30 minutes early
        (at(WEDNESDAY, 9, 30), "ok"),
        (at(WEDNESDAY, 10, 15), "ok"),  # until the appointment's end
        (at(WEDNESDAY, 10, 16), "too_late"),
    ],
)
def test_check_in_opens_shortly_before_the_appointment(office, service, when, outcome):
    booking = book(office, service, at(WEDNESDAY, 10))
    with mock.patch.object(timezone, "now", return_value=when):
        if outcome == "ok":
            assert services.check_in_service(office, booking.code) == service
        else:
            with pytest.raises(QueueError) as refused:
                services.check_in_service(office, booking.code)
            assert refused.value.code == outcome


def test_a_cancelled_or_used_booking_cannot_check_in(office, service):
    booking = book(office, service, at(WEDNESDAY, 10))
    with mock.patch.object(timezone, "now", return_value=at(WEDNESDAY, 9, 50)):
        services.link_check_in(office, booking.code, None)
        with pytest.raises(QueueError) as twice:
            services.check_in_service(office, booking.code)
        assert twice.value.code == "already_checked_in"
        other = book(office, service, at(WEDNESDAY, 11), n=2, now=NOW)
        services.cancel(other)
        with pytest.raises(QueueError) as cancelled:
            services.check_in_service(office, other.code)
        assert cancelled.value.code == "unknown_booking"
        with pytest.raises(QueueError):
            services.check_in_service(appointment_office("magong"), booking.code)


# --- reminders and statistics ----------------------------------------------------------


def test_the_day_before_everyone_is_reminded_once(office, service):
    with_mail = book(office, service, at(WEDNESDAY, 9), n=1, email="ming@example.com")
    sms_only = book(office, service, at(WEDNESDAY, 10), n=2)
    later = book(office, service, at(dt.date(2026, 12, 17), 9), n=3)
    cancelled = book(office, service, at(WEDNESDAY, 11), n=4)
    services.cancel(cancelled, now=NOW)
    evening = at(TUESDAY, 18)

    assert services.send_reminders(now=evening) == 2
    assert services.send_reminders(now=evening) == 0

    assert [m.to for m in mail.outbox] == [["ming@example.com"]]
    assert with_mail.code in mail.outbox[0].subject
    texts = Message.objects.filter(channel=Message.Channel.SMS, topic="appointment.reminder")
    assert sorted(texts.values_list("reference", flat=True)) == sorted(
        [with_mail.code, sms_only.code]
    )
    assert Booking.objects.get(pk=later.pk).reminded_at is None


def test_a_moved_booking_is_reminded_again(office, service):
    booking = book(office, service, at(WEDNESDAY, 9))
    services.send_reminders(now=at(TUESDAY, 18))
    services.move(booking, at(dt.date(2026, 12, 17), 9), now=NOW)
    assert services.send_reminders(now=at(WEDNESDAY, 18)) == 1


def test_statistics_count_attendance_no_shows_and_lead_time(office, service):
    people = [book(office, service, at(WEDNESDAY, 8 + i), n=i) for i in range(5)]
    Booking.objects.filter(pk=people[0].pk).update(status=Booking.Status.ATTENDED)
    Booking.objects.filter(pk=people[1].pk).update(status=Booking.Status.CHECKED_IN)
    Booking.objects.filter(pk=people[2].pk).update(status=Booking.Status.NO_SHOW)
    services.cancel(people[3], now=NOW)
    Booking.objects.update(created_at=at(TUESDAY, 8))

    stats = services.statistics(office, WEDNESDAY, WEDNESDAY)

    assert stats["total"] == 5
    assert stats["counts"]["attended"] == 1 and stats["counts"]["no_show"] == 1
    assert stats["counts"]["cancelled"] == 1 and stats["counts"]["booked"] == 1
    assert stats["no_show_rate"] == pytest.approx(1 / 3)
    # Bookings made at 08:00 the day before, for 08:00–12:00: one day and a bit.
    assert 1 < stats["mean_lead_days"] < 1.2
    assert services.statistics(office, SATURDAY, SATURDAY)["no_show_rate"] is None


def test_open_all_day_lets_a_test_book_at_any_hour(office, service):
    open_all_day(office, SATURDAY)
    assert starts(services.day_slots(office, service, SATURDAY, now=NOW))[-1] == "23:30"
