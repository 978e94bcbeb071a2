"""Appointments' figures for the service-quality plan: visits booked online, no-shows,
how far ahead people book, and outreach places used (線上預約、未到、機動服務)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from huzheng.appointments.models import Booking, OutreachSession, SessionBooking
from huzheng.core.indicators import LOWER, indicator
from huzheng.queueing.models import Ticket, TicketStatus


@indicator(
    "appointments.booked",
    name=_("Appointments booked online"),
    unit=_("count"),
    source=_("Bookings made in the period, cancelled ones included"),
)
def booked(office, period):
    return Booking.objects.filter(
        office=office, created_at__gte=period.start(), created_at__lt=period.end()
    ).count()


@indicator(
    "appointments.booked_online_share",
    name=_("Counter visits booked online"),
    unit="%",
    source=_("Queue tickets of the period carrying an appointment code"),
    target=30,
)
def booked_online_share(office, period):
    counts = (
        Ticket.objects.filter(office=office, date__gte=period.first, date__lte=period.last)
        .exclude(status=TicketStatus.CANCELLED)
        .aggregate(all=Count("id"), booked=Count("id", filter=~Q(appointment_code="")))
    )
    return _share(counts["booked"], counts["all"])


@indicator(
    "appointments.no_show_share",
    name=_("Appointments not kept"),
    unit="%",
    source=_("Bookings starting in the period: no-shows among those kept or missed"),
    better=LOWER,
    target=10,
)
def no_show_share(office, period):
    counts = _starting(office, period).aggregate(
        due=Count(
            "id",
            filter=Q(
                status__in=[
                    Booking.Status.CHECKED_IN,
                    Booking.Status.ATTENDED,
                    Booking.Status.NO_SHOW,
                ]
            ),
        ),
        missed=Count("id", filter=Q(status=Booking.Status.NO_SHOW)),
    )
    return _share(counts["missed"], counts["due"])


@indicator(
    "appointments.lead_time",
    name=_("Mean time booked ahead"),
    unit=_("days"),
    source=_("Bookings starting in the period, not cancelled: start minus booking time"),
)
def lead_time(office, period):
    rows = _starting(office, period).exclude(status=Booking.Status.CANCELLED)
    leads = [
        (start - made).total_seconds() / 86400
        for start, made in rows.values_list("start", "created_at")
    ]
    return round(sum(leads) / len(leads), 1) if leads else None


@indicator(
    "appointments.outreach_places_used",
    name=_("Outreach session places used"),
    unit="%",
    source=_("Outreach sessions starting in the period: places booked over places offered"),
)
def outreach_places_used(office, period):
    sessions = OutreachSession.objects.filter(
        office=office, starts_at__gte=period.start(), starts_at__lt=period.end()
    )
    offered = sessions.aggregate(total=Sum("capacity"))["total"] or 0
    taken = (
        SessionBooking.objects.filter(
            session__in=sessions, status=SessionBooking.Status.BOOKED
        ).aggregate(total=Sum("people"))["total"]
        or 0
    )
    return _share(taken, offered)


def _starting(office, period):
    return Booking.objects.filter(office=office, start__gte=period.start(), start__lt=period.end())


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None
