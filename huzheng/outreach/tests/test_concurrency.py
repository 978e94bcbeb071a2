"""The same event reported by several doors at once (the registry feed, a CSV import and
a clerk) is one worklist item, and letters racing for the register never share a number
(real threads; SQLite here, PostgreSQL in CI)."""

import pytest

from huzheng.core.tests.races import race
from huzheng.notify.models import Letter
from huzheng.outreach import services
from huzheng.outreach.models import WorkItem
from huzheng.outreach.tests.factories import make_item, outreach_desk

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_ruling_imported_by_six_doors_at_once_is_one_item():
    desk = outreach_desk()
    results, errors = race(6, lambda i: make_item(desk, days_ago=5).pk)
    assert errors == []
    assert len(set(results)) == 1
    assert WorkItem.objects.count() == 1


def test_reminders_printed_at_once_get_consecutive_register_numbers():
    desk = outreach_desk()
    items = [
        make_item(desk, days_ago=70, service="divorce", person_name=f"當事人{i}", national_id=nid)
        for i, nid in enumerate(_ids(5))
    ]
    results, errors = race(5, lambda i: services.send_reminder_letter(items[i]).sequence)
    assert errors == []
    assert sorted(results) == [1, 2, 3, 4, 5]
    assert Letter.objects.count() == 5


def _ids(count):
    from huzheng.core.identity import check_digit_for

    return [f"E1{n:07d}" + check_digit_for(f"E1{n:07d}") for n in range(11, 11 + count)]
