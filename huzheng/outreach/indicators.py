"""The proactive notices' figures for the quality plan (戶政即時通績效): how many owed
registrations were made within the legal deadline, how many people were reached before
it, and how letters and messages fared. Items count in the period their deadline falls."""

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.notify.models import Letter, Message
from huzheng.outreach.models import WorkItem


@indicator(
    "outreach.registered_in_time",
    name=_("Owed registrations made within the legal deadline"),
    unit="%",
    source=_("Worklist items whose deadline falls in the period"),
    target=80,
)
def registered_in_time(office, period):
    items = _due_in(office, period)
    total = items.count()
    if not total:
        return None
    in_time = items.filter(registered_on__isnull=False, registered_on__lte=F("deadline"))
    return round(100 * in_time.count() / total, 1)


@indicator(
    "outreach.reached_before_deadline",
    name=_("People reached before the legal deadline"),
    unit="%",
    source=_("Worklist items whose deadline falls in the period: told by call, letter or message"),
    target=90,
)
def reached_before_deadline(office, period):
    items = _due_in(office, period)
    total = items.count()
    if not total:
        return None
    reached = items.filter(
        Q(told_at__date__lte=F("deadline")) | Q(registered_on__lte=F("deadline"))
    )
    return round(100 * reached.count() / total, 1)


@indicator(
    "outreach.letters_issued",
    name=_("Letters issued"),
    unit="count",
    source=_("The outgoing-letter register"),
)
def letters_issued(office, period):
    return Letter.objects.filter(office=office, dated__range=(period.first, period.last)).count()


@indicator(
    "notify.messages_failed",
    name=_("Messages that finally failed"),
    unit="%",
    source=_("The outbox: e-mail and SMS queued in the period"),
    better=LOWER,
    target=2,
)
def messages_failed(office, period):
    messages = Message.objects.filter(
        office=office, created_at__gte=period.start(), created_at__lt=period.end()
    )
    total = messages.count()
    if not total:
        return None
    return round(100 * messages.filter(status=Message.Status.FAILED).count() / total, 1)


def _due_in(office, period):
    return WorkItem.objects.filter(office=office, deadline__range=(period.first, period.last))
