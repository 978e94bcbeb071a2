"""Each app registers its own indicators for the plan; periods are months or years."""

import datetime as dt

import pytest

from huzheng.core import indicators
from huzheng.core.indicators import Period


def test_a_month_and_a_year_are_periods_with_their_keys():
    november = Period.parse("2026-11")
    assert (november.first, november.last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert november.key == "2026-11"
    assert Period.parse("2026").key == "2026"
    assert Period(dt.date(2026, 1, 5), dt.date(2026, 1, 9)).key == "2026-01-05/2026-01-09"


@pytest.mark.parametrize("text", ["", "2026-13", "26-11", "2026-1x", "<script>", "2026/11"])
def test_anything_but_a_month_or_a_year_is_refused(text):
    with pytest.raises(ValueError):
        Period.parse(text)


def test_a_registered_indicator_is_found_and_computes(monkeypatch):
    monkeypatch.setattr(indicators, "_registry", {})

    @indicators.indicator("test.answered", name="Answered", unit="%", source="test rows")
    def answered(office, period):
        return 87.5

    found = indicators.get_indicator("test.answered")
    assert found.value(None, Period.parse("2026-11")) == 87.5
    assert found.better == indicators.HIGHER
