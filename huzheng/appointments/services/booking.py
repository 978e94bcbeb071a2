"""A counter appointment from booking to the counter: book, find, cancel, move, check in
at the kiosk, mark attended or no-show, and the staff's schedule.

A booking claims grid cells of one place; the database's unique constraint on the
claims settles any race, so fifty people booking the last place get one booking and
forty-nine "just filled" answers with the nearest free slots."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.appointments import messages
from huzheng.appointments.models import (
    Booking,
    SlotClaim,
    cell_range,
)
from huzheng.appointments.services.common import (
    AppointmentError,
    BookingNotFound,
    clean_key,
    clean_person,
    local_midnight,
    new_code,
    parse_start,
)
from huzheng.appointments.services.slots import (
    nearest_free,
    open_slot,
    policy_for,
)
from huzheng.core.crypto import lookup_hash
from huzheng.core.identity import ALL_KINDS, parse_person_id
from huzheng.core.models import AuditEntry, Office
from huzheng.core.roc import format_for_language
from huzheng.core.services import record_audit
from huzheng.queueing.services import QueueError


def book(
    office,
    service,
    start,
    *,
    name,
    national_id,
    phone,
    email="",
    idempotency_key=None,
    now=None,
):
    """Book a counter appointment. Returns (booking, created). The same idempotency key
    again returns the first booking; a full slot raises AppointmentError 409 with the
    nearest free slots."""
    key = clean_key(idempotency_key)
    if key:
        existing = Booking.objects.filter(office=office, idempotency_key=key).first()
        if existing is not None:
            return existing, False
    person = clean_person(name=name, national_id=national_id, phone=phone, email=email)
    start = parse_start(start)
    policy = policy_for(office)
    if not service.bookable:
        raise AppointmentError(
            "unknown_service",
            _("This service cannot be booked online."),
            fields={"service": _("This service cannot be booked online.")},
        )
    slot = open_slot(office, service, start, now=now)
    try:
        with transaction.atomic():
            # The count and the insert under one lock: two requests of one person at once
            # would both count one booking held and both book (issue 15, finding 2).
            _lock_bookings_of(office)
            _check_limit(office, service, person["national_id_hash"], policy, now=now)
            booking = _claim(office, service, slot, policy, key=key, **person)
    except _KeyTaken:
        return Booking.objects.get(office=office, idempotency_key=key), False
    if booking is None:
        raise AppointmentError(
            "slot_full",
            _slot_full_message(),
            status=409,
            alternatives=nearest_free(office, service, start, now=now),
        )
    transaction.on_commit(lambda: _notify_booked(booking))
    return booking, True


def find_booking(code, national_id):
    """The booking with this code and ID number; BookingNotFound for any wrong fact."""
    code = re.sub(r"[\s\-]", "", str(code or "")).upper()[:12]
    try:
        number = parse_person_id(national_id, kinds=ALL_KINDS).number
    except ValidationError:
        raise BookingNotFound from None
    booking = (
        Booking.objects.select_related("office", "service")
        .filter(code=code, national_id_hash=lookup_hash(number))
        .first()
    )
    if booking is None:
        raise BookingNotFound
    return booking


def cancel(booking, *, now=None):
    """Cancel a booking; its place is free again at once."""
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            return booking
        if booking.status != Booking.Status.BOOKED:
            raise AppointmentError(
                "not_cancellable",
                _("This appointment has already been used and can no longer be cancelled."),
                status=409,
            )
        booking.claims.all().delete()
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now or timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
    return booking


def move(booking, start, *, now=None):
    """Move a booking to another start time of the same service; if the new time is
    taken the booking keeps its old time."""
    start = parse_start(start)
    if booking.status != Booking.Status.BOOKED:
        raise AppointmentError(
            "not_movable", _("Only a booked appointment can be moved."), status=409
        )
    policy = policy_for(booking.office)
    slot = open_slot(booking.office, booking.service, start, now=now)
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        # Its own cells go first, so a move by one grid step can overlap itself; if the
        # new time is taken, the error rolls this back and the old time stays booked.
        locked.claims.all().delete()
        place = _claim_place(locked.office, slot, policy, locked)
        if place is None:
            raise AppointmentError(
                "slot_full",
                _slot_full_message(),
                status=409,
                alternatives=nearest_free(booking.office, booking.service, start, now=now),
            )
        locked.start, locked.end, locked.place = slot.start, slot.end, place
        locked.reminded_at = None
        locked.save(update_fields=["start", "end", "place", "reminded_at"])
    transaction.on_commit(lambda: _notify_booked(locked, moved=True))
    return locked


def check_in_service(office, code):
    """The kiosk's look-up (預約報到): the booked service of today's booking with this code,
    which is marked checked in. Registered with the queue in apps.py."""
    booking = (
        Booking.objects.select_for_update()
        .select_related("service")
        .filter(office=office, code=code)
        .first()
    )
    now = timezone.now()
    if booking is None or booking.status == Booking.Status.CANCELLED:
        raise QueueError(
            "unknown_booking",
            _("No appointment at this office has that code. Please check it, or take a ticket."),
            status=404,
        )
    if booking.status != Booking.Status.BOOKED:
        raise QueueError(
            "already_checked_in",
            _("This appointment has already been checked in. Please wait for your number."),
            status=409,
        )
    policy = policy_for(office)
    opens = booking.start - dt.timedelta(minutes=policy.check_in_early_minutes)
    if timezone.localdate(booking.start) != timezone.localdate(now) or now < opens:
        raise QueueError(
            "not_yet",
            _("Your appointment is on %(when)s. Check-in opens %(minutes)s minutes before it.")
            % {"when": _format(booking.start), "minutes": policy.check_in_early_minutes},
            status=409,
        )
    if now > booking.end:
        raise QueueError(
            "too_late",
            _("The time of this appointment has passed. Please take a ticket for your service."),
            status=409,
        )
    return booking.service


def link_check_in(office, code, ticket):
    """Mark the booking checked in with its ticket, in the ticket's transaction."""
    Booking.objects.filter(office=office, code=code, status=Booking.Status.BOOKED).update(
        status=Booking.Status.CHECKED_IN, checked_in_at=timezone.now(), ticket=ticket
    )


def mark(booking, status, *, user=None, now=None):
    """Staff mark a booking attended or no-show once its time has come."""
    now = now or timezone.now()
    if status not in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW):
        raise AppointmentError("bad_status", _("A booking can be marked attended or no-show."))
    if booking.status == Booking.Status.CANCELLED:
        raise AppointmentError("cancelled", _("A cancelled booking cannot be marked."), status=409)
    if status == Booking.Status.NO_SHOW and now < booking.start:
        raise AppointmentError(
            "too_early", _("A booking can be marked a no-show only after its time."), status=409
        )
    if status == Booking.Status.ATTENDED and timezone.localdate(now) < timezone.localdate(
        booking.start
    ):
        raise AppointmentError(
            "too_early",
            _("A booking can be marked attended only on the day of the appointment."),
            status=409,
        )
    with transaction.atomic():
        changed = (
            Booking.objects.filter(pk=booking.pk)
            .exclude(status=status)
            .update(status=status, marked_by=user)
        )
        booking.refresh_from_db()
        record_audit(user, AuditEntry.Action.UPDATE, booking, fields=["status"])
        if changed and status == Booking.Status.ATTENDED:
            # Thanks for coming, with the visit's one-time survey link; marked twice, once.
            transaction.on_commit(lambda: messages.send_after_visit(booking))
    return booking


def schedule(office, first, last, *, user, place=None, export=False):
    """An office's bookings from `first` to `last` (dates), optionally of one place, for
    a staff member's schedule or its CSV. Names are personal data, so a list of them is
    a staff read (an export when downloaded) in the audit log."""
    bookings = (
        Booking.objects.filter(
            office=office,
            start__gte=local_midnight(first),
            start__lt=local_midnight(last + dt.timedelta(days=1)),
        )
        .select_related("service", "ticket")
        .order_by("start", "place")
    )
    if place:
        bookings = bookings.filter(place=place)
    bookings = list(bookings)
    if bookings or export:
        record_audit(
            user,
            AuditEntry.Action.EXPORT if export else AuditEntry.Action.READ,
            office,
            fields=["name", "national_id_masked"],
            reason=(
                f"appointments {first.isoformat()}/{last.isoformat()}"
                if export
                else f"appointment schedule {first.isoformat()}/{last.isoformat()}"
            ),
        )
    return bookings


class _KeyTaken(Exception):
    pass


class _Full(Exception):
    pass


def _lock_bookings_of(office):
    """Hold the office's row lock until the booking's transaction ends, so one person's
    bookings are counted and added one request at a time. PostgreSQL takes the row lock;
    SQLite's IMMEDIATE transactions already take the database's write lock at the start.
    An office's bookings are few a minute, so one lock per office costs nothing."""
    list(Office.objects.select_for_update().filter(pk=office.pk).values_list("pk", flat=True))


def _check_limit(office, service, id_hash, policy, *, now=None):
    now = now or timezone.now()
    held = Booking.objects.filter(
        office=office,
        service=service,
        national_id_hash=id_hash,
        status=Booking.Status.BOOKED,
        end__gt=now,
    ).count()
    if held >= policy.max_future_per_service:
        raise AppointmentError(
            "too_many",
            _(
                "You already hold %(count)s future appointments for this service. Please "
                "use or cancel one before booking another."
            )
            % {"count": held},
            status=409,
        )


def _claim(office, service, slot, policy, *, key, **person):
    """Create the booking on the first free place, in one transaction; None when every
    place is taken (and then nothing is written)."""
    try:
        with transaction.atomic():
            booking = _create_booking(office, service, slot, key=key, **person)
            place = _claim_place(office, slot, policy, booking)
            if place is None:
                raise _Full
            Booking.objects.filter(pk=booking.pk).update(place=place)
            booking.place = place
    except _Full:
        return None
    return booking


def _create_booking(office, service, slot, *, key, **person):
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Booking.objects.create(
                    code=new_code(),
                    office=office,
                    service=service,
                    start=slot.start,
                    end=slot.end,
                    place=0,
                    idempotency_key=key,
                    **person,
                )
        except IntegrityError:
            if key and Booking.objects.filter(office=office, idempotency_key=key).exists():
                raise _KeyTaken from None
            # Otherwise the drawn code was taken: draw another.
    raise IntegrityError("could not draw a free booking code")


def _claim_place(office, slot, policy, booking):
    """Claim the slot's cells on the first place that has them all free."""
    for place in range(1, policy.places + 1):
        try:
            with transaction.atomic():
                _claim_cells(booking, slot.start, slot.end, place, policy)
        except IntegrityError:
            continue  # someone holds a cell of this place; try the next
        return place
    return None


def _claim_cells(booking, start, end, place, policy):
    SlotClaim.objects.bulk_create(
        SlotClaim(office_id=booking.office_id, place=place, cell=cell, booking=booking)
        for cell in cell_range(start, end, policy.grid_minutes)
    )


def _slot_full_message():
    return _("Sorry, that time has just been filled. Please choose one of the nearest free times.")


def _format(moment):
    local = timezone.localtime(moment)
    return f"{format_for_language(local.date())} {local:%H:%M}"


def _notify_booked(booking, moved=False):
    messages.send_confirmation(booking, moved=moved)
