"""Import the government office calendar (政府行政機關辦公日曆表) that the Directorate-
General of Personnel Administration publishes each year as open data (data.gov.tw), so
working days — and every deadline counted in them — follow the official calendar.

The CSV has a header row and the columns 西元日期 (YYYYMMDD), 星期, 是否放假 (2 = a day
off, 0 = a working day) and 備註 (the holiday's name). Only days that depart from the
usual week are kept: a weekday off becomes a holiday, a Saturday or Sunday at work a
make-up workday (補行上班), as special days for every office. Files may be UTF-8 (with or
without BOM) or Big5. Every row is checked before anything is written; then one
transaction. Importing the same file again changes nothing.

    manage.py import_calendar 115年中華民國政府行政機關辦公日曆表.csv
"""

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from huzheng.core.models import SpecialDay

COLUMNS = ("西元日期", "是否放假", "備註")
KINDS = {True: SpecialDay.Kind.MAKEUP_WORKDAY, False: SpecialDay.Kind.HOLIDAY}


class Command(BaseCommand):
    help = "Import the DGPA government office calendar CSV as special days for every office."

    def add_arguments(self, parser):
        parser.add_argument("csv_file")

    def handle(self, *args, csv_file, **options):
        days, errors = read_calendar(_decode(Path(csv_file)))
        if errors:
            raise CommandError("\n".join([*errors, "Nothing imported."]))
        added = changed = 0
        with transaction.atomic():
            for day, is_open, reason in days:
                _special, created = SpecialDay.objects.update_or_create(
                    office=None,
                    date=day,
                    defaults={
                        "is_open": is_open,
                        "kind": SpecialDay.Kind.MAKEUP_WORKDAY
                        if is_open
                        else SpecialDay.Kind.HOLIDAY,
                        "reason": reason,
                    },
                )
                added += created
                changed += not created
        self.stdout.write(f"{added} special days added, {changed} checked or updated.")


def read_calendar(text):
    """[(date, is_open, reason)] for the days that depart from the usual week, and the
    errors by line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return [], [f"The file has no column {', '.join(missing)}."]
    days, errors = [], []
    for line, row in enumerate(reader, start=2):
        try:
            day = dt.datetime.strptime((row["西元日期"] or "").strip(), "%Y%m%d").date()
        except ValueError:
            errors.append(f"Line {line}: 西元日期 is not a date (YYYYMMDD).")
            continue
        flag = (row["是否放假"] or "").strip()
        if flag not in ("0", "2"):
            errors.append(f"Line {line}: 是否放假 must be 0 or 2.")
            continue
        off, weekend = flag == "2", day.weekday() >= 5
        reason = (row["備註"] or "").strip()[:200]
        if off and not weekend:
            days.append((day, False, reason or "放假"))
        elif not off and weekend:
            days.append((day, True, reason or "補行上班"))
    return days, errors


def _decode(path):
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
    for encoding in ("utf-8-sig", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError("The file is neither UTF-8 nor Big5.")
