"""Domain operations of the queue (叫號): issuing tickets, calling and serving them at
the counters, kiosks. The queue's state and wait estimates are read in ``waiting``, the
marquee (跑馬燈) is ``marquee``; both are re-exported here.

Every write runs in one transaction and publishes a "queue changed" event on the
office's broadcast channel in that same transaction, so a board never sees an event
before the change it announces. Numbers come from a per-series, per-day sequence row
taken under a row lock; a call takes a waiting ticket with a compare-and-set update, so
two counters pressing "call next" at once never call the same ticket; a partial unique
constraint lets a counter hold only one called ticket.
"""

import datetime as dt
import re
import secrets
import unicodedata

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.catalog.models import RegistrationService
from huzheng.core import broadcast, roc
from huzheng.core.errors import ApiError
from huzheng.core.sequences import next_number
from huzheng.core.services import demo_mode_applies, opening_status, staff_may_see

# The state of the line is read in waiting.py, the marquee lives in marquee.py and the
# channel in channels.py; callers keep reaching them here (services.queue_status …).
from huzheng.queueing.channels import channel
from huzheng.queueing.line import PRIORITY_KINDS, PRIORITY_RUN, recent_calls, waiting_line  # noqa: F401
from huzheng.queueing.marquee import (  # noqa: F401
    APPROVE,
    CACHE_SECONDS,
    approve_message,
    clear_cache,
    current_messages,
    may_approve,
    save_message,
)
from huzheng.queueing.models import (
    ACTIVE_STATUSES,
    Call,
    Counter,
    CounterState,
    Kiosk,
    Series,
    Ticket,
    TicketStatus,
    VisitRecord,
)
from huzheng.queueing.waiting import (  # noqa: F401
    estimate_wait,
    forecast,
    position_if_taken_now,
    queue_status,
    service_minutes,
    ticket_position,
)

# The stated rules of the line, shown on the console and in the docs: the priority rule
# (PRIORITY_RUN, PRIORITY_KINDS) is the line's order, in line.py;
# a no-show who comes back (過號重新報到) goes in behind this many waiting tickets of the
# series, or at the end of a shorter line;
RETURN_AFTER = 3


class QueueError(ApiError):
    """A queue operation that cannot be done: the message says why, in the user's language."""

    def __init__(self, code, message, status=409, **extra):
        super().__init__(status, code, message, **extra)


# --- issuing -------------------------------------------------------------------------------


def issue_ticket(
    office,
    *,
    service=None,
    priority=False,
    appointment_code="",
    kiosk=None,
    user=None,
    idempotency_key=None,
):
    """Issue a ticket (取號) and return (ticket, created). The same idempotency key again
    returns the first ticket with created False, so a double tap gives one ticket."""
    key = (idempotency_key or "").strip()[:100] or None
    if key:
        existing = Ticket.objects.filter(office=office, idempotency_key=key).first()
        if existing is not None:
            return existing, False
    now = timezone.now()
    ensure_open(office, now)
    series = resolve_series(
        office, service=service, priority=priority, check_in=bool(appointment_code)
    )
    try:
        with transaction.atomic():
            today = timezone.localdate(now)
            number = _next_number(series, today)
            ticket = Ticket(
                office=office,
                date=today,
                series=series,
                numbered_in=series,
                number=number,
                label=f"{series.letter}{number:03d}",
                service=service,
                queued_at=now,
                issued_at=now,
                appointment_code=appointment_code,
                kiosk=kiosk,
                issued_by=user if getattr(user, "pk", None) else None,
                idempotency_key=key,
            )
            # The forecast's figures for a ticket of the series taken now, which the live
            # page showed a moment ago; estimated before the insert, so the row is written once.
            ticket.issued_position = position_if_taken_now(office, series.pk)
            ticket.estimated_wait_minutes = ticket.issued_position[1]
            ticket.save(force_insert=True)
            _changed(office, "issued", ticket)
    except IntegrityError:
        # Two taps with one key raced; the first one's ticket is the answer.
        if key:
            existing = Ticket.objects.filter(office=office, idempotency_key=key).first()
            if existing is not None:
                return existing, False
        raise
    if kiosk is not None:
        Kiosk.objects.filter(pk=kiosk.pk).update(last_seen=now)
    return ticket, True


def check_in(office, code, *, kiosk=None, user=None, idempotency_key=None):
    """Check in an appointment at the kiosk (預約報到): the booking's code gives a ticket in
    the office's check-in series. The appointments app registers the look-up with
    register_check_in(); until it does, check-in is not offered."""
    code = normalise_appointment_code(code)
    if not appointment_code_is_well_formed(code):
        raise QueueError(
            "invalid_code",
            _(
                "An appointment code has %(length)s letters and digits, as in your "
                "booking confirmation. Please check it and try again."
            )
            % {"length": check_in_code_length()},
            status=422,
        )
    if _check_in_resolver is None:
        raise QueueError(
            "check_in_unavailable",
            _("Appointment check-in is not available yet. Please take a ticket for your service."),
        )
    key = (idempotency_key or "").strip()[:100] or None
    if key:
        existing = Ticket.objects.filter(office=office, idempotency_key=key).first()
        if existing is not None:
            return existing, False
    ensure_open(office, timezone.now())
    # The booking is marked checked in with its ticket, or neither happens.
    with transaction.atomic():
        service = _check_in_resolver(office, code)
        ticket, created = issue_ticket(
            office,
            service=service,
            appointment_code=code,
            kiosk=kiosk,
            user=user,
            idempotency_key=key,
        )
        if created and _check_in_linker is not None:
            _check_in_linker(office, code, ticket)
    return ticket, created


_check_in_resolver = None
_check_in_linker = None
_check_in_alphabet = None
_check_in_length = None
# Until the appointments app registers its rule (it always does when installed).
FALLBACK_CODE_LENGTH = 8


def normalise_appointment_code(raw):
    """Full-width letters and digits typed on a Chinese keyboard, spaces and dashes aside,
    count as the same code."""
    text = unicodedata.normalize("NFKC", str(raw or ""))[:100]
    return re.sub(r"[\s\-]", "", text).upper()


def register_check_in(resolver, linker=None, alphabet=None, length=None):
    """Install the appointment look-up: resolver(office, code) returns the booked service
    or raises QueueError with a message for the citizen; linker(office, code, ticket)
    records the ticket on the booking, in the same transaction; alphabet is the
    characters codes are made of, the keys of the kiosk's on-screen keypad; length is how
    many characters a code has, which the kiosk's hint, field and check all state."""
    global _check_in_resolver, _check_in_linker, _check_in_alphabet, _check_in_length
    _check_in_resolver, _check_in_linker = resolver, linker
    _check_in_alphabet, _check_in_length = alphabet, length


def check_in_code_length():
    """How many letters and digits an appointment code has (the appointments app's rule)."""
    return _check_in_length or FALLBACK_CODE_LENGTH


def appointment_code_is_well_formed(code):
    """A normalised code of the registered length, letters and digits only."""
    return re.fullmatch(rf"[A-Z0-9]{{{check_in_code_length()}}}", code) is not None


def check_in_keys():
    """The keys of the kiosk's keypad: the digits, then the letters, that codes use."""
    keys = set(_check_in_alphabet or "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return sorted(keys, key=lambda key: (not key.isdigit(), key))


def _next_number(series, day):
    """The series' next number of the day: two kiosks at once wait for each other in
    `next_number` and never share a number."""
    return next_number("ticket", office=series.office_id, key=series.pk, period=day)


def ensure_open(office, at=None):
    """Tickets are issued only while the office is open (demo offices at any hour in
    demo mode); otherwise QueueError with the next opening."""
    status = opening_status(office, at)
    if status.is_open or demo_mode_applies(office):
        return status
    if status.next_opens_at:
        when = timezone.localtime(status.next_opens_at)
        message = _(
            "The office is closed now, so no tickets are issued. It opens again on "
            "%(date)s at %(time)s."
        ) % {"date": _roc_date(when.date()), "time": when.strftime("%H:%M")}
    else:
        message = _("The office is closed now, so no tickets are issued.")
    if status.reason:
        message = f"{message} ({status.reason})"
    raise QueueError(
        "office_closed",
        message,
        next_opens_at=status.next_opens_at.isoformat() if status.next_opens_at else None,
    )


def kiosk_services(office):
    """The services a kiosk offers (取號服務項目), in the catalog's order: those the
    office's regular series list, and every service when a catch-all series takes the
    rest."""
    found = RegistrationService.objects.all()
    if catch_all_series(office) is None:
        regular = Series.objects.filter(office=office, is_active=True, kind=Series.Kind.REGULAR)
        found = found.filter(pk__in=regular.values("services"))
    return list(found.order_by("sort_order", "name"))


def catch_all_series(office):
    """The office's regular series listing no service, which takes every other one."""
    return Series.objects.filter(
        office=office, is_active=True, kind=Series.Kind.REGULAR, services__isnull=True
    ).first()


def has_series(office, kind):
    """Whether the office runs an active series of this kind (priority, check-in)."""
    return Series.objects.filter(office=office, is_active=True, kind=kind).exists()


def resolve_series(office, *, service=None, priority=False, check_in=False):
    """The series a ticket goes in: priority and check-in have their own; otherwise the
    regular series listing the service, else the office's catch-all regular series."""
    active = Series.objects.filter(office=office, is_active=True)
    if priority or check_in:
        kind = Series.Kind.PRIORITY if priority else Series.Kind.CHECK_IN
        found = active.filter(kind=kind).first()
        if found is not None:
            return found
        if priority:
            raise QueueError(
                "no_priority_series",
                _("This office has no priority line; please take a regular ticket."),
            )
    regular = active.filter(kind=Series.Kind.REGULAR)
    if service is not None:
        listed = regular.filter(services=service).first()
        if listed is not None:
            return listed
    catch_all = catch_all_series(office)
    if catch_all is not None:
        return catch_all
    raise QueueError(
        "no_series",
        _(
            "This office does not issue tickets for this service. "
            "Please ask at the information desk."
        ),
        status=422,
    )


# --- calling and serving ----------------------------------------------------------------------


def call_next(counter, *, user=None):
    """Call the next ticket to this counter (叫號): tickets transferred to the counter
    first, then by the priority rule, then the longest waiting. A ticket still open at
    the counter is finished first, as the clerk moves on."""
    series = counter.served_series()
    if not counter.is_active:
        raise QueueError("counter_not_in_use", _("This counter is not in use."))
    if not series:
        raise QueueError(
            "counter_has_no_series",
            _("This counter serves no ticket series. Ask the director to assign series to it."),
        )
    for _attempt in range(20):
        try:
            called = _call_once(counter, series, user)
        except IntegrityError:
            # The same counter pressed twice at once: the other press holds the counter's
            # one called ticket (a database constraint); look again, now seeing it.
            continue
        if called is not None:
            return called
    raise QueueError("busy", _("The queue is very busy; please press again."))


def recall(ticket, *, user=None):
    """Call the same ticket again (重呼)."""
    _check_today(ticket)
    if ticket.status != TicketStatus.CALLED or ticket.counter_id is None:
        raise QueueError("not_called", _("Only a ticket that has been called can be called again."))
    with transaction.atomic():
        Call.objects.create(
            ticket=ticket, counter=ticket.counter, at=timezone.now(), is_recall=True, by=_user(user)
        )
        _changed(ticket.office, "call", ticket)
    return ticket


def start_service(ticket, *, user=None):
    """The citizen has come to the counter: service starts (開始服務)."""
    return _move(ticket, {TicketStatus.CALLED}, TicketStatus.SERVING, user, started_at=True)


def finish(ticket, *, user=None):
    """Service is done (完成). A ticket left at a counter overnight may still be finished,
    or the counter could never pause or close."""
    if ticket.status not in ACTIVE_STATUSES:
        raise QueueError("not_at_counter", _("Only a ticket at a counter can be finished."))
    with transaction.atomic():
        updated = _finish(ticket, timezone.now())
        if not updated:
            raise QueueError("changed", _("This ticket has just changed; please look again."))
        _changed(ticket.office, "finished", ticket)
    ticket.refresh_from_db()
    return ticket


def mark_no_show(ticket, *, user=None):
    """The called citizen did not come (過號)."""
    ticket = _move(ticket, {TicketStatus.CALLED}, TicketStatus.NO_SHOW, user)
    Ticket.objects.filter(pk=ticket.pk).update(no_show_count=F("no_show_count") + 1)
    ticket.refresh_from_db()
    return ticket


def return_to_line(ticket, *, user=None):
    """A no-show who comes back goes in behind the next RETURN_AFTER waiting tickets of
    the series (過號重新報到), or at the end of a shorter line."""
    _check_today(ticket)
    if ticket.status != TicketStatus.NO_SHOW:
        raise QueueError("not_no_show", _("Only a ticket marked as no-show can go back in line."))
    with transaction.atomic():
        now = timezone.now()
        ahead = list(
            Ticket.objects.filter(
                office=ticket.office,
                date=ticket.date,
                series=ticket.series,
                status=TicketStatus.WAITING,
            )
            .order_by("queued_at")
            .values_list("queued_at", flat=True)[:RETURN_AFTER]
        )
        queued_at = ahead[-1] + dt.timedelta(microseconds=1) if len(ahead) == RETURN_AFTER else now
        updated = Ticket.objects.filter(pk=ticket.pk, status=TicketStatus.NO_SHOW).update(
            status=TicketStatus.WAITING, queued_at=queued_at, counter=None, called_at=None
        )
        if not updated:
            raise QueueError("changed", _("This ticket has just changed; please look again."))
        _changed(ticket.office, "returned", ticket)
    ticket.refresh_from_db()
    return ticket


def transfer(ticket, *, series=None, counter=None, user=None):
    """Send a ticket to another series or to one counter (轉櫃): it waits again, keeping
    its number and its place by the time it was issued."""
    _check_today(ticket)
    if series is None and counter is None:
        raise QueueError(
            "transfer_target", _("Choose a series or a counter to transfer to."), status=422
        )
    if series is not None and (series.office_id != ticket.office_id or not series.is_active):
        raise QueueError(
            "transfer_target", _("That series is not one of this office's."), status=422
        )
    if counter is not None and (counter.office_id != ticket.office_id or not counter.is_active):
        raise QueueError(
            "transfer_target", _("That counter is not one of this office's."), status=422
        )
    if ticket.status not in (*ACTIVE_STATUSES, TicketStatus.WAITING):
        raise QueueError(
            "not_transferable", _("A finished or no-show ticket cannot be transferred.")
        )
    with transaction.atomic():
        updated = Ticket.objects.filter(pk=ticket.pk, status=ticket.status).update(
            status=TicketStatus.WAITING,
            series=series or ticket.series,
            for_counter=counter,
            counter=None,
            called_at=None,
            started_at=None,
            queued_at=ticket.issued_at,
        )
        if not updated:
            raise QueueError("changed", _("This ticket has just changed; please look again."))
        _changed(ticket.office, "transferred", ticket)
    ticket.refresh_from_db()
    return ticket


def set_counter_state(counter, state, *, user=None):
    """Open, pause (暫停服務) or close a counter. A counter with a ticket at it cannot
    close or pause until that ticket is finished, transferred or marked no-show."""
    if state not in CounterState.values:
        raise QueueError("bad_state", _("Unknown counter state."), status=422)
    if (
        state != CounterState.OPEN
        and Ticket.objects.filter(counter=counter, status__in=ACTIVE_STATUSES).exists()
    ):
        raise QueueError(
            "counter_busy", _("Finish, transfer or mark the current ticket as no-show first.")
        )
    with transaction.atomic():
        _set_counter_state(counter, state, user, timezone.now())
        _changed(counter.office, "counter", None)
    counter.refresh_from_db()
    return counter


def link_record(ticket, *, kind, reference, note="", user=None):
    """Link a case or notice slip made during the visit to the ticket (全程服務)."""
    record = VisitRecord(
        ticket=ticket,
        kind=kind,
        reference=(reference or "").strip(),
        note=(note or "").strip(),
        created_by=_user(user),
    )
    try:
        # The unique constraint is left to the database, which also settles a race.
        record.full_clean(validate_constraints=False)
    except ValidationError as error:
        raise QueueError("invalid_record", " ".join(error.messages), status=422) from None
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise QueueError(
            "duplicate_record", _("This record is already linked to the ticket.")
        ) from None
    return record


def todays_ticket(office, label):
    """Today's ticket of the office printed with this number (A015), or None."""
    return (
        Ticket.objects.filter(office=office, date=timezone.localdate(), label=label.upper())
        .order_by("-issued_at")
        .first()
    )


def current_ticket(counter):
    return (
        Ticket.objects.filter(counter=counter, status__in=ACTIVE_STATUSES)
        .select_related("series", "service")
        .first()
    )


# --- kiosks and staff --------------------------------------------------------------------------


def create_kiosk(office, name, *, token=None):
    """Register a kiosk; return (kiosk, token). The token is shown once: only its hash is kept."""
    token = token or secrets.token_urlsafe(24)
    kiosk = Kiosk.objects.create(
        office=office, name=name, token_hash=Kiosk.hash_token(token), token_hint=token[:6]
    )
    return kiosk, token


def authenticate_kiosk(token, office=None):
    """The active kiosk with this token (at this office), or None."""
    token = (token or "").strip()
    if not token or len(token) > 200:
        return None
    kiosk = (
        Kiosk.objects.select_related("office")
        .filter(token_hash=Kiosk.hash_token(token), is_active=True)
        .first()
    )
    if kiosk is None or (office is not None and kiosk.office_id != office.pk):
        return None
    return kiosk


def can_serve(user, office):
    """Whether a staff member may call and serve tickets at this office."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm("queueing.serve_ticket"):
        return False
    return staff_may_see(user, office)


# --- helpers ---------------------------------------------------------------------------------


def _call_once(counter, series, user):
    """One attempt of call_next; None when another counter took the candidate first."""
    with transaction.atomic():
        now = timezone.now()
        current = Ticket.objects.filter(counter=counter, status__in=ACTIVE_STATUSES).first()
        candidate = _next_candidate(counter, series)
        if candidate is None:
            raise QueueError("nobody_waiting", _("Nobody is waiting for this counter."))
        if current is not None:
            _finish(current, now)
        taken = Ticket.objects.filter(pk=candidate, status=TicketStatus.WAITING).update(
            status=TicketStatus.CALLED,
            counter=counter,
            for_counter=None,
            called_at=now,
            served_by=user if getattr(user, "pk", None) else None,
        )
        if not taken:
            return None  # another counter took it a moment ago
        _set_counter_state(counter, CounterState.OPEN, user, now)
        candidate = Ticket.objects.select_related("series").get(pk=candidate)
        Call.objects.create(ticket=candidate, counter=counter, at=now, by=_user(user))
        _changed(counter.office, "call", candidate)
        return candidate


def _next_candidate(counter, series):
    """The ticket the counter calls next, by the line's one order (line.py), which the
    wait estimates play forward too."""
    today = timezone.localdate()
    row = waiting_line(counter.office_id, today).next_for(
        counter.pk, [s.pk for s in series], recent_calls(counter.office_id, today)
    )
    return row.pk if row is not None else None


def _finish(ticket, now):
    return Ticket.objects.filter(pk=ticket.pk, status__in=ACTIVE_STATUSES).update(
        status=TicketStatus.DONE,
        finished_at=now,
        started_at=ticket.started_at or ticket.called_at or now,
    )


def _move(ticket, from_states, to_state, user, *, started_at=False):
    _check_today(ticket)
    if ticket.status not in from_states:
        raise QueueError(
            "wrong_state",
            _("This ticket is %(status)s; that cannot be done now.")
            % {"status": ticket.get_status_display()},
        )
    with transaction.atomic():
        fields = {"status": to_state}
        if started_at:
            fields["started_at"] = timezone.now()
        updated = Ticket.objects.filter(pk=ticket.pk, status=ticket.status).update(**fields)
        if not updated:
            raise QueueError("changed", _("This ticket has just changed; please look again."))
        _changed(ticket.office, to_state, ticket)
    ticket.refresh_from_db()
    return ticket


def _check_today(ticket):
    if ticket.date != timezone.localdate():
        raise QueueError(
            "not_today", _("This ticket is from another day; numbers restart each day.")
        )


def _set_counter_state(counter, state, user, now):
    if counter.state == state and (
        state != CounterState.OPEN or counter.staffed_by_id == getattr(user, "pk", None)
    ):
        return
    Counter.objects.filter(pk=counter.pk).update(
        state=state,
        state_changed_at=now,
        staffed_by=_user(user) if state == CounterState.OPEN else None,
    )
    counter.state = state


def _changed(office, kind, ticket):
    broadcast.publish(channel(office), kind, {"ticket": ticket.label if ticket else None})


def _user(user):
    return user if getattr(user, "pk", None) else None


def _roc_date(day):
    return roc.format_long(day)
