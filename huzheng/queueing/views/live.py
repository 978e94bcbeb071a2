"""The public queue pages: the live queue of an office (線上叫號進度) and the status of one
ticket, where the QR code on a printed ticket leads. Both are rendered on the server so
they work without script; live.js refreshes them."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.core.i18n import localized
from huzheng.core.services import get_office_or_404, opening_status
from huzheng.queueing import services
from huzheng.queueing.models import CounterState, Ticket, TicketStatus
from huzheng.surveys.services import ticket_survey_url

# Seconds between refreshes when no event stream wakes the page sooner.
REFRESH_SECONDS = 15


@never_cache
@require_http_methods(["GET", "HEAD"])
def live_queue(request, office):
    """The office's line now: per series the number being served, the waiting count and
    the estimated wait; the open counters."""
    office = get_office_or_404(office)
    state = services.queue_status(office)
    series = [{**row, "display_name": localized(row)} for row in state["series"]]
    return render(
        request,
        "queueing/live.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "opening": opening_status(office),
            "state": state,
            "series": series,
            "open_counters": [c for c in state["counters"] if c["state"] == CounterState.OPEN],
            "refresh": _refresh(office),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def ticket_status(request, office, ticket_id):
    """One ticket: its number, service and status in words, the people ahead of it and
    the estimated wait. Nothing personal is on a ticket, so nothing personal shows."""
    office = get_office_or_404(office)
    ticket = (
        Ticket.objects.select_related("series", "service", "counter")
        .filter(pk=ticket_id, office=office)
        .first()
    )
    if ticket is None:
        raise Http404("ticket")
    is_today = ticket.date == timezone.localdate()
    ahead, minutes = services.ticket_position(ticket)
    now_serving = None
    if is_today:
        now_serving = next(
            (
                row["now_serving"]
                for row in services.queue_status(office)["series"]
                if row["letter"] == ticket.series.letter
            ),
            None,
        )
    language = _language()
    service = ticket.service
    return render(
        request,
        "queueing/ticket.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "ticket": ticket,
            "is_today": is_today,
            "status": ticket.status if is_today else "expired",
            "is_final": not is_today
            or ticket.status in (TicketStatus.DONE, TicketStatus.CANCELLED),
            "series_name": ticket.series.display_name(language),
            "service_name": (localized(service) if service else ""),
            "ahead": ahead,
            "minutes": minutes,
            "now_serving": now_serving,
            "counter_number": ticket.counter.number if ticket.counter else None,
            "summary": _summary(ticket, is_today, ahead),
            "refresh": _refresh(office, page=True),
            "survey_url": ticket_survey_url(ticket),
        },
    )


# --- helpers ---------------------------------------------------------------------------------


def _refresh(office, *, page=False):
    """Where live.js gets fresh state: the JSON status (or this page again), and the
    office's event stream, which may be missing; polling then carries on alone."""
    return {
        "status_url": f"/api/v1/queue/{office.code}/status",
        "events_url": reverse("queueing:events", kwargs={"office": office.code}),
        "seconds": REFRESH_SECONDS,
        "mode": "page" if page else "status",
    }


def _summary(ticket, is_today, ahead):
    """The ticket's status in one sentence, for the page and for screen readers."""
    number = ticket.label
    if not is_today:
        return _("Ticket %(number)s is from another day and has expired.") % {"number": number}
    if ticket.status == TicketStatus.WAITING:
        if ahead:
            return _("Ticket %(number)s is waiting; %(ahead)s people are ahead of you.") % {
                "number": number,
                "ahead": ahead,
            }
        return _("Ticket %(number)s is waiting; you are next.") % {"number": number}
    if ticket.status == TicketStatus.CALLED:
        return _("Ticket %(number)s: please go to counter %(counter)s now.") % {
            "number": number,
            "counter": ticket.counter.number if ticket.counter else "?",
        }
    if ticket.status == TicketStatus.SERVING:
        return _("Ticket %(number)s is being served.") % {"number": number}
    if ticket.status == TicketStatus.DONE:
        return _("Ticket %(number)s is done. Thank you for your visit.") % {"number": number}
    if ticket.status == TicketStatus.NO_SHOW:
        return _("Ticket %(number)s was called but missed.") % {"number": number}
    return _("Ticket %(number)s was cancelled.") % {"number": number}


def _language():
    return get_language() or "zh-hant"
