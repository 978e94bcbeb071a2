"""The order of the line (叫號順序): which waiting ticket a counter calls next.

`call_next` asks `Line.next_for` once, on the day's waiting tickets as they stand; the wait
estimates (`waiting.forecast`) ask it again and again while they play the line forward. So
what a ticket's page says comes next is what the counter calls, across series that share
counters, older tickets of other series included.
"""

import collections

from huzheng.queueing.models import Call, Series, Ticket, TicketStatus

# The stated rules of the line, shown on the console and in the docs:
# after this many priority calls in a row, the oldest regular ticket goes next, so
# neither line starves (優先號與一般號交錯);
PRIORITY_RUN = 2
# appointments checking in are called with the priority line, since they booked a time
# (Series.is_priority).
PRIORITY_KINDS = (Series.Kind.PRIORITY, Series.Kind.CHECK_IN)

# One waiting ticket: its place in line (0 = longest waiting), id, series, and the counter
# it was transferred to, if any.
Waiting = collections.namedtuple("Waiting", "order pk series_id for_counter_id")


class Line:
    """The waiting tickets of an office's day, oldest first, kept per series and per
    counter transferred to, so the next ticket of any counter is found at once."""

    def __init__(self, rows, priority_series):
        self._priority = frozenset(priority_series)
        self._by_series = collections.defaultdict(collections.deque)
        self._by_counter = collections.defaultdict(collections.deque)
        for order, (pk, series_id, for_counter_id) in enumerate(rows):
            self.add(Waiting(order, pk, series_id, for_counter_id))

    def add(self, row):
        """Put a ticket at the end of the line (rows come oldest first)."""
        if row.for_counter_id is not None:
            self._by_counter[row.for_counter_id].append(row)
        else:
            self._by_series[row.series_id].append(row)

    def next_for(self, counter_id, served, recent):
        """The ticket the counter calls next, or None: tickets transferred to it first;
        then the oldest of the series it serves, priority first, except that after
        PRIORITY_RUN priority calls in a row (`recent`: whether each of the office's last
        calls was of the priority line, newest first) the oldest regular ticket goes."""
        own = self._by_counter.get(counter_id)
        if own:
            return own[0]
        priority = regular = None
        for series_id in served:
            queue = self._by_series.get(series_id)
            if not queue:
                continue
            head = queue[0]
            if series_id in self._priority:
                if priority is None or head.order < priority.order:
                    priority = head
            elif regular is None or head.order < regular.order:
                regular = head
        if priority is None or regular is None:
            return priority or regular
        return regular if priority_run_done(recent) else priority

    def take(self, row):
        """Take a ticket that next_for returned out of the line."""
        if row.for_counter_id is not None:
            self._by_counter[row.for_counter_id].popleft()
        else:
            self._by_series[row.series_id].popleft()

    def is_priority(self, series_id):
        return series_id in self._priority


def waiting_line(office_id, day):
    """The office's waiting tickets of the day, in the order they wait (`queued_at`)."""
    rows = (
        Ticket.objects.filter(office_id=office_id, date=day, status=TicketStatus.WAITING)
        .order_by("queued_at", "pk")
        .values_list("pk", "series_id", "for_counter_id")
    )
    return Line(rows, priority_series(office_id))


def priority_series(office_id):
    return Series.objects.filter(office_id=office_id, kind__in=PRIORITY_KINDS).values_list(
        "pk", flat=True
    )


def recent_calls(office_id, day):
    """Whether each of the office's last PRIORITY_RUN calls of the day (recalls aside) was
    of the priority line, newest first."""
    kinds = (
        Call.objects.filter(counter__office_id=office_id, at__date=day, is_recall=False)
        .order_by("-at", "-id")
        .values_list("ticket__series__kind", flat=True)[:PRIORITY_RUN]
    )
    return [kind in PRIORITY_KINDS for kind in kinds]


def priority_run_done(recent):
    return len(recent) >= PRIORITY_RUN and all(recent[:PRIORITY_RUN])
