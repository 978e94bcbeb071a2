"""The mailboxes in figures (民意統計): messages per channel, category and month, the share
answered within the three working days, time to the first reply and satisfaction with
handling. Counts only, never the content of a message, so the figures are open data."""

import csv
import datetime as dt
import io
import statistics as stats

from django.db.models import Avg, Count
from django.utils import timezone

from huzheng.core import roc
from huzheng.core.services import working_days_between
from huzheng.feedback.models import COUNTED_STATUSES, FeedbackMessage

CSV_COLUMNS = (
    "month",
    "received",
    "answered",
    "answered_in_time",
    "share_in_time",
    "first_reply_days",
    "median_reply_days",
    "rated",
    "satisfaction",
)


def monthly(office, *, months=12, today=None):
    """The office's figures for the last `months` months, oldest first."""
    today = today or roc.today()
    first = _month_start(today, months - 1)
    return [_month(office, start) for start in _month_starts(first, today)]


def figures(office, first, last):
    """The figures of messages received from `first` to `last` (both included)."""
    rows = FeedbackMessage.objects.filter(
        office=office, status__in=COUNTED_STATUSES, received_on__range=(first, last)
    )
    answered = list(
        rows.filter(replied_at__isnull=False).values_list("received_on", "due_on", "replied_at")
    )
    in_time = sum(1 for _r, due, at in answered if timezone.localtime(at).date() <= due)
    delays = [
        working_days_between(office, received, timezone.localtime(at).date())
        for received, _due, at in answered
    ]
    rated = rows.filter(satisfaction__isnull=False)
    mean = rated.aggregate(mean=Avg("satisfaction"))["mean"]
    return {
        "received": rows.count(),
        "by_channel": _counts(rows, "channel"),
        "by_category": {
            (name or "—"): n
            for name, n in rows.values_list("category__name").annotate(n=Count("id"))
        },
        "answered": len(answered),
        "answered_in_time": in_time,
        "share_in_time": round(in_time / len(answered), 4) if answered else None,
        "first_reply_days": round(sum(delays) / len(delays), 2) if delays else None,
        "median_reply_days": stats.median(delays) if delays else None,
        "rated": rated.count(),
        "satisfaction": round(mean, 2) if mean is not None else None,
    }


def as_csv(rows, *, breakdown=False):
    """Monthly figures as CSV (UTF-8 with BOM, so spreadsheets read the Chinese). With
    `breakdown`, one column per channel and per category as well (the director's page)."""
    channels = sorted({c for row in rows for c in row["by_channel"]}) if breakdown else []
    categories = sorted({c for row in rows for c in row["by_category"]}) if breakdown else []
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            *CSV_COLUMNS,
            *(f"channel:{c}" for c in channels),
            *(f"category:{c}" for c in categories),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                *("" if row[c] is None else row[c] for c in CSV_COLUMNS),
                *(row["by_channel"].get(c, 0) for c in channels),
                *(row["by_category"].get(c, 0) for c in categories),
            ]
        )
    return out.getvalue()


def _month(office, start):
    last = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return {"month": f"{start:%Y-%m}", **figures(office, start, last)}


def _counts(rows, field):
    return dict(rows.values_list(field).annotate(n=Count("id")).order_by(field))


def _month_start(today, back):
    year, month = today.year, today.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 1)


def _month_starts(first, today):
    day = first
    while day <= today:
        yield day
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
