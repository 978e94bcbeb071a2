"""The state of the line (候位狀況), read only: what boards, live pages and the API show
(per series the number being served, how many wait, and for a ticket taken now the people
ahead and the estimated wait; the counters; the latest calls), and a waiting ticket's
people ahead and estimated wait.

Every one of those figures comes from one model, `forecast`: the line played forward in
the order `call_next` calls (line.py), so the ticket's page, the printed ticket, the live
page, the boards and the API never contradict each other or the counter."""

import datetime as dt
import statistics

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from huzheng.core import broadcast, pagecache
from huzheng.queueing.channels import channel
from huzheng.queueing.line import PRIORITY_RUN, Line, Waiting, priority_series, recent_calls
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
# The forecast is kept per queue event; a quiet line is played again after this long, as
# the services in progress run on.
FORECAST_SECONDS = 60
# The place of a ticket not yet issued, in a forecast of "a ticket taken now".
NEW = "new"


def queue_status(office):
    """The office's line now, for boards, live pages and the API: per series the number
    being served, the waiting count, and the people ahead of and the estimated wait for a
    ticket taken now; the counters; the latest calls. Cached per broadcast event, so fifty
    boards fetching after one call cost one query set."""
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
    """(people ahead, estimated wait in minutes) for a waiting ticket of today, else
    (None, None): the forecast's figures, the same on every screen. A ticket just issued
    keeps the figures of its own transaction."""
    if ticket.status != TicketStatus.WAITING or ticket.date != timezone.localdate():
        return None, None
    if just_issued and getattr(ticket, "issued_position", None) is not None:
        return ticket.issued_position
    found = forecast(ticket.office)["tickets"].get(str(ticket.pk))
    if found is None:
        # Issued after the forecast was kept: play the line as it stands now.
        found = _forecast(ticket.office_id, ticket.date, timezone.now())["tickets"].get(
            str(ticket.pk), (None, None)
        )
    return found


def estimate_wait(ticket):
    """Minutes until a waiting ticket is likely called, from the forecast; for a ticket
    being issued, the forecast's figure for a ticket of its series taken now."""
    if ticket._state.adding:
        return position_if_taken_now(ticket.office, ticket.series_id)[1]
    return ticket_position(ticket)[1]


def position_if_taken_now(office, series_id):
    """(people ahead, estimated wait) for a ticket of this series taken now: from the
    forecast kept for the latest event, else this series alone played forward. Not the
    whole forecast: issuing a ticket asks this inside its transaction, and the forecast it
    would keep is named by the event that the ticket's own event replaces at once."""
    today = timezone.localdate()
    kept = cache.get(_forecast_key(office, today))
    if kept is not None and series_id in kept["series"]:
        return kept["series"][series_id]
    return _Snapshot(office.pk, today, timezone.now()).if_taken_now(series_id)


def forecast(office):
    """The line played forward (叫號預估): {"tickets": {ticket id: (ahead, minutes)},
    "series": {series id: (ahead, minutes) for a ticket taken now}}. Each open counter,
    free now or after the rest of its current service, calls by the line's one order
    (`Line.next_for`, as call_next does), each ticket priced at its series' recent
    service time. People ahead of a ticket are those the counters that could call it
    call first. Kept per broadcast event, so every screen reads the same figures."""
    today = timezone.localdate()
    key = _forecast_key(office, today)
    found = cache.get(key)
    if found is None:
        found = _forecast(office.pk, today, timezone.now())
        cache.set(key, found, FORECAST_SECONDS)
    return found


def _forecast_key(office, day):
    return f"queue-forecast:{office.pk}:{broadcast.latest_id(channel(office))}:{day}"


def _forecast(office_id, day, now):
    snapshot = _Snapshot(office_id, day, now)
    return {
        "tickets": snapshot.every_ticket(),
        "series": {pk: snapshot.if_taken_now(pk) for pk in snapshot.active_series},
    }


class _Snapshot:
    """What the forecast reads from the database once: series and their service times,
    counters and when each is free, the waiting line, the last calls."""

    def __init__(self, office_id, day, now):
        self.office_id, self.day, self.now = office_id, day, now
        series = {s.pk: s for s in Series.objects.filter(office_id=office_id)}
        self.active_series = [pk for pk, s in series.items() if s.is_active]
        self.minutes = {pk: service_minutes(s) for pk, s in series.items()}
        self.priority = set(priority_series(office_id))
        counters = _counters_by_pk(office_id)
        # What each counter calls: as call_next, the active series it serves.
        self.serves = {
            c.pk: [pk for pk in self.active_series if counter_serves(c, series[pk])]
            for c in counters
        }
        self.open = [c.pk for c in counters if c.state == CounterState.OPEN]
        self.counters = [c.pk for c in counters]
        self.callers = {
            pk: [c for c in self.counters if pk in self.serves[c]] for pk in self.active_series
        }
        self.free_at = dict.fromkeys(self.counters, 0.0)
        # Filtered by counter in Python: the query then runs on the (office, date, status) index.
        for at_counter in Ticket.objects.filter(
            office_id=office_id, date=day, status__in=ACTIVE_STATUSES
        ).only("counter_id", "series_id", "called_at", "started_at"):
            if at_counter.counter_id not in self.free_at:
                continue
            usual = self.minutes[at_counter.series_id]
            since = at_counter.started_at or at_counter.called_at or now
            elapsed = (now - since).total_seconds() / 60
            # A service already longer than usual is taken to need a quarter more.
            self.free_at[at_counter.counter_id] = max(usual - elapsed, 0.25 * usual)
        self.rows = list(
            Ticket.objects.filter(office_id=office_id, date=day, status=TicketStatus.WAITING)
            .order_by("queued_at", "pk")
            .values_list("pk", "series_id", "for_counter_id")
        )
        self.recent = recent_calls(office_id, day)
        self._shares = {}

    def every_ticket(self):
        """(ahead, minutes) of every waiting ticket. A ticket no open counter calls is
        forecast as if the counters that could call it were open (before opening, say)."""
        played = self._play(self.open)
        missing = [row for row in self.rows if row[0] not in played]
        assumed = self._with_callers(self.open, missing)
        if assumed != self.open:
            again = self._play(assumed)
            played.update({row[0]: again[row[0]] for row in missing if row[0] in again})
        return {str(pk): self._figures(*found) for pk, found in played.items()}

    def if_taken_now(self, series_id):
        """(ahead, minutes) for a ticket of the series taken now: the newest in line."""
        played = self._play(self.open, extra=series_id)
        if NEW not in played:
            assumed = self._with_callers(self.open, [(NEW, series_id, None)])
            played = self._play(assumed, extra=series_id)
        if NEW not in played:
            return None, None
        return self._figures(*played[NEW])

    def _play(self, counters, *, extra=None):
        """{ticket id: ((ahead, minutes, series id), counters)}: each counter, when it is
        free, calls its next ticket by the line's order until the line is empty for it."""
        line = Line(self.rows, self.priority)
        if extra is not None:
            line.add(Waiting(len(self.rows), NEW, extra, None))
        free_at = {pk: self.free_at[pk] for pk in counters}
        calls = dict.fromkeys(counters, 0)
        recent = list(self.recent)
        played = {}
        while free_at:
            counter = min(free_at, key=free_at.get)  # ties: the lower counter number
            row = line.next_for(counter, self.serves[counter], recent)
            if row is None:
                del free_at[counter]  # nothing left in line that this counter calls
                continue
            line.take(row)
            could_call = (
                [row.for_counter_id]
                if row.for_counter_id is not None
                else self.callers.get(row.series_id, ())
            )
            ahead = sum(calls.get(pk, 0) for pk in could_call)
            played[row.pk] = ((ahead, free_at[counter], row.series_id), len(counters))
            if row.pk == NEW:
                break
            calls[counter] += 1
            free_at[counter] += self.minutes[row.series_id]
            recent = [line.is_priority(row.series_id), *recent][:PRIORITY_RUN]
        return played

    def _with_callers(self, counters, rows):
        """The counters, and those that could call any of the rows, as if open."""
        wanted = set(counters)
        for _pk, series_id, for_counter_id in rows:
            if for_counter_id is not None:
                wanted.add(for_counter_id)
            else:
                wanted.update(self.callers.get(series_id, ()))
        return [pk for pk in self.counters if pk in wanted]

    def _figures(self, found, counters):
        """(ahead, whole minutes); a regular ticket's wait is stretched by the share of
        counter time the priority tickets still to come will take ahead of it."""
        ahead, minutes, series_id = found
        if series_id not in self.priority:
            minutes = minutes / (1 - self._priority_share(counters))
        return ahead, max(0, round(minutes))

    def _priority_share(self, counters):
        if counters not in self._shares:
            self._shares[counters] = _priority_share(
                self.office_id, self.day, self.now, self.priority, self.minutes, counters
            )
        return self._shares[counters]


def _priority_share(office_id, day, now, priority, minutes, counters):
    """The share of counter time that priority tickets still to come will take ahead of a
    regular ticket: the last hour's priority arrivals times their service time, at most half."""
    if not priority:
        return 0.0
    arrived = Ticket.objects.filter(
        office_id=office_id,
        date=day,
        series_id__in=priority,
        issued_at__gte=now - dt.timedelta(hours=1),
        issued_at__lt=now,
    ).count()
    usual = statistics.fmean(minutes[pk] for pk in priority)
    return min(0.5, arrived / 60 * usual / max(1, counters))


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
    # Every waiting ticket of the series, one transferred to a counter included.
    waiting = dict(
        tickets.filter(status=TicketStatus.WAITING).values_list("series").annotate(n=Count("id"))
    )
    waiting_priority = sum(waiting.get(s.pk, 0) for s in series if s.is_priority)
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
    taken_now = forecast(office)["series"]
    series_out = []
    for s in series:
        ahead, minutes = taken_now.get(s.pk, (None, None))
        series_out.append(
            {
                "letter": s.letter,
                "name": s.name,
                "name_en": s.name_en,
                "kind": s.kind,
                "now_serving": now_serving.get(s.pk),
                "waiting": waiting.get(s.pk, 0),
                # For a ticket of the series taken now: the same forecast as a ticket's.
                "people_ahead": ahead,
                "estimated_wait_minutes": minutes,
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


def _day_start(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _counters(office):
    return _counters_by_pk(office.pk)


def _counters_by_pk(office_id):
    return list(
        Counter.objects.filter(office_id=office_id, is_active=True).prefetch_related("series")
    )


def counter_serves(counter, series):
    return counter.is_full_function or any(s.pk == series.pk for s in counter.series.all())
