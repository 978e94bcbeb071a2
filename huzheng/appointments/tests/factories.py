"""Appointment test data: an office with its booking rules, a bookable service, valid
(fictional) ID numbers, and days the tests can rely on whatever today's date is."""

import datetime as dt

from django.utils import timezone

from huzheng.appointments.models import AppointmentPolicy
from huzheng.catalog.models import RegistrationService
from huzheng.core.identity import check_digit_for
from huzheng.core.models import OpeningPeriod, SpecialDay
from huzheng.core.services import is_working_day
from huzheng.core.tests.factories import OfficeFactory


def appointment_office(code="huxi", **policy):
    """An office open Mon–Fri 08:00–12:00, noon 12:00–13:30 and 13:30–17:00, with its
    booking rules (defaults: 2 places, 15-minute grid, 30 days, 60 minutes' lead). For
    tests without demo_data: on an existing office the factory would add its hours twice."""
    office = OfficeFactory(code=code)
    AppointmentPolicy.objects.update_or_create(office=office, defaults=policy)
    office.refresh_from_db()
    return office


def bookable_service(slug="id-card-replacement", minutes=15, **fields):
    """A service citizens can book online, `minutes` long at the counter."""
    defaults = {
        "name": "國民身分證補發",
        "name_en": "ID card replacement",
        "category": "registration",
        "bookable": True,
        "appointment_minutes": minutes,
        **fields,
    }
    service, _created = RegistrationService.objects.update_or_create(slug=slug, defaults=defaults)
    return service


def a_national_id(n=0, sex="1", letter="A"):
    """The n-th valid fictional national ID number (A100000001…, with its check digit)."""
    first_nine = f"{letter}{sex}{n:07d}"
    return first_nine + check_digit_for(first_nine)


def open_all_day(office, day):
    """Make the office open on `day` from 00:00 to 23:59, whatever the calendar says, so a
    test can book at any hour of it. Other days of that weekday get the same hours."""
    OpeningPeriod.objects.filter(office=office, weekday=day.weekday()).delete()
    OpeningPeriod.objects.create(
        office=office, weekday=day.weekday(), opens=dt.time(0), closes=dt.time(23, 59)
    )
    SpecialDay.objects.update_or_create(
        office=office,
        date=day,
        defaults={"is_open": True, "kind": SpecialDay.Kind.OTHER, "reason": "test"},
    )


def working_day(office, days_ahead=2):
    """The first working day at least `days_ahead` days from today."""
    day = timezone.localdate() + dt.timedelta(days=days_ahead)
    while not is_working_day(office, day):
        day += dt.timedelta(days=1)
    return day


def at(day, hour, minute=0):
    """A local (Asia/Taipei) moment on a day."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
