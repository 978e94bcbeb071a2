"""The queue's figures for the service-quality plan (服務品質績效指標): waits and service
times of the counter visits, and the share called within the target wait."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.queueing import statistics

# The wait the plan promises (minutes from ticket to call); an office's plan may set its
# own target for the share, this is the line the share is counted against.
TARGET_WAIT_MINUTES = 15

SOURCE = _("Queue tickets: issued, called, served and finished times")


@indicator(
    "queue.wait_mean",
    name=_("Mean wait from ticket to call"),
    unit=_("minutes"),
    source=SOURCE,
    better=LOWER,
)
def wait_mean(office, period):
    return statistics.waiting_times(office, _period(period))["mean_minutes"]


@indicator(
    "queue.wait_p90",
    name=_("Wait from ticket to call, 90th percentile"),
    unit=_("minutes"),
    source=SOURCE,
    better=LOWER,
)
def wait_p90(office, period):
    return statistics.waiting_times(office, _period(period))["p90_minutes"]


@indicator(
    "queue.service_mean",
    name=_("Mean service time at the counter"),
    unit=_("minutes"),
    source=SOURCE,
    better=LOWER,
)
def service_mean(office, period):
    return _service(office, period)["mean_minutes"]


@indicator(
    "queue.service_p90",
    name=_("Service time at the counter, 90th percentile"),
    unit=_("minutes"),
    source=SOURCE,
    better=LOWER,
)
def service_p90(office, period):
    return _service(office, period)["p90_minutes"]


@indicator(
    "queue.served_within_target",
    name=_("Visitors called within 15 minutes"),
    unit="%",
    source=SOURCE,
    target=80,
)
def served_within_target(office, period):
    waits = [
        w
        for row in statistics._rows(office, _period(period))
        if (w := statistics._wait_minutes(row)) is not None
    ]
    if not waits:
        return None
    return round(100 * sum(1 for w in waits if w <= TARGET_WAIT_MINUTES) / len(waits), 1)


def _service(office, period):
    rows = statistics._rows(office, _period(period))
    return statistics._summary(
        [m for row in rows if (m := statistics._service_minutes(row)) is not None]
    )


def _period(period):
    return statistics.Period("month", period.first, period.last)
