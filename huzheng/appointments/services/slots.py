"""Slots (時段): the office's opening spans cut on its grid into a service's length, inside
the booking window, minus blocked time, each counted against the claims; the office's
booking policy and its blocked times."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.appointments.models import (
    AppointmentPolicy,
    Booking,
    SlotBlock,
    SlotClaim,
    cell_range,
)
from huzheng.appointments.services.common import (
    AppointmentError,
    local_midnight,
)
from huzheng.catalog.models import RegistrationService
from huzheng.core.services import spans_between

NEAREST = 5  # how many free slots a "just filled" answer offers
MAX_BLOCK_LENGTH = dt.timedelta(days=366)


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


def check_grid_change(office, grid_minutes, *, now=None):
    """A new time grid only while no future booking is held on the old one: on another
    grid a new booking's cells could miss an old booking's and share its place."""
    if grid_minutes == policy_for(office).grid_minutes:
        return
    held = Booking.objects.filter(
        office=office, status=Booking.Status.BOOKED, end__gt=now or timezone.now()
    )
    if held.exists():
        message = _(
            "The time grid cannot change while future appointments are booked on "
            "the old one. Change it when no appointment is booked ahead."
        )
        raise AppointmentError("grid_in_use", message, status=409, fields={"grid_minutes": message})


def bookable_services():
    return RegistrationService.objects.filter(bookable=True).order_by("sort_order", "name")


def get_bookable_service(slug):
    service = bookable_services().filter(slug=str(slug or "")[:80]).first()
    if service is None:
        raise AppointmentError(
            "unknown_service",
            _("This service cannot be booked online. Please choose one from the list."),
            fields={"service": _("This service cannot be booked online.")},
        )
    return service


def length_of(service, policy):
    """The service's appointment length, rounded up to the office's grid; one step of the
    grid while the office has not set the length."""
    grid = policy.grid_minutes
    cells = max(1, -(-(service.appointment_minutes or grid) // grid))
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
        for span in _runs(day_spans):
            start = span.opens
            while start + length <= span.closes:
                end = start + length
                if earliest <= start <= latest and not _blocked(start, end, blocks):
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


def blocks_between(office, first, last):
    """The office's blocked times overlapping the days `first` to `last`."""
    return list(
        SlotBlock.objects.filter(
            office=office, start__lt=local_midnight(last + dt.timedelta(days=1))
        ).filter(end__gt=local_midnight(first))
    )


def check_block(start, end, *, start_changed=True, now=None):
    """The rule of a blocked time (封鎖時段): it ends after it starts, lasts at most a year
    and lies ahead; a running block may be edited while it has not ended, as long as its
    start is left alone. Raises AppointmentError with the message per field."""
    now = now or timezone.now()
    errors = {}
    if end <= start:
        errors["end"] = _("The end must be after the start.")
    elif end - start > MAX_BLOCK_LENGTH:
        errors["end"] = _("A blocked time can last at most a year.")
    if end <= now:
        errors["end"] = errors.get("end") or _("The end must be in the future.")
    elif start < now and start_changed:
        errors["start"] = _("The start must be in the future.")
    if errors:
        raise AppointmentError("invalid_block", next(iter(errors.values())), fields=errors)


def open_slot(office, service, start, *, now=None):
    """The slot starting at `start`, or AppointmentError saying why it cannot be booked."""
    policy = policy_for(office)
    now = now or timezone.now()
    earliest, latest = window(policy, now)
    local = timezone.localtime(start)
    if start < now:
        raise AppointmentError(
            "in_the_past",
            _("That time has already passed. Please choose a later one."),
            fields={"start": _("That time has already passed.")},
        )
    if start < earliest or start > latest:
        message = _("Appointments can be booked from %(lead)s minutes to %(days)s days ahead.") % {
            "lead": policy.lead_minutes,
            "days": policy.window_days,
        }
        raise AppointmentError("outside_window", message, fields={"start": message})
    slot = next(
        (s for s in day_slots(office, service, local.date(), now=now) if s.start == start), None
    )
    if slot is None:
        message = _("The office does not take appointments for this service at that time.")
        raise AppointmentError("no_such_slot", message, fields={"start": message})
    return slot


def _runs(spans):
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


def _blocked(start, end, blocks):
    return any(b_start < end and start < b_end for b_start, b_end in blocks)
