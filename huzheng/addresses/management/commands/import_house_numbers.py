"""manage.py import_house_numbers numbers.csv [--office huxi]: house numbers (門牌) from a
CSV in the layout of the national house-number open data.

Accepted columns (heading row first; other columns, such as 橫座標/縱座標, are ignored):

    省市縣市代碼 (countycode)   optional
    鄉鎮市區代碼 (areacode)     optional; one district per file
    村里 (village)              required; a village of the office
    鄰 (neighbor)               optional; 3, 003 or 第3鄰
    街路段 / 街、路段 (road)     road and section, 中正路二段; this or 地區 on every row
    地區 (area)                 an area name where numbers follow a place, not a road
    巷 (lane) 弄 (alley) 衖     optional; 10 or 10巷
    號 (number)                 required; 5, 5號, 12之1, 12-1, 5號之1
    樓 (floor)                  optional
    編釘日期 (date)             optional; ROC 1050312, 105/03/12, or 2016-03-12
    異動類型 / 編釘類別 (kind)   optional; 初編, 增編, 改編, 整編, 廢止
    原門牌 (previous_address)   optional; the address before a renumbering
    備註 (note)                 optional

UTF-8 (with or without BOM) or Big5. Every row is checked first; bad rows are listed
with their line numbers and nothing is written (one transaction). Importing the same
file again changes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from huzheng.addresses import housenumbers
from huzheng.core.services import OfficeNotFound, get_office


class Command(BaseCommand):
    help = (
        "Import house numbers (門牌) from a CSV in the national open-data layout: 省市縣市代碼, "
        "鄉鎮市區代碼, 村里 (required), 鄰, 街路段 or 地區 (one required), 巷, 弄, 衖, 號 "
        "(required), 樓, 編釘日期, 異動類型/編釘類別 (初編/增編/改編/整編/廢止), 原門牌, 備註. "
        "Other columns are ignored. One bad row and nothing is written; re-importing is "
        "harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="path of the CSV file (UTF-8 or Big5)")
        parser.add_argument(
            "--office",
            default=settings.HUZHENG_DEFAULT_OFFICE,
            help="the code of the office whose villages the file covers (default: %(default)s)",
        )

    def handle(self, *args, csv_file, office, **options):
        try:
            office_obj = get_office(office)
        except OfficeNotFound:
            raise CommandError(f"No active office with the code {office!r}.") from None
        try:
            data = Path(csv_file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_file}: {exc}") from None
        try:
            result = housenumbers.import_house_numbers_csv(office_obj, data)
        except housenumbers.HouseNumberImportError as exc:
            for error in exc.errors:
                self.stderr.write(error.message)
            raise CommandError(f"Nothing imported: {len(exc.errors)} error(s).") from None
        self.stdout.write(
            f"Read {result.rows} rows: {result.created} house numbers added, "
            f"{result.updated} changed, {result.unchanged} unchanged, "
            f"{result.events} history entries added."
        )
