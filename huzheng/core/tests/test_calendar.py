"""An office's opening status: hours, noon service, holidays, typhoon days, make-up days."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from huzheng.core import services
from huzheng.core.models import OpeningPeriod, SpecialDay
from huzheng.core.tests.factories import OfficeFactory

TAIPEI = ZoneInfo("Asia/Taipei")
pytestmark = pytest.mark.django_db


def at(*args):
    return dt.datetime(*args, tzinfo=TAIPEI)


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


def test_open_in_the_morning_and_closing_at_five(office):
    status = services.opening_status(office, at(2026, 11, 26, 10, 0))  # a Thursday
    assert status.state == services.OPEN
    assert status.closes_at == at(2026, 11, 26, 17, 0)


def test_the_noon_flexible_hours_are_noon_service(office):
    status = services.opening_status(office, at(2026, 11, 26, 12, 30))
    assert status.state == services.NOON
    assert status.is_open


def test_after_hours_it_says_when_it_opens_next(office):
    status = services.opening_status(office, at(2026, 11, 27, 17, 0))  # Friday 17:00
    assert status.state == services.CLOSED
    assert status.next_opens_at == at(2026, 11, 30, 8, 0)  # Monday


def test_national_holidays_close_the_office_with_their_name(office):
    status = services.opening_status(office, at(2026, 1, 1, 10, 0))  # a Thursday
    assert status.state == services.CLOSED
    assert "開國紀念日" in status.reason
    assert status.next_opens_at == at(2026, 1, 2, 8, 0)


def test_the_english_site_names_the_holiday_in_english(office):
    with translation.override("en"):
        status = services.opening_status(office, at(2027, 2, 8, 10, 0))  # Lunar New Year
    assert status.reason == "Chinese New Year"
    assert services.opening_status(office, at(2027, 2, 8, 10, 0)).reason == "春節"


def test_a_typhoon_day_closes_one_office_only(office):
    other = OfficeFactory(code="magong")
    SpecialDay.objects.create(
        office=office,
        date=dt.date(2026, 11, 26),
        is_open=False,
        kind=SpecialDay.Kind.TYPHOON,
        reason="颱風停止上班",
    )
    assert services.opening_status(office, at(2026, 11, 26, 10)).reason == "颱風停止上班"
    assert not services.opening_status(office, at(2026, 11, 26, 10)).is_open
    assert services.opening_status(other, at(2026, 11, 26, 10)).is_open


def test_an_office_entry_overrides_a_day_for_every_office(office):
    SpecialDay.objects.create(
        office=None,
        date=dt.date(2026, 11, 26),
        is_open=False,
        kind=SpecialDay.Kind.TYPHOON,
        reason="全縣停班",
    )
    SpecialDay.objects.create(
        office=office,
        date=dt.date(2026, 11, 26),
        is_open=True,
        kind=SpecialDay.Kind.OTHER,
        reason="照常上班",
    )
    assert services.opening_status(office, at(2026, 11, 26, 10)).is_open


def test_a_make_up_saturday_opens_with_weekday_hours(office):
    # 2025-02-08 was a make-up workday (補行上班) for the Lunar New Year bridge day.
    status = services.opening_status(office, at(2025, 2, 8, 9, 0))
    assert status.state == services.OPEN
    assert services.is_working_day(office, dt.date(2025, 2, 8))
    assert not services.is_working_day(office, dt.date(2025, 2, 15))


def test_an_evening_extension_is_evening_service(office):
    OpeningPeriod.objects.create(
        office=office,
        weekday=2,
        opens=dt.time(17),
        closes=dt.time(20),
        kind=OpeningPeriod.Kind.EVENING,
    )
    status = services.opening_status(office, at(2026, 11, 25, 18, 0))  # Wednesday
    assert status.state == services.EVENING
    assert services.opening_status(office, at(2026, 11, 25, 10)).closes_at == at(
        2026, 11, 25, 20, 0
    )


def test_the_week_is_summarised_in_runs_with_the_noon_hours_noted(office):
    (weekdays,) = services.weekly_hours(office)
    assert weekdays["runs"] == [{"opens": dt.time(8), "closes": dt.time(17)}]
    assert [(e["opens"], e["closes"]) for e in weekdays["extras"]] == [
        (dt.time(12), dt.time(13, 30))
    ]


def test_an_unknown_office_code_is_not_found(office):
    with pytest.raises(services.OfficeNotFound):
        services.get_office("nowhere")
    assert services.get_office(" HUXI ") == office
