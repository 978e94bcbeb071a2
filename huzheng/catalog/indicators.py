"""The catalog's figure for the service-quality plan: one-time notice slips issued
(一次告知單)."""

from django.utils.translation import gettext_lazy as _

from huzheng.catalog.models import NoticeSlip
from huzheng.core.indicators import indicator


@indicator(
    "catalog.slips_issued",
    name=_("One-time notice slips issued"),
    unit=_("count"),
    source=_("Notice slips issued by the office in the period"),
)
def slips_issued(office, period):
    return NoticeSlip.objects.filter(
        office=office, created_at__gte=period.start(), created_at__lt=period.end()
    ).count()
