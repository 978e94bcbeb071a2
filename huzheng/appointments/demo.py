"""Demo appointments: booking rules for both offices, two outreach sessions of the demo
office (the May tax-season mobile counter and a junior-high school visit for first ID
cards) and a few fictional bookings on the next working day, so the staff schedule has
something to show. Every name and ID number here is made up."""

import datetime as dt

from django.utils import timezone

from huzheng.appointments import services
from huzheng.appointments.models import AppointmentPolicy, Booking, OutreachSession
from huzheng.catalog.models import RegistrationService
from huzheng.core.identity import check_digit_for
from huzheng.core.models import Office
from huzheng.core.services import is_working_day

PLACES = {"huxi": 2, "magong": 3}
# Fictional people for the demo schedule: (name, first nine characters of the ID number).
PEOPLE = [("王小明", "X12345678"), ("陳美麗", "X22345678"), ("林志強", "X13579246")]


def seed():
    for office in Office.objects.filter(code__in=PLACES):
        AppointmentPolicy.objects.get_or_create(
            office=office, defaults={"places": PLACES[office.code]}
        )
    huxi = Office.objects.filter(code="huxi").first()
    if huxi is None:
        return
    _sessions(huxi)
    _bookings(huxi)


def _sessions(office):
    today = timezone.localdate()
    may = dt.date(today.year + (today.month >= 5), 5, 12)
    school_day = _next_working_day(office, today + dt.timedelta(days=14))
    sessions = [
        (
            OutreachSession.Kind.MOBILE_COUNTER,
            "【展示】綜合所得稅申報期間機動櫃檯",
            "澎湖縣湖西鄉（虛構地點：稅務局服務處）",
            may,
            ["household-transcript", "seal-certificate"],
            40,
        ),
        (
            OutreachSession.Kind.SCHOOL,
            "【展示】赴國中辦理初領國民身分證",
            "湖西鄉（虛構）湖西國中 活動中心",
            school_day,
            ["id-card-first"],
            60,
        ),
    ]
    for kind, title, place, day, slugs, capacity in sessions:
        session, created = OutreachSession.objects.get_or_create(
            office=office,
            title=title,
            defaults={
                "kind": kind,
                "place": place,
                "starts_at": _at(day, 9),
                "ends_at": _at(day, 12),
                "capacity": capacity,
                "description": "展示用場次，非真實活動。",
            },
        )
        if created:
            session.services.set(RegistrationService.objects.filter(slug__in=slugs))


def _bookings(office):
    if Booking.objects.filter(office=office).exists():
        return
    service = RegistrationService.objects.filter(bookable=True, slug="id-card-replacement").first()
    if service is None:
        return
    day = _next_working_day(office, timezone.localdate() + dt.timedelta(days=1))
    slots = [s for s in services.day_slots(office, service, day) if s.available]
    for (name, first_nine), slot in zip(PEOPLE, slots[2::3], strict=False):
        services.book(
            office,
            service,
            slot.start,
            name=name,
            national_id=first_nine + check_digit_for(first_nine),
            phone="0912345678",
            email="",
        )


def _next_working_day(office, day):
    while not is_working_day(office, day):
        day += dt.timedelta(days=1)
    return day


def _at(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
