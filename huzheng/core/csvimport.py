"""Reading an uploaded or imported CSV file (匯入檔案) the way every import here does:
UTF-8 with or without a byte-order mark, or Big5 as Excel in Taiwan saves "CSV"; empty,
oversized and binary files refused with a message for people. The population figures,
the house numbers and the government office calendar all read through `csv_rows`.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _


class ImportRefused(Exception):
    """The file was refused; ``errors`` says why, row by row. Nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(e.message for e in errors[:5]))


@dataclass(frozen=True)
class RowError:
    row: int | None  # the line in the file (the heading is row 1); None for the whole file
    column: str  # the column key, "" for the whole row or file
    message: str


def csv_rows(data, *, max_bytes, refused):
    """The uploaded CSV's non-empty rows as [(line number, cells)] and the encoding it was
    read in (UTF-8 or Big5), or `refused` (an ImportRefused) saying what is wrong."""
    if not data.strip():
        raise refused([RowError(None, "", _("The file is empty."))])
    if len(data) > max_bytes:
        size = max_bytes // (1024 * 1024)
        raise refused(
            [RowError(None, "", _("The file is larger than %(size)s MB.") % {"size": size})]
        )
    text, encoding = decode(data)
    if text is None:
        raise refused(
            [
                RowError(
                    None, "", _("The file is neither UTF-8 nor Big5 text. Save it as CSV (UTF-8).")
                )
            ]
        )
    if "\x00" in text:
        raise refused(
            [RowError(None, "", _("The file holds binary data; please upload a CSV text file."))]
        )
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise refused(
            [
                RowError(
                    None, "", _("The file is not a valid CSV file (%(error)s).") % {"error": exc}
                )
            ]
        ) from None
    numbered = [
        (number, cells)
        for number, cells in enumerate(lines, start=1)
        if any(c.strip() for c in cells)
    ]
    if not numbered:
        raise refused([RowError(None, "", _("The file is empty."))])
    return numbered, encoding


def column_map(header, aliases):
    """{column key: index} from the heading row. `aliases` is {key: [heading, ...]};
    headings match whatever their width, case, spaces or byte-order mark, unknown ones
    are ignored and the first of a repeated one counts."""
    wanted = {_heading(alias): key for key, names in aliases.items() for alias in names}
    columns = {}
    for index, cell in enumerate(header):
        key = wanted.get(_heading(cell))
        if key and key not in columns:
            columns[key] = index
    return columns


def cell(cells, columns, key):
    """The row's text in the column of `key` (full-width folded, ends trimmed); "" when
    the file has no such column or the row stops short of it."""
    index = columns.get(key)
    if index is None or index >= len(cells):
        return ""
    return unicodedata.normalize("NFKC", cells[index]).strip()


def quoted(value, limit=20):
    """A cell's text as quoted back in a message: printable and short."""
    value = "".join(ch for ch in str(value) if ch.isprintable())
    return value if len(value) <= limit else value[:limit] + "…"


def _heading(text):
    return unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "").lstrip("\ufeff")


def decode(data):
    """(text, encoding name) of an uploaded file: UTF-8 with or without a byte-order mark,
    else Big5 (Windows code page 950, as Excel in Taiwan saves "CSV"); None if neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp950", "big5hkscs")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, "utf-8" if encoding.startswith("utf-8") else "big5"
    return None, ""
