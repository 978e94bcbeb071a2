"""Appointment slots (預約時段): when a service can be booked, worked out from the office's
opening hours (noon and evening spans included), its holidays and closures, blocked time,
the places set aside for appointments and the service's length, counted against the
claims already made. Read only: booking a slot is ``services.book``.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from huzheng.appointments.models import (
    AppointmentPolicy,
    SlotBlock,
    SlotClaim,
    cell_range,
)
from huzheng.core.services import spans_between

NEAREST = 5  # how many free slots a "just filled" answer offers


@dataclass(frozen=True)
class Slot:
    """A start time of a service's appointment and how many places are free then."""

    start: dt.datetime
    end: dt.datetime
    capacity: int
    available: int

    def as_dict(self):
        return {
            "start": timezone.localtime(self.start).isoformat(),
            "end": timezone.localtime(self.end).isoformat(),
            "capacity": self.capacity,
            "available": self.available,
        }


def policy_for(office):
    """The office's booking rules; an office without its own gets the defaults."""
    try:
        return office.appointment_policy
    except AppointmentPolicy.DoesNotExist:
        return AppointmentPolicy(office=office)


def length_of(service, policy):
    """The service's appointment length, rounded up to the office's grid."""
    grid = policy.grid_minutes
    cells = max(1, -(-service.appointment_minutes // grid))
    return dt.timedelta(minutes=cells * grid)


def window(policy, now=None):
    """The first and last moments a new booking may start."""
    now = now or timezone.now()
    first = now + dt.timedelta(minutes=policy.lead_minutes)
    last_day = timezone.localdate(now) + dt.timedelta(days=policy.window_days)
    last = timezone.make_aware(dt.datetime.combine(last_day, dt.time.max))
    return first, last


def day_slots(office, service, day, *, now=None):
    """The day's slots for a service inside the booking window, full ones included."""
    return slots_between(office, service, day, day, now=now).get(day, [])


def month_availability(office, service, year, month, *, now=None):
    """{date: free slots} for every day of a month: what the calendar shows."""
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    days = slots_between(office, service, first, last, now=now)
    return {day: sum(1 for s in slots if s.available) for day, slots in days.items()}


FREE, FULL, CLOSED, OUTSIDE = "free", "full", "closed", "outside"


def month_days(office, service, year, month, *, now=None):
    """{date: (state, free slots)} for a month's calendar: free; full (open, but every
    time taken); closed (no opening hours that day); outside (before today, beyond the
    window, or today after its last bookable time)."""
    free = month_availability(office, service, year, month, now=now)
    first, last = min(free), max(free)
    open_days = {d for d, spans in spans_between(office, first, last).items() if spans}
    today = timezone.localdate(now)
    last_day = timezone.localtime(window(policy_for(office), now)[1]).date()
    days = {}
    for day, count in free.items():
        if not today <= day <= last_day or (day == today and not count):
            state = OUTSIDE
        elif count:
            state = FREE
        else:
            state = FULL if day in open_days else CLOSED
        days[day] = (state, count)
    return days


def slots_between(office, service, first, last, *, now=None):
    """{date: [Slot]} from first to last (inclusive): opening spans cut into the
    service's length on the grid, minus blocked time, counted against the claims."""
    policy = policy_for(office)
    length = length_of(service, policy)
    grid = dt.timedelta(minutes=policy.grid_minutes)
    earliest, latest = window(policy, now)
    spans = spans_between(office, first, last)
    day_start = local_midnight(first)
    day_end = local_midnight(last + dt.timedelta(days=1))
    taken = {}
    claims = SlotClaim.objects.filter(office=office, cell__gte=day_start, cell__lt=day_end)
    for place, cell in claims.values_list("place", "cell"):
        taken.setdefault(cell, set()).add(place)
    blocks = list(
        SlotBlock.objects.filter(office=office, start__lt=day_end, end__gt=day_start).values_list(
            "start", "end"
        )
    )
    places = range(1, policy.places + 1)
    result = {}
    for day, day_spans in spans.items():
        slots = []
        for span in runs(day_spans):
            start = span.opens
            while start + length <= span.closes:
                end = start + length
                if earliest <= start <= latest and not blocked(start, end, blocks):
                    cells = cell_range(start, end, policy.grid_minutes)
                    free = sum(1 for p in places if not any(p in taken.get(c, ()) for c in cells))
                    slots.append(Slot(start, end, policy.places, free))
                start += grid
        result[day] = slots
    return result


def nearest_free(office, service, around, *, now=None, count=NEAREST):
    """The free slots closest in time to `around`, within a week either side."""
    day = timezone.localtime(around).date()
    days = slots_between(
        office, service, day - dt.timedelta(days=7), day + dt.timedelta(days=7), now=now
    )
    free = [s for slots in days.values() for s in slots if s.available]
    free.sort(key=lambda s: abs((s.start - around).total_seconds()))
    return sorted(free[:count], key=lambda s: s.start)


def runs(spans):
    """Back-to-back spans (morning, then the noon service) as one run, so a longer
    service can start before noon and end after it."""
    runs = []
    for span in spans:
        if runs and runs[-1][1] == span.opens:
            runs[-1][1] = span.closes
        else:
            runs.append([span.opens, span.closes])
    return [_Run(opens, closes) for opens, closes in runs]


@dataclass(frozen=True)
class _Run:
    opens: dt.datetime
    closes: dt.datetime


def blocked(start, end, blocks):
    return any(b_start < end and start < b_end for b_start, b_end in blocks)


def local_midnight(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
