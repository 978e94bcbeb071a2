"""Queue statistics (叫號統計) for the director and, later, the quality plan's indicators:
tickets issued per hour and per day, waiting and service times, no-shows, and the work
of each counter and staff member over a day or a month.

Every function takes an office and a period (first and last day, both included) and
returns plain dicts and lists with the keys named in its docstring; times are minutes
as floats rounded to one decimal, None when there is nothing to measure. Counts are
aggregated in the database; means and percentiles are computed in Python over the
period's rows (a month of one office is some 10-20 thousand rows of a few columns).
"""

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.db.models.functions import ExtractHour
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.catalog.models import RegistrationService
from huzheng.core import roc
from huzheng.queueing.models import Counter, Series, Ticket, TicketStatus

# The hours of the hourly table and chart always include the usual office day, so two
# days read alike; hours outside it appear only when tickets were issued then.
OFFICE_HOURS = range(8, 17)
# Statistics make no sense for dates long before the system or far ahead.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
# A ticket was called (and so could be a no-show) once it left these states.
_NOT_CALLED = (TicketStatus.WAITING, TicketStatus.CANCELLED)


@dataclass(frozen=True)
class Period:
    """A day or a month of statistics: `kind` is "day" or "month"; first and last day
    are both included."""

    kind: str
    first: dt.date
    last: dt.date

    @property
    def iso(self):
        """2026-11-27 for a day, 2026-11 for a month: the query parameter's value."""
        return self.first.isoformat() if self.kind == "day" else self.first.strftime("%Y-%m")

    @property
    def label(self):
        """民國115年11月27日 or 民國115年11月 (in English with the ISO date)."""
        if self.kind == "day":
            return roc.format_for_language(self.first)
        return _("ROC year %(year)s, month %(month)s") % {
            "year": roc.roc_year(self.first.year),
            "month": self.first.month,
        }

    def previous(self):
        if self.kind == "day":
            return day_period(self.first - dt.timedelta(days=1))
        return month_period((self.first - dt.timedelta(days=1)).replace(day=1))

    def next(self):
        if self.kind == "day":
            return day_period(self.first + dt.timedelta(days=1))
        return month_period(self.last + dt.timedelta(days=1))

    def days(self):
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def day_period(day):
    return Period("day", day, day)


def month_period(day):
    first = day.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return Period("month", first, last)


def parse_period(day=None, month=None, *, today=None):
    """(period, note) from the query parameters `day=YYYY-MM-DD` or `month=YYYY-MM`. A
    bad value gives today's figures and a note saying so, never an error."""
    today = today or timezone.localdate()
    day, month = str(day or "").strip()[:20], str(month or "").strip()[:20]
    if day:
        parsed = _parse_iso(day, _ISO_DAY, "%Y-%m-%d")
        if parsed is not None:
            return day_period(parsed), ""
        return day_period(today), _(
            "The day asked for is not a date such as 2026-11-27; showing today."
        )
    if month:
        parsed = _parse_iso(month, _ISO_MONTH, "%Y-%m")
        if parsed is not None:
            return month_period(parsed), ""
        return day_period(today), _(
            "The month asked for is not a month such as 2026-11; showing today."
        )
    return day_period(today), ""


def period_statistics(office, period):
    """Every figure of the period in one dict: "period" (kind, first, last as ISO dates),
    "totals", "per_hour", "per_day" (a month only, else []), "waiting", "service",
    "by_series", "by_service", "by_counter", "by_staff" (see each function)."""
    rows = _rows(office, period)
    return {
        "office": office.code,
        "period": {
            "kind": period.kind,
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
        },
        "totals": totals(office, period),
        "per_hour": tickets_per_hour(office, period),
        "per_day": tickets_per_day(office, period, rows=rows) if period.kind == "month" else [],
        "waiting": waiting_times(office, period, rows=rows),
        "service": _summary([d for r in rows if (d := _service_minutes(r)) is not None]),
        "by_series": service_times_by_series(office, period, rows=rows),
        "by_service": service_times_by_service(office, period, rows=rows),
        "by_counter": by_counter(office, period, rows=rows),
        "by_staff": by_staff(office, period, rows=rows),
    }


def totals(office, period):
    """{"issued", "called", "served", "no_show", "waiting", "cancelled", "no_show_rate"}:
    tickets issued in the period; called ever (done, at a counter or no-show, or back in
    line after a no-show); served to the end (done); no-shows (過號: marked no-show at
    least once); still waiting or cancelled. The no-show rate is no-shows / called, a
    fraction from 0 to 1 (None when nobody was called)."""
    counts = _tickets(office, period).aggregate(
        issued=Count("id"),
        called=Count("id", filter=_called()),
        served=Count("id", filter=Q(status=TicketStatus.DONE)),
        no_show=Count("id", filter=_no_show()),
        waiting=Count("id", filter=Q(status=TicketStatus.WAITING)),
        cancelled=Count("id", filter=Q(status=TicketStatus.CANCELLED)),
    )
    counts["no_show_rate"] = _rate(counts["no_show"], counts["called"])
    return counts


def tickets_per_hour(office, period):
    """[{"hour": 8, "issued": 12}, ...]: tickets issued in each hour of the day (local
    time), summed over the period; every hour from 08 to 16 and any other with tickets."""
    counts = dict(
        _tickets(office, period)
        .annotate(hour=ExtractHour("issued_at"))
        .values_list("hour")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("hour", "n")
    )
    hours = set(OFFICE_HOURS) | set(counts)
    return [{"hour": h, "issued": counts.get(h, 0)} for h in range(min(hours), max(hours) + 1)]


def tickets_per_day(office, period, *, rows=None):
    """[{"date": date, "issued", "served", "no_show", "mean_wait_minutes"}, ...] for every
    day of the period, days without tickets included (issued 0)."""
    counts = {
        row["date"]: row
        for row in _tickets(office, period)
        .values("date")
        .annotate(
            issued=Count("id"),
            served=Count("id", filter=Q(status=TicketStatus.DONE)),
            no_show=Count("id", filter=_no_show()),
        )
        .order_by()
    }
    rows = _rows(office, period) if rows is None else rows
    waits = {}
    for row in rows:
        wait = _wait_minutes(row)
        if wait is not None:
            waits.setdefault(row["date"], []).append(wait)
    out = []
    for day in period.days():
        row = counts.get(day, {})
        out.append(
            {
                "date": day,
                "issued": row.get("issued", 0),
                "served": row.get("served", 0),
                "no_show": row.get("no_show", 0),
                "mean_wait_minutes": _mean(waits.get(day, [])),
            }
        )
    return out


def waiting_times(office, period, *, rows=None):
    """{"count", "mean_minutes", "p90_minutes", "max_minutes"} of the wait from issue to
    call (called_at − issued_at) of every called ticket."""
    rows = _rows(office, period) if rows is None else rows
    return _summary([w for r in rows if (w := _wait_minutes(r)) is not None])


def service_times_by_service(office, period, *, rows=None):
    """[{"service_id", "service", "count", "mean_minutes", "p90_minutes", "max_minutes"}]
    of the service time (finished_at − started_at, or − called_at when service was never
    started) of tickets served to the end, by the service asked for; tickets without a
    service come last with service_id None. Most served first."""
    rows = _rows(office, period) if rows is None else rows

    groups = _group(rows, "service_id", _service_minutes)
    names = dict(
        RegistrationService.objects.filter(pk__in=[k for k in groups if k]).values_list(
            "pk", "name"
        )
    )
    out = [
        {"service_id": key, "service": names.get(key, "") if key else _("No service chosen")}
        | _summary(values)
        for key, values in groups.items()
    ]
    return sorted(out, key=lambda r: (r["service_id"] is None, -r["count"], r["service"]))


def service_times_by_series(office, period, *, rows=None):
    """[{"letter", "name", "issued", "served", "mean_minutes", "p90_minutes",
    "max_minutes", "mean_wait_minutes", "p90_wait_minutes"}] per series, in the
    office's order: service time as by_service, and the wait from issue to call."""
    rows = _rows(office, period) if rows is None else rows
    services = _group(rows, "series_id", _service_minutes)
    waits = _group(rows, "series_id", _wait_minutes)
    issued = {}
    for row in rows:
        issued[row["series_id"]] = issued.get(row["series_id"], 0) + 1
    out = []
    for series in Series.objects.filter(office=office):
        if series.pk not in issued and not series.is_active:
            continue
        service = _summary(services.get(series.pk, []))
        wait = _summary(waits.get(series.pk, []))
        out.append(
            {
                "letter": series.letter,
                "name": series.name,
                "issued": issued.get(series.pk, 0),
                "served": service["count"],
                "mean_minutes": service["mean_minutes"],
                "p90_minutes": service["p90_minutes"],
                "max_minutes": service["max_minutes"],
                "mean_wait_minutes": wait["mean_minutes"],
                "p90_wait_minutes": wait["p90_minutes"],
            }
        )
    return out


def by_counter(office, period, *, rows=None):
    """[{"number", "name", "served", "mean_service_minutes", "no_show"}] per counter that
    served or called anyone in the period, by number: tickets served to the end there,
    their mean service time, and no-shows called there."""
    rows = _rows(office, period) if rows is None else rows
    counters = {c.pk: c for c in Counter.objects.filter(office=office)}
    out = []
    for pk, stats in _work(rows, "counter_id").items():
        counter = counters.get(pk)
        if counter is None:
            continue
        out.append({"number": counter.number, "name": str(counter), **stats})
    return sorted(out, key=lambda r: r["number"])


def by_staff(office, period, *, rows=None):
    """[{"user_id", "name", "served", "mean_service_minutes", "no_show"}] per staff member
    who called tickets (served_by), most served first; as by_counter."""
    rows = _rows(office, period) if rows is None else rows
    work = _work(rows, "served_by_id")
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=list(work))}
    out = [
        {"user_id": pk, "name": staff_name(users[pk]), **stats}
        for pk, stats in work.items()
        if pk in users
    ]
    return sorted(out, key=lambda r: (-r["served"], r["name"]))


def staff_name(user):
    """林美華 for a Chinese name (surname first, no space), else the usual full name."""
    last, first = user.last_name.strip(), user.first_name.strip()
    if last and first and not (last + first).isascii():
        return f"{last}{first}"
    return user.get_full_name() or user.get_username()


def percentile(values, pct):
    """The pct-th percentile by linear interpolation between the closest ranks (as
    spreadsheets' PERCENTILE.INC): of 1..10 the 90th is 9.1. None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# --- helpers ---------------------------------------------------------------------------------

_COLUMNS = (
    "date",
    "series_id",
    "service_id",
    "counter_id",
    "served_by_id",
    "status",
    "no_show_count",
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
)


def _tickets(office, period):
    return Ticket.objects.filter(office=office, date__gte=period.first, date__lte=period.last)


def _rows(office, period):
    return list(_tickets(office, period).order_by().values(*_COLUMNS))


def _called():
    return ~Q(status__in=_NOT_CALLED) | Q(no_show_count__gt=0)


def _no_show():
    return Q(status=TicketStatus.NO_SHOW) | Q(no_show_count__gt=0)


def _wait_minutes(row):
    if row["called_at"] is None or row["issued_at"] is None:
        return None
    return max(0.0, (row["called_at"] - row["issued_at"]).total_seconds() / 60)


def _service_minutes(row):
    start = row["started_at"] or row["called_at"]
    if row["status"] != TicketStatus.DONE or row["finished_at"] is None or start is None:
        return None
    return max(0.0, (row["finished_at"] - start).total_seconds() / 60)


def _group(rows, key, measure):
    groups = {}
    for row in rows:
        value = measure(row)
        if value is not None:
            groups.setdefault(row[key], []).append(value)
    return groups


def _work(rows, key):
    """Per counter or staff member: served, mean service time, no-shows."""
    out = {}
    for row in rows:
        if row[key] is None:
            continue
        entry = out.setdefault(row[key], {"times": [], "no_show": 0})
        minutes = _service_minutes(row)
        if minutes is not None:
            entry["times"].append(minutes)
        if row["status"] == TicketStatus.NO_SHOW:
            entry["no_show"] += 1
    return {
        pk: {
            "served": len(e["times"]),
            "mean_service_minutes": _mean(e["times"]),
            "no_show": e["no_show"],
        }
        for pk, e in out.items()
    }


def _summary(values):
    return {
        "count": len(values),
        "mean_minutes": _mean(values),
        "p90_minutes": _round(percentile(values, 90)),
        "max_minutes": _round(max(values)) if values else None,
    }


def _mean(values):
    return _round(sum(values) / len(values)) if values else None


def _round(value):
    return None if value is None else round(value, 1)


def _rate(part, whole):
    return round(part / whole, 4) if whole else None


def _parse_iso(text, pattern, fmt):
    if not pattern.fullmatch(text):
        return None
    try:
        parsed = dt.datetime.strptime(text, fmt).date()
    except ValueError:
        return None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        return None
    return parsed
