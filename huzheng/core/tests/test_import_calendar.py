"""The government office calendar is importable: its days off and make-up workdays
become special days for every office, and working-day deadlines follow them."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from huzheng.core.models import SpecialDay
from huzheng.core.services import is_working_day
from huzheng.core.tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Operators read the command's messages in the office's language; these tests read
    # them in English.
    with translation.override("en"):
        yield


CALENDAR = """西元日期,星期,是否放假,備註
20270217,三,2,春節
20270218,四,0,
20270220,六,0,補行上班
20270221,日,2,
"""


def test_days_off_and_make_up_workdays_become_special_days(tmp_path):
    path = tmp_path / "calendar.csv"
    path.write_text(CALENDAR, encoding="big5")
    call_command("import_calendar", str(path))
    office = OfficeFactory()
    assert not is_working_day(office, dt.date(2027, 2, 17))
    assert is_working_day(office, dt.date(2027, 2, 18))
    assert is_working_day(office, dt.date(2027, 2, 20))  # a Saturday at work
    assert SpecialDay.objects.count() == 2  # ordinary days are not stored
    call_command("import_calendar", str(path))
    assert SpecialDay.objects.count() == 2


def test_a_bad_row_imports_nothing(tmp_path):
    path = tmp_path / "calendar.csv"
    path.write_text(CALENDAR + "2027-02-22,一,9,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Line 6"):
        call_command("import_calendar", str(path))
    assert not SpecialDay.objects.exists()


def test_a_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "calendar.csv"
    path.write_text("date,off\n20270217,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no column"):
        call_command("import_calendar", str(path))


def test_an_empty_or_binary_file_is_refused_with_nothing_written(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("import_calendar", str(empty))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(CALENDAR.encode() + b"\x00\x01\x02")
    with pytest.raises(CommandError, match="binary"):
        call_command("import_calendar", str(binary))
    assert not SpecialDay.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_calendar", str(tmp_path / "none.csv"))


def test_the_messages_are_in_the_offices_language(tmp_path):
    path = tmp_path / "calendar.csv"
    path.write_text(CALENDAR + "2027-02-22,一,9,\n", encoding="utf-8")
    with translation.override("zh-hant"), pytest.raises(CommandError, match="第 6 列"):
        call_command("import_calendar", str(path))
