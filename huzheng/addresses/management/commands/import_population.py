"""manage.py import_population huxi figures.csv: the same import as the back office's
upload, for scripts and cron (every row checked; one bad row and nothing is written)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from huzheng.addresses.population import services
from huzheng.core.services import OfficeNotFound, get_office


class Command(BaseCommand):
    help = "Import monthly population figures (人口統計) for an office's villages from a CSV."

    def add_arguments(self, parser):
        parser.add_argument("office", help="office code, for example huxi")
        parser.add_argument("csv_file", help="path of the CSV file (UTF-8 or Big5)")

    def handle(self, *args, office, csv_file, **options):
        try:
            office_obj = get_office(office)
        except OfficeNotFound:
            raise CommandError(f"No active office with the code {office!r}.") from None
        path = Path(csv_file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_file}: {exc}") from None
        try:
            record = services.import_population_csv(office_obj, data, filename=path.name)
        except services.PopulationImportError as exc:
            for error in exc.errors:
                self.stderr.write(error.message)
            raise CommandError(f"Nothing imported: {len(exc.errors)} error(s).") from None
        self.stdout.write(
            f"Imported {record.rows} rows ({record.created} added, {record.updated} replaced) "
            f"for {', '.join(record.months)}."
        )
