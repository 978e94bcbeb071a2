"""The database holds the rules of the figures: one row per village and month, and no
negative counts, whatever code writes them."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from huzheng.addresses.models import FIGURE_FIELDS, PopulationFigure
from huzheng.addresses.tests.factories import DEFAULTS, figure, office_with_villages

pytestmark = pytest.mark.django_db


def test_a_village_has_one_row_per_month():
    _office, (village, *_rest) = office_with_villages()
    figure(village, dt.date(2026, 9, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        figure(village, dt.date(2026, 9, 1))


def test_the_month_is_stored_as_its_first_day():
    _office, (village, *_rest) = office_with_villages()
    row = figure(village, dt.date(2026, 9, 17))
    row.refresh_from_db()
    assert row.month == dt.date(2026, 9, 1)
    assert row.population == DEFAULTS["males"] + DEFAULTS["females"]


@pytest.mark.parametrize("name", FIGURE_FIELDS)
def test_no_count_may_be_negative(name):
    _office, (village, *_rest) = office_with_villages()
    values = {**DEFAULTS, name: -1}
    with pytest.raises(IntegrityError), transaction.atomic():
        # update() skips model validation: the database itself refuses.
        PopulationFigure.objects.bulk_create(
            [PopulationFigure(village=village, month=dt.date(2026, 9, 1), **values)]
        )
    row = figure(village)
    with pytest.raises(IntegrityError), transaction.atomic():
        PopulationFigure.objects.filter(pk=row.pk).update(**{name: -5})
