"""ROC dates as an office writes them and as citizens type them."""

import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from huzheng.core import roc


def test_dates_are_written_in_the_roc_calendar():
    day = dt.date(2026, 11, 26)
    assert roc.format_long(day) == "民國115年11月26日"
    assert roc.format_short(day) == "115/11/26"
    assert roc.format_short(dt.date(2026, 1, 5)) == "115/01/05"


def test_the_first_years_of_the_republic_and_before_it():
    assert roc.format_long(dt.date(1912, 1, 1)) == "民國1年1月1日"
    assert roc.format_long(dt.date(1911, 12, 31)) == "民國前1年12月31日"


def test_an_aware_datetime_is_written_on_its_taipei_date():
    # 17:00 UTC on the 26th is already 01:00 on the 27th in Taipei.
    moment = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
    assert roc.format_long(moment) == "民國115年11月27日"


@pytest.mark.parametrize(
    "typed",
    [
        "115/1/5",
        "115/01/05",
        "115.01.05",
        "115-1-5",
        "1150105",
        "115 1 5",
        "民國115年1月5日",
        "115年1月5日",
        "１１５／１／５",
        " 115/1/5 ",
        "2026/1/5",
        "2026-01-05",
    ],
)
def test_dates_are_read_as_citizens_type_them(typed):
    assert roc.parse(typed) == dt.date(2026, 1, 5)


def test_two_digit_years_in_the_compact_form():
    assert roc.parse("990105") == dt.date(2010, 1, 5)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("115/2/29", "impossible"),  # 2026 is not a leap year
        ("115/13/1", "impossible"),
        ("115/4/31", "impossible"),
        ("0/1/1", "year"),
        ("1000/1/1", "year"),
        ("tomorrow", "format"),
        ("115/1", "format"),
        ("<script>alert(1)</script>", "format"),
        ("", "required"),
    ],
)
def test_impossible_and_unreadable_dates_are_refused(typed, code):
    with pytest.raises(ValidationError) as error:
        roc.parse(typed)
    assert error.value.code == code


def test_a_leap_day_in_a_leap_year_is_accepted():
    assert roc.parse("113/2/29") == dt.date(2024, 2, 29)


def test_the_impossible_date_message_names_the_date_in_chinese():
    with translation.override("zh-hant"), pytest.raises(ValidationError) as error:
        roc.parse("115/2/30")
    assert "115" in error.value.messages[0]
    assert "沒有" in error.value.messages[0]


def test_template_filters_write_roc_dates():
    template = Template("{{ day|roc_date }} {{ day|roc_short }}")
    with translation.override("zh-hant"):
        assert template.render(Context({"day": dt.date(2026, 11, 26)})) == (
            "民國115年11月26日 115/11/26"
        )
    with translation.override("en"):
        assert template.render(Context({"day": dt.date(2026, 11, 26)})).startswith(
            "2026-11-26 (ROC 115)"
        )


class _Form(forms.Form):
    birth_date = roc.RocDateField(allow_future=False)


def test_the_form_field_reads_and_shows_roc_dates():
    form = _Form({"birth_date": "80/7/1"})
    assert form.is_valid()
    assert form.cleaned_data["birth_date"] == dt.date(1991, 7, 1)
    assert 'value="80/07/01"' in str(_Form(initial={"birth_date": dt.date(1991, 7, 1)}))


def test_the_form_field_refuses_a_future_birth_date():
    form = _Form({"birth_date": "999/1/1"})
    assert not form.is_valid()


def test_a_very_long_input_is_refused_before_it_is_parsed(monkeypatch):
    # The pattern must never see it: a long run of spaces once made it slow.
    monkeypatch.setattr(roc, "_SEPARATED", None)
    with pytest.raises(ValidationError) as error:
        roc.parse("115" + " " * 20000 + "1/5")
    assert error.value.code == "format"
