"""The public site's figures for the service-quality plan: pages overdue for review
(資訊內容正確度) and how much of the information disclosure is covered (資訊公開)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.site.models import DisclosurePage, SiteSettings, reviewed_page_models


@indicator(
    "site.pages_overdue_review",
    name=_("Pages overdue for review"),
    unit=_("count"),
    source=_("Live pages of the office's site whose review-by date has passed"),
    better=LOWER,
    target=0,
)
def pages_overdue_review(office, period):
    # A page is overdue on the period's last day, or today for a period still running.
    day = min(period.last, timezone.localdate())
    root = _site_root(office)
    total = 0
    for model in reviewed_page_models():
        pages = model.objects.live().filter(review_by__lt=day)
        if root is not None:
            pages = pages.descendant_of(root, inclusive=True)
        total += pages.count()
    return total


@indicator(
    "site.disclosure_coverage",
    name=_("Information disclosure categories covered"),
    unit="%",
    source=_(
        "The categories of Article 7 of the Freedom of Government Information Law "
        "that the office's disclosure pages link something to"
    ),
    target=100,
)
def disclosure_coverage(office, period):
    pages = DisclosurePage.objects.live()
    root = _site_root(office)
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    rows = [row for page in pages for row in page.coverage()]
    if not rows:
        return None
    return round(100 * sum(1 for row in rows if row["links"]) / len(rows), 1)


def _site_root(office):
    """The home page of the office's own site, or None when the office has no site of
    its own (then the one public site speaks for every office)."""
    settings = SiteSettings.objects.filter(office=office).select_related("site__root_page")
    setting = settings.first()
    return setting.site.root_page if setting is not None else None
