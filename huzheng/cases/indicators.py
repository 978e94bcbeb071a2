"""Cases' figures for the service-quality plan: cases finished within their time limit
(案件依限辦結率) and the cases past it."""

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from huzheng.cases.models import Case, Stage
from huzheng.core.indicators import LOWER, indicator


@indicator(
    "cases.finished_in_time",
    name=_("Cases finished within their time limit"),
    unit="%",
    source=_("Cases closed in the period: closed on or before the due date"),
    target=95,
)
def finished_in_time(office, period):
    closed = (
        Case.objects.filter(
            office=office,
            stage=Stage.CLOSED,
            closed_at__gte=period.start(),
            closed_at__lt=period.end(),
        )
        .annotate(closed_day=TruncDate("closed_at"))
        .aggregate(
            all=Count("id"),
            in_time=Count("id", filter=Q(due_on__isnull=True) | Q(closed_day__lte=F("due_on"))),
        )
    )
    return round(100 * closed["in_time"] / closed["all"], 1) if closed["all"] else None


@indicator(
    "cases.open_overdue",
    name=_("Open cases past their time limit"),
    unit=_("count"),
    source=_("Cases not closed whose due date is before the period's last day"),
    better=LOWER,
    target=0,
)
def open_overdue(office, period):
    return (
        Case.objects.filter(office=office, due_on__lt=period.last)
        .exclude(stage=Stage.CLOSED)
        .count()
    )
