"""One allocator for every number the office gives (編號): consecutive, restarting per
period, separate per office and key, never given twice, even to callers racing for the
first number of a day (real threads, SQLite here, PostgreSQL in CI)."""

import datetime as dt

import pytest
from django.db import transaction

from huzheng.core.models import NumberSequence
from huzheng.core.sequences import next_number
from huzheng.core.tests.factories import OfficeFactory
from huzheng.core.tests.races import race

DAY = dt.date(2026, 12, 7)


@pytest.mark.django_db
def test_numbers_run_from_one_and_restart_in_each_period():
    office = OfficeFactory()
    assert [next_number("case", office=office, period=115) for _ in range(3)] == [1, 2, 3]
    assert next_number("case", office=office, period=116) == 1
    assert next_number("slip", office=office, period=DAY) == 1
    assert NumberSequence.objects.get(name="slip").period == "2026-12-07"


@pytest.mark.django_db
def test_each_office_and_key_has_its_own_numbers_and_a_national_numbering_none():
    huxi, magong = OfficeFactory(), OfficeFactory()
    assert next_number("ticket", office=huxi, key="A", period=DAY) == 1
    assert next_number("ticket", office=huxi, key="B", period=DAY) == 1
    assert next_number("ticket", office=magong, key="A", period=DAY) == 1
    assert next_number("loss-report", period=115) == 1
    assert next_number("loss-report", period=115) == 2
    assert next_number("ticket", office=huxi, key="A", period=DAY) == 2


@pytest.mark.django_db
def test_a_write_that_rolls_back_gives_its_number_back():
    office = OfficeFactory()
    assert next_number("case", office=office, period=115) == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        assert next_number("case", office=office, period=115) == 2
        raise RuntimeError("the case was refused after its number was taken")
    assert next_number("case", office=office, period=115) == 2


@pytest.mark.django_db(transaction=True)
def test_twelve_callers_racing_for_the_first_number_of_a_day_never_share_one():
    office = OfficeFactory()

    def take(_i):
        with transaction.atomic():
            return next_number("ticket", office=office, key="A", period=DAY)

    results, errors = race(12, take)
    assert errors == []
    assert sorted(results) == list(range(1, 13))
    assert NumberSequence.objects.get(name="ticket").last == 12


@pytest.mark.django_db(transaction=True)
def test_a_national_numbering_under_a_race_never_gives_a_number_twice():
    results, errors = race(8, lambda _i: next_number("loss-report", period=115))
    assert errors == []
    assert sorted(results) == list(range(1, 9))
