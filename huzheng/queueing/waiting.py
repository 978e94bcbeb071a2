"""The state of the line (候位狀況), read only: what boards, live pages and the API show
(per series the number being served, how many wait, the estimated wait; the counters;
the latest calls), and a waiting ticket's place and estimated wait."""

import datetime as dt
import math
import statistics

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from huzheng.core import broadcast, pagecache
from huzheng.queueing.channels import channel
from huzheng.queueing.models import (
    ACTIVE_STATUSES,
    Call,
    Counter,
    CounterState,
    Series,
    Ticket,
    TicketStatus,
)

# wait estimates use the service times of the day's last finished tickets.
ESTIMATE_SAMPLE = 20


def queue_status(office):
    """The office's line now, for boards, live pages and the API: per series the number
    being served, the waiting count and estimated wait; the counters; the latest calls.
    Cached per broadcast event, so fifty boards fetching after one call cost one query set."""
    pagecache.depends_on("channel", channel(office))
    event_id = broadcast.latest_id(channel(office))
    today = timezone.localdate()
    key = f"queue-status:{office.pk}:{event_id}:{today}"
    state = cache.get(key)
    if state is None:
        state = _compute_status(office, today, event_id)
        cache.set(key, state, 60)
    return state


def ticket_position(ticket, *, just_issued=False):
    """(people ahead in its series, estimated wait in minutes) for a waiting ticket. A
    ticket just issued keeps the estimate made in its own transaction."""
    if ticket.status != TicketStatus.WAITING or ticket.date != timezone.localdate():
        return None, None
    ahead = _waiting_ahead(ticket).filter(series=ticket.series).count()
    if just_issued:
        return ahead, ticket.estimated_wait_minutes
    return ahead, estimate_wait(ticket)


def estimate_wait(ticket):
    """Minutes until a waiting ticket is likely called: the line played forward, each open
    counter calling the first waiting ticket it serves (priority first) at that series'
    own recent service time, until it calls this one."""
    now = timezone.now()
    counters = _counters(ticket.office)
    open_counters = [c for c in counters if c.state == CounterState.OPEN]
    if not any(counter_serves(c, ticket.series) for c in open_counters):
        # Nobody serves the series yet (before opening): as if its counters were open.
        open_counters = [c for c in counters if counter_serves(c, ticket.series)]
    if not open_counters:
        return None
    series = {s.pk: s for s in Series.objects.filter(office_id=ticket.office_id)}
    minutes = {pk: service_minutes(s) for pk, s in series.items()}
    serves = {c.pk: {pk for pk, s in series.items() if counter_serves(c, s)} for c in open_counters}
    free_at = {c.pk: 0.0 for c in open_counters}
    # Filtered by counter in Python: the query then runs on the (office, date, status) index.
    for at_counter in Ticket.objects.filter(
        office_id=ticket.office_id, date=ticket.date, status__in=ACTIVE_STATUSES
    ).only("counter_id", "series_id", "called_at", "started_at"):
        if at_counter.counter_id not in free_at:
            continue
        usual = minutes[at_counter.series_id]
        elapsed = (
            now - (at_counter.started_at or at_counter.called_at or now)
        ).total_seconds() / 60
        # A service already longer than usual is taken to need a quarter more.
        free_at[at_counter.counter_id] = max(usual - elapsed, 0.25 * usual)
    # Ordered in SQL, so no time stamps need reading: a busy day has hundreds waiting.
    waiting = list(
        Ticket.objects.filter(
            office_id=ticket.office_id,
            date=ticket.date,
            status=TicketStatus.WAITING,
            for_counter__isnull=True,
        )
        .order_by("queued_at")
        .values_list("pk", "series_id")
    )
    if ticket._state.adding:  # a ticket being issued is not in the table yet; it is the newest
        waiting.append((ticket.pk, ticket.series_id))
    # Priority first; the sort is stable, so each kind keeps its order in line.
    line = sorted(waiting, key=lambda row: not series[row[1]].is_priority)
    while line and free_at:
        counter = min(free_at, key=free_at.get)
        index = next((i for i, row in enumerate(line) if row[1] in serves[counter]), None)
        if index is None:
            del free_at[counter]  # nothing left in line that this counter serves
            continue
        pk, series_id = line.pop(index)
        if pk == ticket.pk:
            share = (
                0.0
                if ticket.series.is_priority
                else _priority_share(ticket, series, minutes, now, len(open_counters))
            )
            return max(0, round(free_at[counter] / (1 - share)))
        free_at[counter] += minutes[series_id]
    return None


def _priority_share(ticket, series, minutes, now, open_counters):
    """The share of counter time that priority tickets still to come will take ahead of a
    regular ticket: the last hour's priority arrivals times their service time, at most half."""
    priority = [pk for pk, s in series.items() if s.is_priority]
    if not priority:
        return 0.0
    arrived = Ticket.objects.filter(
        office_id=ticket.office_id,
        date=ticket.date,
        series_id__in=priority,
        issued_at__gte=now - dt.timedelta(hours=1),
        issued_at__lt=now,
    ).count()
    return min(0.5, arrived / 60 * minutes[priority[0]] / max(1, open_counters))


def service_minutes(series):
    """The mean service time of the series' last finished tickets today, else its usual
    time. Kept for the rest of the minute: every ticket issued asks for every series'."""
    now = timezone.localtime()
    key = f"queue-service-minutes:{series.pk}:{now:%Y%m%d%H%M}"
    minutes = cache.get(key)
    if minutes is None:
        minutes = _service_minutes(series, now.date())
        cache.set(key, minutes, 120)
    return minutes


def _service_minutes(series, today):
    rows = (
        # Served by the index on (series, date, finished_at): the day's newest first.
        Ticket.objects.filter(
            series=series, date=today, status=TicketStatus.DONE, finished_at__isnull=False
        )
        .order_by("-finished_at")
        .values_list("called_at", "started_at", "finished_at")[:ESTIMATE_SAMPLE]
    )
    durations = [
        (finished - (started or called)).total_seconds() / 60
        for called, started, finished in rows
        if (started or called) is not None
    ]
    if not durations:
        return float(series.default_service_minutes)
    return max(0.5, statistics.fmean(durations))


def _compute_status(office, today, event_id):
    start = _day_start(today)
    tickets = Ticket.objects.filter(office=office, date=today)
    series = list(Series.objects.filter(office=office, is_active=True))
    counters = _counters(office)
    waiting = dict(
        tickets.filter(status=TicketStatus.WAITING, for_counter__isnull=True)
        .values_list("series")
        .annotate(n=Count("id"))
    )
    waiting_priority = sum(n for pk, n in waiting.items() if _by_pk(series, pk).is_priority)
    at_counter = {
        t.counter_id: t for t in tickets.filter(status__in=ACTIVE_STATUSES).select_related("series")
    }
    calls = list(
        Call.objects.filter(counter__office=office, at__gte=start)
        .select_related("ticket__series", "counter")
        .order_by("-at", "-id")[:12]
    )
    now_serving = {}
    for call in (
        Call.objects.filter(counter__office=office, at__gte=start, is_recall=False)
        .order_by("-at", "-id")
        .values_list("ticket__series_id", "ticket__label")[:200]
    ):
        now_serving.setdefault(call[0], call[1])
    series_out = []
    for s in series:
        serving = [c for c in counters if counter_serves(c, s)]
        open_ = [c for c in serving if c.state == CounterState.OPEN] or serving
        served = {x.pk for c in open_ for x in series if counter_serves(c, x)}
        if s.is_priority:
            ahead = waiting.get(s.pk, 0)
        else:
            ahead = sum(n for pk, n in waiting.items() if pk in served)
        busy = sum(1 for c in open_ if c.pk in at_counter)
        series_out.append(
            {
                "letter": s.letter,
                "name": s.name,
                "name_en": s.name_en,
                "kind": s.kind,
                "now_serving": now_serving.get(s.pk),
                "waiting": waiting.get(s.pk, 0),
                "estimated_wait_minutes": (
                    _wait_minutes(ahead, busy, len(open_), service_minutes(s)) if open_ else None
                ),
            }
        )
    return {
        "office": office.code,
        "date": today.isoformat(),
        "event_id": event_id,
        "waiting_total": sum(waiting.values()),
        "waiting_priority": waiting_priority,
        "series": series_out,
        "counters": [
            {
                "number": c.number,
                "name": str(c),
                "state": c.state,
                "serving": at_counter[c.pk].label if c.pk in at_counter else None,
                "series": [x.letter for x in series if counter_serves(c, x)],
            }
            for c in counters
        ],
        "calls": [
            {
                "id": call.pk,
                "ticket": call.ticket.label,
                "series": call.ticket.series.letter,
                "counter": call.counter.number,
                "at": call.at.isoformat(),
                "is_recall": call.is_recall,
            }
            for call in calls
        ],
    }


def _waiting_ahead(ticket):
    return Ticket.objects.filter(
        office_id=ticket.office_id,
        date=ticket.date,
        status=TicketStatus.WAITING,
        for_counter__isnull=True,
        queued_at__lt=ticket.queued_at,
    )


def _wait_minutes(ahead, busy, counters, minutes):
    """The wait behind `ahead` tickets when `busy` of `counters` are serving: a free
    counter calls at once; a service in progress is half done on average."""
    if ahead < counters - busy:
        return 0
    return max(0, math.ceil((ahead - (counters - busy) + 0.5 * busy) * minutes / counters))


def _day_start(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _by_pk(items, pk):
    return next(item for item in items if item.pk == pk)


def _counters(office):
    return list(Counter.objects.filter(office=office, is_active=True).prefetch_related("series"))


def counter_serves(counter, series):
    return counter.is_full_function or any(s.pk == series.pk for s in counter.series.all())
