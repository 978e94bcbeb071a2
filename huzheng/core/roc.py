"""The ROC calendar (民國紀年) as an office writes it and as citizens type it.

民國 year = Gregorian year − 1911, so 2026-11-26 is 民國115年11月26日, written short as
115/11/26. APIs and exports keep ISO dates; these helpers are for people.
"""

import datetime as dt
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ROC_OFFSET = 1911
MAX_LENGTH = 30

# 115/1/5, 115.01.05, 115-1-5, 115 1 5, 民國115年1月5日, 115年1月5日
_SEPARATED = re.compile(
    r"^(?:民國|民)?\s?(?P<y>\d{1,4})\s?(?:[/.\-]|年|\s)\s?(?P<m>\d{1,2})\s?(?:[/.\-]|月|\s)"
    r"\s?(?P<d>\d{1,2})\s?日?$"
)
# 1150105 (7 digits) or 990105 (6 digits, for years before 100)
_COMPACT = re.compile(r"^(?P<y>\d{2,3})(?P<m>\d{2})(?P<d>\d{2})$")


def roc_year(year):
    return year - ROC_OFFSET


def format_long(value):
    """民國115年11月26日; years before 1912 as 民國前N年."""
    value = _as_date(value)
    if value is None:
        return ""
    year = roc_year(value.year)
    year_text = f"民國{year}年" if year > 0 else f"民國前{1 - year}年"
    return f"{year_text}{value.month}月{value.day}日"


def format_short(value):
    """115/11/26, as forms and tables write it."""
    value = _as_date(value)
    if value is None:
        return ""
    return f"{roc_year(value.year)}/{value.month:02d}/{value.day:02d}"


def format_for_language(value, language=None):
    """The long ROC form in Chinese; in English the ISO date with the ROC year beside it."""
    value = _as_date(value)
    if value is None:
        return ""
    language = (language or get_language() or "zh-hant").lower()
    if language.startswith("zh"):
        return format_long(value)
    return f"{value.isoformat()} (ROC {roc_year(value.year)})"


def parse(text):
    """Read a date as citizens type it; raise ValidationError with a clear message.

    A four-digit year of 1912 or later is read as a Gregorian year (2026/1/5), since no
    ROC year has four digits yet.
    """
    raw = unicodedata.normalize("NFKC", str(text or "")).strip()
    if not raw:
        raise ValidationError(_("Please enter a date."), code="required")
    # No date is this long; refusing early also keeps the regular expression cheap.
    match = None if len(raw) > MAX_LENGTH else (_SEPARATED.match(raw) or _COMPACT.match(raw))
    if not match:
        raise ValidationError(
            _("Please write the date in the ROC calendar, for example 115/1/5 or 1150105."),
            code="format",
        )
    year, month, day = (int(match.group(k)) for k in ("y", "m", "d"))
    if year >= 1912 and len(match.group("y")) == 4:
        gregorian_year = year
    elif 1 <= year <= 999:
        gregorian_year = year + ROC_OFFSET
    else:
        raise ValidationError(
            _("The year %(year)s is not a valid ROC year."), code="year", params={"year": year}
        )
    try:
        return dt.date(gregorian_year, month, day)
    except ValueError:
        raise ValidationError(
            _("There is no such date: ROC year %(year)s, month %(month)s, day %(day)s."),
            code="impossible",
            params={"year": roc_year(gregorian_year), "month": month, "day": day},
        ) from None


def today():
    """Today's date in the office's time zone (Asia/Taipei), not the server's."""
    return timezone.localdate()


def _as_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


class RocDateField(forms.DateField):
    """A date typed in the ROC calendar (115/1/5); shown back the same way."""

    default_error_messages = {"invalid": _("Please enter a valid date.")}

    def __init__(self, *, allow_future=True, **kwargs):
        self.allow_future = allow_future
        kwargs.setdefault("help_text", _("ROC calendar, for example 115/1/5 or 115.1.5"))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(MAX_LENGTH))
        # A decimal keypad has the "." that 115.1.5 needs; a numeric one has no separator.
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("placeholder", "115/1/5")

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return format_short(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        return parse(value)

    def validate(self, value):
        super().validate(value)
        if value and not self.allow_future and value > today():
            raise ValidationError(_("This date cannot be in the future."), code="future")
