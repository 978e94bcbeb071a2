"""The plan's indicators (服務品質績效指標): each app says how to compute its own.

An app that has figures for the service-quality plan (waits, bookings, cases, messages
answered in time, satisfaction …) puts them in its own `indicators.py`, each a function
decorated with `@indicator(...)` that takes an office and a `Period` and returns a
number (or None when there is nothing to measure). The quality app finds them all with
`all_indicators()` and shows, freezes, compares and publishes them; no app imports the
quality app, and core imports no app: the modules are discovered by name, as Django's
admin finds `admin.py`."""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

HIGHER = "higher"
LOWER = "lower"


@dataclass(frozen=True)
class Period:
    """The span an indicator is computed over, both days included."""

    first: dt.date
    last: dt.date

    @classmethod
    def month(cls, year, month):
        return cls(
            dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        )

    @classmethod
    def year(cls, year):
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse(cls, text):
        """ "2026-11" (a month) or "2026" (a year); ValueError for anything else."""
        text = str(text or "").strip()
        if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
            return cls.month(int(text[:4]), int(text[5:]))
        if len(text) == 4 and text.isdigit():
            return cls.year(int(text))
        raise ValueError(f"not a month or a year: {text[:20]!r}")

    @property
    def key(self):
        """ "2026-11" for a month, "2026" for a year, else "first/last"."""
        if self == Period.year(self.first.year):
            return str(self.first.year)
        if self == Period.month(self.first.year, self.first.month):
            return f"{self.first:%Y-%m}"
        return f"{self.first:%Y-%m-%d}/{self.last:%Y-%m-%d}"

    def start(self):
        """The first moment of the period, in the current time zone."""
        from django.utils import timezone

        return timezone.make_aware(dt.datetime.combine(self.first, dt.time.min))

    def end(self):
        """The first moment after the period."""
        from django.utils import timezone

        return timezone.make_aware(
            dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time.min)
        )


@dataclass(frozen=True)
class Indicator:
    """One measured figure of the plan: what it is, where it comes from, how to compute it."""

    key: str  # "queue.wait_p90", stable: frozen meeting figures and the API use it
    name: str  # translatable, shown to the director and the public
    unit: str  # "minutes", "%", "count" …
    source: str  # which records it is computed from, in words
    compute: object = field(compare=False)  # (office, period) -> float | None
    description: str = ""
    better: str = HIGHER  # which way is better, for colours and rankings
    target: float | None = None  # a default target; the plan may set its own
    app: str = ""

    def value(self, office, period):
        return self.compute(office, period)


_registry = {}


def indicator(key, *, name, unit, source, description="", better=HIGHER, target=None):
    """Register the decorated function `(office, period) -> number | None` as an indicator."""

    def register(function):
        _registry[key] = Indicator(
            key=key,
            name=name,
            unit=unit,
            source=source,
            compute=function,
            description=description,
            better=better,
            target=target,
            app=function.__module__.split(".")[1] if function.__module__.count(".") else "",
        )
        return function

    return register


def all_indicators():
    """Every app's indicators, by key."""
    autodiscover_modules("indicators")
    return dict(sorted(_registry.items()))


def get_indicator(key):
    """One indicator by key, or KeyError."""
    return all_indicators()[key]
