"""News monitoring's figure for the service-quality plan."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.mediawatch import services


@indicator(
    "mediawatch.hours_to_clarify",
    name=_("Time from a wrong report to its public clarification"),
    unit=_("hours"),
    source=_("News monitoring: first seen to clarification published"),
    better=LOWER,
)
def hours_to_clarify(office, period):
    return services.hours_to_clarify(office, period.first, period.last)
