"""Population statistics (人口統計): reading a CSV of monthly figures, and the figures as
the public page, the chart and the open-data files show them.

``import_population_csv`` is the one way figures are written: the back-office upload and
``manage.py import_population`` both call it. Every row is checked first; one bad row and
nothing is written. Good files are upserted (a month sent again replaces that month).
"""

import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.addresses.models import (
    FIGURE_FIELDS,
    PopulationFigure,
    PopulationImport,
    Village,
)
from huzheng.addresses.writing import normalise_name
from huzheng.core import charts, roc
from huzheng.core.csvimport import (  # noqa: F401
    ImportRefused,
    RowError,
    cell,
    column_map,
    csv_rows,
    decode,
    quoted,
)
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.text import plain_text

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COUNT = 10_000_000
MONTHS_SHOWN = 24

# Column keys of the upload and of the open-data files, with the headings people write.
COLUMN_LABELS = {
    "village": gettext_lazy("Village"),
    "month": gettext_lazy("Month"),
    "households": gettext_lazy("Households"),
    "population": gettext_lazy("Population"),
    "males": gettext_lazy("Males"),
    "females": gettext_lazy("Females"),
    "births": gettext_lazy("Births"),
    "deaths": gettext_lazy("Deaths"),
    "marriages": gettext_lazy("Marriages"),
    "divorces": gettext_lazy("Divorces"),
    "moves_in": gettext_lazy("Moves in"),
    "moves_out": gettext_lazy("Moves out"),
}
# The template's headings: what an office's own spreadsheet says.
TEMPLATE_HEADINGS = {
    "village": "村里",
    "month": "月份",
    "households": "戶數",
    "males": "男",
    "females": "女",
    "births": "出生",
    "deaths": "死亡",
    "marriages": "結婚",
    "divorces": "離婚",
    "moves_in": "遷入",
    "moves_out": "遷出",
}
HEADER_ALIASES = {
    "village": ["村里", "村里名稱", "村里別", "村別", "里別", "村", "里", "village"],
    "month": ["月份", "年月", "統計年月", "資料年月", "month"],
    "households": ["戶數", "households"],
    "population": ["人口數", "人口", "總人口", "合計", "population"],
    "males": ["男", "男性", "男性人口", "男口數", "males"],
    "females": ["女", "女性", "女性人口", "女口數", "females"],
    "births": ["出生", "出生數", "出生人數", "births"],
    "deaths": ["死亡", "死亡數", "死亡人數", "deaths"],
    "marriages": ["結婚", "結婚對數", "marriages"],
    "divorces": ["離婚", "離婚對數", "divorces"],
    "moves_in": ["遷入", "遷入人數", "遷入人口", "moves_in", "movesin", "move_in"],
    "moves_out": ["遷出", "遷出人數", "遷出人口", "moves_out", "movesout", "move_out"],
    "office_code": ["office_code", "officecode"],
    "village_code": ["village_code", "villagecode", "村里代碼"],
}
REQUIRED_COLUMNS = ("village", "month", *FIGURE_FIELDS)

# 115/10, 115-10, 115.10, 115年10月, 民國115年10月, 2026-10, 2026/10, 2026-10-01, 11510, 202610
_MONTH = re.compile(r"^(?:民國|民)?(?P<y>\d{1,4})(?:[/.\-年])(?P<m>\d{1,2})(?:月|[/.\-]0?1日?)?$")
_COMPACT_MONTH = re.compile(r"^(?P<y>\d{2,4}?)(?P<m>\d{2})$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


class PopulationImportError(ImportRefused):
    """A population figures file was refused."""


@dataclass
class _Row:
    number: int
    village: Village
    month: dt.date
    values: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Reading what people type


def parse_month(text):
    """The first day of a month written as 115/10, 115年10月, 2026-10 …; None if it is not
    a month. A four-digit year of 1912 or later is Gregorian, else a ROC year."""
    raw = unicodedata.normalize("NFKC", str(text or "")).strip().replace(" ", "")
    if not raw or len(raw) > 20:
        return None
    match = _MONTH.match(raw) or _COMPACT_MONTH.match(raw)
    if not match:
        return None
    year_text, month = match.group("y"), int(match.group("m"))
    year = int(year_text)
    if len(year_text) == 4 and year >= 1912:
        pass
    elif 1 <= year <= 999 and len(year_text) <= 3:
        year += roc.ROC_OFFSET
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1)


def month_label(month):
    """民國115年10月 (English: 2026-10 (ROC 115))."""
    return _("ROC year %(year)s, month %(month)s") % {
        "year": roc.roc_year(month.year),
        "month": month.month,
    }


def month_short(month):
    """115/10."""
    return f"{roc.roc_year(month.year)}/{month.month:02d}"


# ---------------------------------------------------------------------------------------
# The import


def import_population_csv(office, data, *, user=None, filename=""):
    """Check every row of a CSV of monthly figures for ``office``'s villages, then write
    them all (adding new months, replacing months sent again) or, if any row is wrong,
    nothing. Returns the ``PopulationImport`` record; raises ``PopulationImportError``."""
    if not isinstance(data, bytes):
        data = bytes(data)
    rows, encoding = _read(office, data)
    try:
        return _write(office, rows, encoding, user, filename)
    except IntegrityError:
        # Another import added one of these months at the same moment: now that it is
        # there, this import replaces it.
        return _write(office, rows, encoding, user, filename)


def _write(office, rows, encoding, user, filename):
    with transaction.atomic():
        keys = {(r.village.pk, r.month) for r in rows}
        months = sorted({r.month for r in rows})
        existing = {
            (f.village_id, f.month): f
            for f in PopulationFigure.objects.select_for_update().filter(
                village__office=office, month__in=months
            )
        }
        created, updated = [], []
        for row in rows:
            figure = existing.get((row.village.pk, row.month))
            if figure is None:
                created.append(PopulationFigure(village=row.village, month=row.month, **row.values))
                continue
            for name, value in row.values.items():
                setattr(figure, name, value)
            updated.append(figure)
        PopulationFigure.objects.bulk_create(created)
        for figure in updated:
            figure.save()
        record = PopulationImport.objects.create(
            office=office,
            user=user if getattr(user, "pk", None) else None,
            filename=str(filename or "")[:200],
            encoding=encoding,
            rows=len(keys),
            created=len(created),
            updated=len(updated),
            months=[m.strftime("%Y-%m") for m in months],
        )
        record_audit(
            user,
            AuditEntry.Action.CREATE,
            record,
            fields=list(FIGURE_FIELDS),
            reason=(
                f"population import: {len(created)} added, {len(updated)} replaced, "
                f"months {', '.join(record.months)}"
            ),
            office=office,
        )
    return record


def _read(office, data):
    """Every row checked: ([_Row], encoding) or PopulationImportError with every problem."""
    numbered, encoding = csv_rows(data, max_bytes=MAX_BYTES, refused=PopulationImportError)
    header_number, header = numbered[0]
    columns = column_map(header, HEADER_ALIASES)
    missing = [key for key in REQUIRED_COLUMNS if key not in columns]
    if missing:
        names = "、".join(TEMPLATE_HEADINGS.get(k, k) for k in missing)
        raise PopulationImportError(
            [
                RowError(
                    header_number,
                    "",
                    _("Row %(row)s must name the columns; missing: %(columns)s.")
                    % {"row": header_number, "columns": names},
                )
            ]
        )
    body = numbered[1:]
    if not body:
        raise PopulationImportError([RowError(None, "", _("The file has no rows of figures."))])
    if len(body) > MAX_ROWS:
        raise PopulationImportError(
            [RowError(None, "", _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})]
        )
    villages = {}
    for village in Village.objects.filter(office=office):
        villages.setdefault(normalise_name(village.name), village)
    errors, rows, seen = [], [], {}
    this_month = roc.today().replace(day=1)
    for number, cells in body:
        row_errors = []
        row = _row(office, number, cells, columns, header, villages, this_month, row_errors)
        if row is not None and not row_errors:
            key = (row.village.pk, row.month)
            if key in seen:
                row_errors.append(
                    RowError(
                        number,
                        "",
                        _("Row %(row)s: %(village)s %(month)s is already in row %(first)s.")
                        % {
                            "row": number,
                            "village": row.village.name,
                            "month": month_short(row.month),
                            "first": seen[key],
                        },
                    )
                )
            else:
                seen[key] = number
                rows.append(row)
        errors.extend(row_errors)
    if errors:
        raise PopulationImportError(errors)
    return rows, encoding


def _row(office, number, cells, columns, header, villages, this_month, errors):
    def heading(key):
        return header[columns[key]].strip() or TEMPLATE_HEADINGS.get(key, key)

    def add(key, message):
        errors.append(RowError(number, key, message))

    name = cell(cells, columns, "village")
    village = None
    if not name:
        add("village", _("Row %(row)s: the village is empty.") % {"row": number})
    else:
        wanted = normalise_name(name)
        village = villages.get(wanted)
        if village is None and not wanted.endswith(("村", "里")):
            village = villages.get(wanted + "村") or villages.get(wanted + "里")
        if village is None:
            add(
                "village",
                _("Row %(row)s: %(office)s has no village called “%(value)s”.")
                % {"row": number, "office": office.name, "value": quoted(name)},
            )
    month_text = cell(cells, columns, "month")
    month = parse_month(month_text)
    if not month_text:
        add("month", _("Row %(row)s: the month is empty.") % {"row": number})
    elif month is None:
        add(
            "month",
            _("Row %(row)s: “%(value)s” is not a month; write it as 115/10 or 2026-10.")
            % {"row": number, "value": quoted(month_text)},
        )
    elif month > this_month:
        add(
            "month",
            _("Row %(row)s: the month %(month)s has not come yet.")
            % {"row": number, "month": month_short(month)},
        )
    office_code = cell(cells, columns, "office_code")
    if office_code and office_code.lower() != office.code:
        add(
            "office_code",
            _("Row %(row)s: the office code “%(value)s” is not this office's (%(code)s).")
            % {"row": number, "value": quoted(office_code), "code": office.code},
        )
    values = {}
    for key in (*FIGURE_FIELDS, "population"):
        if key not in columns:
            continue
        text = cell(cells, columns, key).replace(",", "")
        if not text:
            if key != "population":
                add(
                    key,
                    _("Row %(row)s: “%(column)s” is empty.")
                    % {"row": number, "column": heading(key)},
                )
            continue
        if not text.isascii() or not text.isdigit() or int(text) > MAX_COUNT:
            add(
                key,
                _(
                    "Row %(row)s: “%(column)s” must be a whole number from 0 to %(max)s, "
                    "not “%(value)s”."
                )
                % {
                    "row": number,
                    "column": heading(key),
                    "value": quoted(text),
                    "max": f"{MAX_COUNT:,}",
                },
            )
            continue
        values[key] = int(text)
    if "males" in values and "females" in values:
        total = values["males"] + values["females"]
        if "population" in values and values["population"] != total:
            add(
                "population",
                _(
                    "Row %(row)s: the population %(population)s is not males plus "
                    "females (%(total)s)."
                )
                % {"row": number, "population": values["population"], "total": total},
            )
        if "households" in values and values["households"] > total:
            add(
                "households",
                _("Row %(row)s: more households (%(households)s) than people (%(total)s).")
                % {"row": number, "households": values["households"], "total": total},
            )
    values.pop("population", None)
    if village is None or month is None:
        return None
    return _Row(number=number, village=village, month=month, values=values)


def template_csv(office, month=None):
    """The upload template: the headings, then one row per village of the office with the
    month filled in and the figures left for staff to write."""
    month = month or (roc.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(TEMPLATE_HEADINGS.values())
    for village in Village.objects.filter(office=office) if office else []:
        writer.writerow([village.name, month_short(month)] + [""] * len(FIGURE_FIELDS))
    return "\ufeff" + out.getvalue()


# ---------------------------------------------------------------------------------------
# Reading the figures


def parse_iso_month(text):
    """The first day of a month written 2026-10 (as the downloads take it), else None."""
    text = str(text or "")
    return parse_month(text) if _ISO_MONTH.fullmatch(text) else None


def figures(office):
    return PopulationFigure.objects.filter(village__office=office).select_related("village")


def months_available(office):
    """The months with figures, newest first."""
    if office is None:
        return []
    return list(
        figures(office).order_by("-month").values_list("month", flat=True).distinct()[:MONTHS_SHOWN]
    )


def statistics_context(office, *, month=None, village=None):
    """Everything the statistics page shows. Parameters arrive as typed in the address
    bar: anything that is not a month with figures, or a village of this office, is
    ignored with a note, never an error."""
    months = months_available(office)
    chosen, month_note = _choose_month(months, month)
    villages = list(Village.objects.filter(office=office)) if office else []
    selected_village, village_note = _choose_village(villages, village)
    rows = []
    if chosen:
        rows = [_row_dict(f) for f in figures(office).filter(month=chosen)]
    totals = _totals(rows)
    trend = _trend(office, selected_village) if office else []
    updated_at = (
        figures(office).aggregate(latest=Max("updated_at"))["latest"] if office and months else None
    )
    return {
        "office": office,
        "is_demo": bool(office and office.is_demo),
        "months": [(m.strftime("%Y-%m"), month_label(m)) for m in months],
        "month": chosen,
        "month_iso": chosen.strftime("%Y-%m") if chosen else "",
        "month_label": month_label(chosen) if chosen else "",
        "month_note": month_note,
        "rows": rows,
        "totals": totals,
        "chart": bar_chart(rows, chosen) if rows else None,
        "villages": villages,
        "selected_village": selected_village,
        "village_note": village_note,
        "trend": trend,
        "figures_updated_at": updated_at,
        "columns": [
            (k, COLUMN_LABELS[k]) for k in ("households", "population", *FIGURE_FIELDS[1:])
        ],
    }


def _choose_month(months, value):
    if not months:
        return None, ""
    if value in (None, ""):
        return months[0], ""
    text = str(value)[:20]
    wanted = parse_month(text) if _ISO_MONTH.match(text) or len(text) <= 10 else None
    if wanted in months:
        return wanted, ""
    return months[0], _("There are no figures for the month asked for; showing the latest month.")


def _choose_village(villages, value):
    if value in (None, ""):
        return None, ""
    text = str(value)[:12]
    if text.isascii() and text.isdigit():
        for village in villages:
            if village.pk == int(text):
                return village, ""
    return None, _("There is no such village here; showing the whole area.")


def _row_dict(figure):
    row = {name: getattr(figure, name) for name in FIGURE_FIELDS}
    row["population"] = figure.population
    row["village"] = figure.village.name
    row["village_id"] = figure.village_id
    return row


def _totals(rows):
    totals = {name: sum(r[name] for r in rows) for name in (*FIGURE_FIELDS, "population")}
    return totals


def _trend(office, village):
    """Month by month (oldest first) for the office, or for one village."""
    queryset = figures(office)
    if village is not None:
        queryset = queryset.filter(village=village)
    sums = (
        queryset.values("month")
        .annotate(**{f"sum_{name}": Sum(name) for name in FIGURE_FIELDS})
        .order_by("-month")[:MONTHS_SHOWN]
    )
    trend = []
    for item in reversed(list(sums)):
        row = {name: item[f"sum_{name}"] for name in FIGURE_FIELDS}
        row["population"] = row["males"] + row["females"]
        row["month"] = item["month"]
        row["month_short"] = month_short(item["month"])
        trend.append(row)
    for previous, row in itertools.pairwise(trend):
        row["change"] = row["population"] - previous["population"]
    return trend


def bar_chart(rows, month):
    """Geometry of the inline SVG bar chart of population by village."""
    chart = charts.bar_chart(
        rows,
        label="village",
        value="population",
        label_width=96,
        value_width=64,
        bar_height=18,
        gap=8,
        text_offset=4,
    )
    return {**chart, "month_label": month_label(month)}


# ---------------------------------------------------------------------------------------
# Open data

OPEN_DATA_COLUMNS = (
    "office_code",
    "village",
    "village_code",
    "month",
    "households",
    "population",
    *FIGURE_FIELDS[1:],
)


def open_data_rows(office, month=None):
    """Rows of the CSV and JSON downloads: stable keys, ISO months, oldest month first."""
    queryset = figures(office).order_by("month", "village__sort_order", "village__name")
    if month is not None:
        queryset = queryset.filter(month=month)
    rows = []
    for figure in queryset:
        row = {
            "office_code": office.code,
            "village": figure.village.name,
            "village_code": figure.village.code,
            "month": figure.month.strftime("%Y-%m"),
            "population": figure.population,
        }
        row.update({name: getattr(figure, name) for name in FIGURE_FIELDS})
        rows.append({key: row[key] for key in OPEN_DATA_COLUMNS})
    return rows


def search_summary(office):
    """One line for search results: the latest month's total population."""
    months = months_available(office)
    if not months:
        return ""
    total = figures(office).filter(month=months[0]).aggregate(m=Sum("males"), f=Sum("females"))
    population = (total["m"] or 0) + (total["f"] or 0)
    return _("%(month)s: population %(population)s") % {
        "month": month_label(months[0]),
        "population": f"{population:,}",
    }


def search_text(office, intro=""):
    """Plain text for the search index: the introduction and the village names."""
    parts = [plain_text(intro)]
    if office is not None:
        parts.append(" ".join(Village.objects.filter(office=office).values_list("name", flat=True)))
        parts.append("人口統計 戶數 人口數 出生 死亡 結婚 離婚 遷入 遷出")
    return "\n".join(p for p in parts if p)
