"""Case numbers under a race: counters registering at the same moment never share a
number and leave no gap (real threads, SQLite here, PostgreSQL in CI)."""

import pytest

from huzheng.cases.models import Case
from huzheng.cases.tests.factories import case_desk, make_case
from huzheng.core.tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_counters_registering_at_once_never_share_a_case_number():
    desk = case_desk()
    results, errors = race(10, lambda i: make_case(desk, applicant_name=f"申請人{i}").number)
    assert errors == []
    assert sorted(results) == [f"115-HUXI-{n:06d}" for n in range(1, 11)]
    assert Case.objects.count() == 10
