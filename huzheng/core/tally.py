"""Counts that many requests add to — searches by query, say — gathered in each process
and written to the database in batches (計數).

A public search page is served from the page cache in a fraction of a millisecond; one
database write per search would cost more than the whole answer (on SQLite, opening
the database alone does). A `Tally` adds in memory and hands the sums to its `write`
function at most every `seconds`, from whichever request comes next, and when the
process exits. What a process holds when it is killed (at most `seconds` worth) is lost:
these are statistics, not records."""

import atexit
import threading
import time
from collections import Counter

from django.conf import settings

_tallies = []


class Tally:
    def __init__(self, write, seconds=None):
        """`write(counts)` receives {key: count} and stores it; `seconds` between writes
        defaults to settings.HUZHENG_TALLY_SECONDS (0 writes at once, as the tests do)."""
        self.write = write
        self.seconds = seconds
        self._counts = Counter()
        self._lock = threading.Lock()
        self._last = time.monotonic()
        _tallies.append(self)

    def add(self, key, count=1):
        with self._lock:
            self._counts[key] += count
            due = time.monotonic() - self._last >= self._interval()
        if due:
            self.flush()

    def flush(self):
        """Write what has been counted so far."""
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._last = time.monotonic()
        if counts:
            self.write(dict(counts))

    def _interval(self):
        return self.seconds if self.seconds is not None else settings.HUZHENG_TALLY_SECONDS


@atexit.register
def _flush_all():
    for tally in _tallies:
        try:
            tally.flush()
        except Exception:  # noqa: S110 - the process is ending; the database may be gone
            pass
