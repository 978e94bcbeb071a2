"""Search's figure for the service-quality plan (服務品質績效指標)."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.search import usage


@indicator(
    "search.empty_share",
    name=_("Searches with no result"),
    unit="%",
    source=_("The site search's daily counts (the whole site, not one office)"),
    better=LOWER,
    target=10,
)
def empty_share(office, period):
    counts = usage.empty_search_counts(period.first, period.last)
    if not counts["searches"]:
        return None
    return round(counts["empty"] * 100 / counts["searches"], 1)
