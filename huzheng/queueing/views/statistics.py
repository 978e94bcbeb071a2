"""Queue statistics for the director (叫號統計): a day or a month of one office, as a page
with charts beside their tables and as a CSV of the same figures. Thin: parse the
period, check who asks, call huzheng.queueing.statistics, render."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from huzheng.core.charts import bar_chart
from huzheng.core.services import get_office_or_404, staff_may_see
from huzheng.queueing import statistics as stats

PERMISSION = "queueing.view_queue_statistics"
TOTAL_KEYS = ("issued", "called", "served", "no_show", "no_show_rate", "waiting", "cancelled")


@login_required
def statistics(request, office):
    office = _office_for(request, office)
    period, note = _period(request)
    figures = stats.period_statistics(office, period)
    per_hour = [{**row, "label": f"{row['hour']:02d}:00"} for row in figures["per_hour"]]
    per_day = [
        {**row, "label": f"{row['date'].month}/{row['date'].day}"} for row in figures["per_day"]
    ]
    context = {
        "office": office,
        "period": period,
        "note": note,
        "figures": figures,
        "per_hour": per_hour,
        "per_day": per_day,
        "hour_chart": bar_chart(per_hour, label="label", value="issued"),
        "day_chart": bar_chart(per_day, label="label", value="issued") if per_day else None,
        "previous": period.previous(),
        "next": period.next(),
        "no_show_percent": _percent(figures["totals"]["no_show_rate"]),
    }
    return render(request, "queueing/statistics.html", context, status=200)


@login_required
def statistics_csv(request, office):
    office = _office_for(request, office)
    period, _note = _period(request)
    figures = stats.period_statistics(office, period)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="queue-statistics-{office.code}-{period.iso}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs in Taiwan open the Chinese correctly
    writer = csv.writer(response)
    for row in csv_rows(office, period, figures):
        writer.writerow([_csv_cell(cell) for cell in row])
    return response


def csv_rows(office, period, figures):
    """The CSV as rows: blocks of figures, each with a heading row of English keys, a
    blank row between blocks; dates ISO, minutes with one decimal."""
    totals = figures["totals"]
    yield ["office", office.code]
    yield ["period", period.kind, period.first.isoformat(), period.last.isoformat()]
    yield []
    yield ["totals", *TOTAL_KEYS]
    yield ["", *(totals[k] for k in TOTAL_KEYS)]
    yield []
    yield ["measure", "count", "mean_minutes", "p90_minutes", "max_minutes"]
    for name in ("waiting", "service"):
        block = figures[name]
        yield [name, *(block[k] for k in ("count", "mean_minutes", "p90_minutes", "max_minutes"))]
    yield []
    yield ["hour", "issued"]
    for row in figures["per_hour"]:
        yield [f"{row['hour']:02d}", row["issued"]]
    if figures["per_day"]:
        yield []
        yield ["date", "issued", "served", "no_show", "mean_wait_minutes"]
        for row in figures["per_day"]:
            yield [
                row["date"].isoformat(),
                row["issued"],
                row["served"],
                row["no_show"],
                row["mean_wait_minutes"],
            ]
    yield []
    series_keys = [
        "issued",
        "served",
        "mean_minutes",
        "p90_minutes",
        "mean_wait_minutes",
        "p90_wait_minutes",
    ]
    yield ["series", "name", *series_keys]
    for row in figures["by_series"]:
        yield [row["letter"], row["name"], *(row[k] for k in series_keys)]
    yield []
    yield ["service", "count", "mean_minutes", "p90_minutes", "max_minutes"]
    for row in figures["by_service"]:
        yield [
            row["service"],
            *(row[k] for k in ("count", "mean_minutes", "p90_minutes", "max_minutes")),
        ]
    yield []
    yield ["counter", "name", "served", "mean_service_minutes", "no_show"]
    for row in figures["by_counter"]:
        yield [
            row["number"],
            row["name"],
            row["served"],
            row["mean_service_minutes"],
            row["no_show"],
        ]
    yield []
    yield ["staff", "served", "mean_service_minutes", "no_show"]
    for row in figures["by_staff"]:
        yield [row["name"], row["served"], row["mean_service_minutes"], row["no_show"]]


def _office_for(request, code):
    """The office asked for, if this staff member may read its statistics: 404 for no
    such office, 403 without the permission or for another office's figures."""
    office = get_office_or_404(code)
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied(_("You may not view the queue statistics."))
    if not staff_may_see(request.user, office):
        raise PermissionDenied(_("You may view the queue statistics of your own office only."))
    return office


def _period(request):
    return stats.parse_period(request.GET.get("day"), request.GET.get("month"))


def _percent(rate):
    return None if rate is None else round(rate * 100, 1)


def _csv_cell(value):
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
