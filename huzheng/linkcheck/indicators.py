"""The link checker's figure for the service-quality plan (資訊連結正確度)."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.linkcheck.models import LinkCheckRun


@indicator(
    "linkcheck.broken_links",
    name=_("Broken links found by the last check"),
    unit=_("count"),
    source=_("The last finished link check up to the end of the period"),
    better=LOWER,
    target=0,
)
def broken_links(office, period):
    # The site is shared by the deployment's offices, so every office sees the same run.
    run = (
        LinkCheckRun.objects.filter(finished_at__isnull=False, finished_at__lt=period.end())
        .exclude(status=LinkCheckRun.Status.FAILED)
        .order_by("-finished_at")
        .first()
    )
    return None if run is None else run.broken
