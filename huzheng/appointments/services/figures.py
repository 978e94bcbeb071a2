"""The office's booking figures: attendance, no-shows and lead time."""

import datetime as dt

from huzheng.appointments.models import (
    Booking,
)
from huzheng.appointments.services.common import (
    local_midnight,
)


def statistics(office, first, last):
    """Bookings, attendance, no-show rate and mean lead time (days) for a date range."""
    rows = Booking.objects.filter(
        office=office,
        start__gte=local_midnight(first),
        start__lt=local_midnight(last + dt.timedelta(days=1)),
    )
    counts = {status: 0 for status in Booking.Status.values}
    leads = []
    for status, start, created in rows.values_list("status", "start", "created_at"):
        counts[status] += 1
        if status != Booking.Status.CANCELLED:
            leads.append((start - created).total_seconds() / 86400)
    came = counts[Booking.Status.ATTENDED] + counts[Booking.Status.CHECKED_IN]
    judged = came + counts[Booking.Status.NO_SHOW]
    return {
        "total": sum(counts.values()),
        "counts": counts,
        "no_show_rate": counts[Booking.Status.NO_SHOW] / judged if judged else None,
        "mean_lead_days": sum(leads) / len(leads) if leads else None,
    }
