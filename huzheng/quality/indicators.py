"""Figures that join several apps: the online share of transactions (線上服務比率)."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import indicator


@indicator(
    "quality.online_share",
    name=_("Transactions begun online"),
    unit="%",
    source=_(
        "Online bookings and online ID card loss reports of the period, over those plus "
        "the counter visits (queue tickets not booked online)"
    ),
)
def online_share(office, period):
    from huzheng.appointments.indicators import booked
    from huzheng.idcards.indicators import reports_online
    from huzheng.queueing.models import Ticket, TicketStatus

    online = (booked(office, period) or 0) + (reports_online(office, period) or 0)
    counter = (
        Ticket.objects.filter(
            office=office, date__gte=period.first, date__lte=period.last, appointment_code=""
        )
        .exclude(status=TicketStatus.CANCELLED)
        .count()
    )
    return round(100 * online / (online + counter), 1) if online + counter else None
