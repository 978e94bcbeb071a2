"""ID cards' figures for the service-quality plan: loss reports by channel (身分證掛失)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import indicator
from huzheng.idcards.models import LossReport


@indicator(
    "idcards.reports_by_phone",
    name=_("ID card losses reported by phone"),
    unit=_("count"),
    source=_("Loss reports the office took by phone in the period"),
)
def reports_by_phone(office, period):
    return _reports(period).filter(office=office, channel=LossReport.Channel.PHONE).count()


@indicator(
    "idcards.reports_online",
    name=_("ID card losses reported online"),
    unit=_("count"),
    source=_(
        "Loss reports made online in the period; online reports are national, so "
        "those not tied to an office count for every office"
    ),
)
def reports_online(office, period):
    return (
        _reports(period)
        .filter(Q(office=office) | Q(office__isnull=True), channel=LossReport.Channel.ONLINE)
        .count()
    )


def _reports(period):
    return LossReport.objects.filter(created_at__gte=period.start(), created_at__lt=period.end())
