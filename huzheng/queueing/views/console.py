"""The counter console (櫃檯叫號台): staff choose their counter, then call, recall, serve,
finish, mark no-show and transfer tickets there, open or pause the counter, and link the
visit's cases and slips to its ticket.

Every action is a POST form that calls one service function and redirects back with a
message (post/redirect/get), so a reload never repeats an action.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from huzheng.core.services import get_office_or_404
from huzheng.queueing import services
from huzheng.queueing.models import (
    ACTIVE_STATUSES,
    Counter,
    CounterState,
    Series,
    Ticket,
    TicketStatus,
    VisitRecord,
    validate_single_line,
)

# A counter number beyond a small integer cannot exist (PositiveSmallIntegerField).
MAX_COUNTER_NUMBER = 32767


@login_required
@require_safe
def choose_counter(request, office):
    """The office's counters, their state and who staffs them: pick yours."""
    office = get_office_or_404(office)
    if not services.can_serve(request.user, office):
        return _forbidden(request, office)
    counters = list(
        Counter.objects.filter(office=office, is_active=True)
        .select_related("staffed_by")
        .prefetch_related("series")
    )
    at_counter = {
        t.counter_id: t
        for t in Ticket.objects.filter(
            office=office, counter__in=counters, status__in=ACTIVE_STATUSES
        )
    }
    rows = [
        {
            "counter": c,
            "state_label": state_label(c.state),
            "staffed_by": person_name(c.staffed_by),
            "series": c.served_series(),
            "ticket": at_counter.get(c.pk),
            "is_mine": c.staffed_by_id == request.user.pk and c.state != CounterState.CLOSED,
        }
        for c in counters
    ]
    return render(request, "queueing/console_choose.html", {"office": office, "rows": rows})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def console(request, office, number):
    """One counter's console: GET shows it, POST does one action and comes back."""
    office = get_office_or_404(office)
    if not services.can_serve(request.user, office):
        return _forbidden(request, office)
    counter = _counter_or_404(office, number)
    if request.method == "POST":
        _do_action(request, office, counter)
        return redirect(reverse("queueing:console", args=[office.code, counter.number]))
    return render(request, "queueing/console.html", _console_context(request, office, counter))


def state_label(state):
    """A counter's state in words, distinct from the office's own open/closed."""
    return {
        CounterState.OPEN: _("Counter open"),
        CounterState.PAUSED: _("Counter paused"),
        CounterState.CLOSED: _("Counter closed"),
    }.get(state, state)


def person_name(user):
    """A staff member as the office writes them: 王淑芬, or John Smith in Latin letters."""
    if user is None:
        return ""
    last, first = (user.last_name or "").strip(), (user.first_name or "").strip()
    if not (last or first):
        return user.get_username()
    if (last + first).isascii():
        return f"{first} {last}".strip()
    return f"{last}{first}"


# --- actions ---------------------------------------------------------------------------------


def _do_action(request, office, counter):
    action = request.POST.get("action", "")
    handler = ACTIONS.get(action)
    if handler is None:
        messages.error(request, _("Unknown action; nothing was changed."))
        return
    try:
        text = handler(request, office, counter)
    except services.QueueError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(_validation_messages(exc)))
    except _Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, text)


class _Refused(Exception):
    """Bad or stale input from the form: the message says why; nothing was changed."""


def _call_next(request, office, counter):
    # A double press of "Call next" would finish the ticket just called and call the
    # one after it; the form says which ticket it saw at the counter, so the second
    # press finds a different one and stops.
    seen = request.POST.get("current", "").strip()
    current = services.current_ticket(counter)
    if (str(current.pk) if current else "") != seen:
        raise _Refused(_("The ticket at this counter has just changed; please look again."))
    ticket = services.call_next(counter, user=request.user)
    return _("Called %(ticket)s to counter %(number)s.") % {
        "ticket": ticket.label,
        "number": counter.number,
    }


def _recall(request, office, counter):
    ticket = services.recall(_ticket_at_counter(request, office, counter), user=request.user)
    return _("Called %(ticket)s again.") % {"ticket": ticket.label}


def _start(request, office, counter):
    ticket = services.start_service(_ticket_at_counter(request, office, counter), user=request.user)
    return _("Service of %(ticket)s has started.") % {"ticket": ticket.label}


def _finish(request, office, counter):
    ticket = services.finish(_ticket_at_counter(request, office, counter), user=request.user)
    return _("%(ticket)s is done.") % {"ticket": ticket.label}


def _no_show(request, office, counter):
    ticket = services.mark_no_show(_ticket_at_counter(request, office, counter), user=request.user)
    return _("%(ticket)s is marked as no-show.") % {"ticket": ticket.label}


def _transfer(request, office, counter):
    ticket = _ticket_at_counter(request, office, counter)
    series = _posted_series(request, office)
    to_counter = _posted_counter(request, office)
    ticket = services.transfer(ticket, series=series, counter=to_counter, user=request.user)
    if to_counter is not None:
        return _("%(ticket)s is transferred to counter %(number)s.") % {
            "ticket": ticket.label,
            "number": to_counter.number,
        }
    return _("%(ticket)s is transferred to series %(series)s.") % {
        "ticket": ticket.label,
        "series": ticket.series.letter,
    }


def _return_to_line(request, office, counter):
    ticket = services.return_to_line(_office_ticket(request, office), user=request.user)
    return _("%(ticket)s is back in line.") % {"ticket": ticket.label}


def _set_state(request, office, counter):
    state = request.POST.get("state", "")
    if state not in CounterState.values:
        raise _Refused(_("Unknown counter state; nothing was changed."))
    counter = services.set_counter_state(counter, state, user=request.user)
    return _("Counter %(number)s: %(state)s.") % {
        "number": counter.number,
        "state": state_label(counter.state),
    }


def _link_record(request, office, counter):
    ticket = _office_ticket(request, office)
    # Records belong to visits served here today: the ticket at the counter now or
    # one finished here earlier.
    if ticket.counter_id != counter.pk:
        raise _Refused(_("That ticket was not served at this counter."))
    if ticket.date != timezone.localdate():
        raise _Refused(_("This ticket is from another day; numbers restart each day."))
    kind = request.POST.get("kind", "")
    if kind not in VisitRecord.Kind.values:
        raise _Refused(_("Please choose what kind of record this is."))
    reference = request.POST.get("reference", "").strip()
    if not reference:
        raise _Refused(_("Please give the case or slip number."))
    note = request.POST.get("note", "")[:1000]
    # A NUL byte would reach the database (PostgreSQL refuses it) before any length check.
    validate_single_line(note)
    record = services.link_record(
        ticket,
        kind=kind,
        reference=reference[:200],
        note=note,
        user=request.user,
    )
    return _("%(record)s is linked to %(ticket)s.") % {
        "record": str(record),
        "ticket": ticket.label,
    }


ACTIONS = {
    "call_next": _call_next,
    "recall": _recall,
    "start": _start,
    "finish": _finish,
    "no_show": _no_show,
    "transfer": _transfer,
    "return_to_line": _return_to_line,
    "state": _set_state,
    "link_record": _link_record,
}


# --- the page ---------------------------------------------------------------------------------


def _console_context(request, office, counter):
    today = timezone.localdate()
    ticket = services.current_ticket(counter)
    served_series = counter.served_series()
    served_letters = {s.letter for s in served_series}
    status = services.queue_status(office)
    records_ticket = ticket or (
        Ticket.objects.filter(counter=counter, date=today, status=TicketStatus.DONE)
        .select_related("series", "service")
        .order_by("-finished_at")
        .first()
    )
    return {
        "office": office,
        "counter": counter,
        "state_label": state_label(counter.state),
        "staffed_by": person_name(counter.staffed_by),
        "state_choices": [
            (CounterState.OPEN, _("Open the counter")),
            (CounterState.PAUSED, _("Pause")),
            (CounterState.CLOSED, _("Close the counter")),
        ],
        "served_series": served_series,
        "ticket": ticket,
        "ticket_is_stale": ticket is not None and ticket.date != today,
        "times_called": ticket.calls.count() if ticket else 0,
        "transferred_here": Ticket.objects.filter(
            office=office, date=today, status=TicketStatus.WAITING, for_counter=counter
        ).count(),
        "records_ticket": records_ticket,
        "records": list(records_ticket.records.all()) if records_ticket else [],
        "record_kinds": VisitRecord.Kind.choices,
        "transfer_series": [s for s in Series.objects.filter(office=office, is_active=True)],
        "transfer_counters": list(
            Counter.objects.filter(office=office, is_active=True).exclude(pk=counter.pk)
        ),
        "waiting": [
            {**row, "is_mine": row["letter"] in served_letters} for row in status["series"]
        ],
        "waiting_total": status["waiting_total"],
        "no_shows": list(
            Ticket.objects.filter(office=office, date=today, status=TicketStatus.NO_SHOW)
            .select_related("series", "counter")
            .order_by("-called_at")
        ),
        "priority_run": services.PRIORITY_RUN,
        "return_after": services.RETURN_AFTER,
        "status_url": f"{reverse('api-v1:api-root')}queue/{office.code}/status",
        "events_url": reverse("queueing:events", args=[office.code]),
    }


# --- helpers ---------------------------------------------------------------------------------


def _counter_or_404(office, number):
    if not 1 <= number <= MAX_COUNTER_NUMBER:
        raise Http404(number)
    counter = (
        Counter.objects.filter(office=office, number=number, is_active=True)
        .select_related("staffed_by", "office")
        .first()
    )
    if counter is None:
        raise Http404(number)
    return counter


def _forbidden(request, office):
    return render(
        request,
        "queueing/console_forbidden.html",
        {"office": office, "forbidden": True},
        status=403,
    )


def _office_ticket(request, office):
    """The posted ticket, if it is one of this office's."""
    try:
        ticket_id = uuid.UUID(str(request.POST.get("ticket", "")).strip()[:64])
    except ValueError:
        raise _Refused(_("That is not a ticket of this office; nothing was changed.")) from None
    ticket = (
        Ticket.objects.filter(pk=ticket_id, office=office)
        .select_related("series", "counter", "office")
        .first()
    )
    if ticket is None:
        raise _Refused(_("That is not a ticket of this office; nothing was changed."))
    return ticket


def _ticket_at_counter(request, office, counter):
    """The posted ticket, if it is the one called or served at this counter now."""
    ticket = _office_ticket(request, office)
    if ticket.counter_id != counter.pk or ticket.status not in ACTIVE_STATUSES:
        raise _Refused(
            _("%(ticket)s is not at this counter now; nothing was changed.")
            % {"ticket": ticket.label}
        )
    return ticket


def _posted_series(request, office):
    letter = request.POST.get("series", "").strip().upper()
    if not letter:
        return None
    series = None
    if len(letter) <= 2 and letter.isascii() and letter.isalpha():
        series = Series.objects.filter(office=office, letter=letter, is_active=True).first()
    if series is None:
        raise _Refused(_("That series is not one of this office's."))
    return series


def _posted_counter(request, office):
    value = request.POST.get("counter", "").strip()
    if not value:
        return None
    counter = None
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_COUNTER_NUMBER:
        counter = Counter.objects.filter(office=office, number=int(value), is_active=True).first()
    if counter is None:
        raise _Refused(_("That counter is not one of this office's."))
    return counter


def _validation_messages(exc):
    if hasattr(exc, "message_dict"):
        return [m for field_messages in exc.message_dict.values() for m in field_messages]
    return list(exc.messages)
