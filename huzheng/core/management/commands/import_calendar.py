"""Import the government office calendar (政府行政機關辦公日曆表) that the Directorate-
General of Personnel Administration publishes each year as open data (data.gov.tw), so
working days — and every deadline counted in them — follow the official calendar.

The CSV has a header row and the columns 西元日期 (YYYYMMDD), 星期, 是否放假 (2 = a day
off, 0 = a working day) and 備註 (the holiday's name). Only days that depart from the
usual week are kept (core.services.import_government_calendar). Files may be UTF-8
(with or without BOM) or Big5. One bad row and nothing is written.

    manage.py import_calendar 115年中華民國政府行政機關辦公日曆表.csv
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from huzheng.core.services import CalendarImportRefused, import_government_calendar


class Command(BaseCommand):
    help = "Import the DGPA government office calendar CSV as special days for every office."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="path of the CSV file (UTF-8 or Big5)")

    def handle(self, *args, csv_file, **options):
        try:
            data = Path(csv_file).read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": csv_file, "error": exc.strerror}
            ) from None
        try:
            added, updated = import_government_calendar(data)
        except CalendarImportRefused as exc:
            lines = [
                _("Line %(line)s: %(message)s") % {"line": error.row, "message": error.message}
                if error.row
                else error.message
                for error in exc.errors
            ]
            raise CommandError("\n".join([*lines, _("Nothing imported.")])) from None
        self.stdout.write(
            _("%(added)s special days added, %(updated)s checked or updated.")
            % {"added": added, "updated": updated}
        )
