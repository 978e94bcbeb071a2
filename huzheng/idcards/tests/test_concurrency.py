"""Loss reports under concurrency, raced with real threads against the test database
(SQLite here, PostgreSQL with DATABASE_URL): a double tap gives one report, and reports
made at the same instant never share a reference."""

import pytest

from huzheng.core.tests.races import race
from huzheng.idcards import demo, services
from huzheng.idcards.models import LossReport
from huzheng.idcards.tests.helpers import person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def registry():
    demo.seed()


def report(p, i):
    return services.report_loss_online(
        p["national_id"], p["name"], p["birth_date"], client=f"10.0.0.{i}"
    )


def test_ten_reports_of_one_card_at_once_give_one_reference():
    p = person(1)
    results, errors = race(10, lambda i: report(p, i))
    assert errors == []
    assert len({r.reference for r, _created in results}) == 1
    assert sum(created for _r, created in results) == 1
    assert LossReport.objects.filter(status="reported").count() == 2  # with the demo's own


def test_reports_of_different_cards_at_once_never_share_a_reference():
    results, errors = race(8, lambda i: report(person(i), i))
    assert errors == []
    references = [r.reference for r, _created in results]
    assert len(set(references)) == len(references)
