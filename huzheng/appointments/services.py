"""The booking rules (預約), written once for the web form, the API, the kiosk and staff.

Slots come from the office's opening hours (noon and evening spans included), its
holidays and closures, the places set aside for appointments and the service's length.
A booking claims grid cells of one place; the database's unique constraint on the
claims settles any race, so fifty people booking the last place get one booking and
forty-nine "just filled" answers with the nearest free slots.
"""

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.appointments import messages
from huzheng.appointments.models import (
    AppointmentPolicy,
    Booking,
    GroupRequest,
    HomeVisit,
    OutreachSession,
    SessionBooking,
    SlotBlock,
    SlotClaim,
    cell_range,
)
from huzheng.catalog.models import RegistrationService
from huzheng.core.crypto import encrypt as encrypt_text
from huzheng.core.crypto import lookup_hash
from huzheng.core.errors import ApiError
from huzheng.core.identity import ALL_KINDS, mask, parse_person_id
from huzheng.core.models import AuditEntry, Office
from huzheng.core.roc import format_for_language
from huzheng.core.services import record_audit, spans_between
from huzheng.core.text import clean_line
from huzheng.core.validators import clean_email, clean_phone
from huzheng.queueing.services import QueueError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 8
NEAREST = 5  # how many free slots a "just filled" answer offers
MAX_BLOCK_LENGTH = dt.timedelta(days=366)
# What a staff member reads on a request's page: written to the audit log.
HOME_VISIT_PERSONAL_DATA = [
    "contact_name",
    "phone",
    "email",
    "person_name",
    "national_id_masked",
    "address",
    "details",
]
GROUP_PERSONAL_DATA = ["contact_name", "phone", "email"]


class AppointmentError(ApiError):
    """A booking rule said no. `fields` names each bad field (422); `alternatives` lists
    the nearest free slots when the slot is full (409)."""

    def __init__(self, code, message, *, status=422, fields=None, alternatives=None):
        extra = {}
        if fields:
            extra["errors"] = [{"field": k, "message": str(v)} for k, v in fields.items()]
        if alternatives is not None:
            extra["alternatives"] = [slot.as_dict() for slot in alternatives]
        super().__init__(status, code, message, **extra)
        self.fields = dict(fields or {})
        self.alternatives = list(alternatives or [])


class BookingNotFound(Exception):
    """No booking has this code and ID number; which fact was wrong is never told."""


@dataclass(frozen=True)
class Slot:
    """A start time of a service's appointment and how many places are free then."""

    start: dt.datetime
    end: dt.datetime
    capacity: int
    available: int

    def as_dict(self):
        return {
            "start": timezone.localtime(self.start).isoformat(),
            "end": timezone.localtime(self.end).isoformat(),
            "capacity": self.capacity,
            "available": self.available,
        }


# --- policy and slots -------------------------------------------------------------


def policy_for(office):
    """The office's booking rules; an office without its own gets the defaults."""
    try:
        return office.appointment_policy
    except AppointmentPolicy.DoesNotExist:
        return AppointmentPolicy(office=office)


def check_grid_change(office, grid_minutes, *, now=None):
    """A new time grid only while no future booking is held on the old one: on another
    grid a new booking's cells could miss an old booking's and share its place."""
    if grid_minutes == policy_for(office).grid_minutes:
        return
    held = Booking.objects.filter(
        office=office, status=Booking.Status.BOOKED, end__gt=now or timezone.now()
    )
    if held.exists():
        message = _(
            "The time grid cannot change while future appointments are booked on "
            "the old one. Change it when no appointment is booked ahead."
        )
        raise AppointmentError("grid_in_use", message, status=409, fields={"grid_minutes": message})


def bookable_services():
    return RegistrationService.objects.filter(bookable=True).order_by("sort_order", "name")


def get_bookable_service(slug):
    service = bookable_services().filter(slug=str(slug or "")[:80]).first()
    if service is None:
        raise AppointmentError(
            "unknown_service",
            _("This service cannot be booked online. Please choose one from the list."),
            fields={"service": _("This service cannot be booked online.")},
        )
    return service


def length_of(service, policy):
    """The service's appointment length, rounded up to the office's grid; one step of the
    grid while the office has not set the length."""
    grid = policy.grid_minutes
    cells = max(1, -(-(service.appointment_minutes or grid) // grid))
    return dt.timedelta(minutes=cells * grid)


def window(policy, now=None):
    """The first and last moments a new booking may start."""
    now = now or timezone.now()
    first = now + dt.timedelta(minutes=policy.lead_minutes)
    last_day = timezone.localdate(now) + dt.timedelta(days=policy.window_days)
    last = timezone.make_aware(dt.datetime.combine(last_day, dt.time.max))
    return first, last


def day_slots(office, service, day, *, now=None):
    """The day's slots for a service inside the booking window, full ones included."""
    return slots_between(office, service, day, day, now=now).get(day, [])


def month_availability(office, service, year, month, *, now=None):
    """{date: free slots} for every day of a month: what the calendar shows."""
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    days = slots_between(office, service, first, last, now=now)
    return {day: sum(1 for s in slots if s.available) for day, slots in days.items()}


FREE, FULL, CLOSED, OUTSIDE = "free", "full", "closed", "outside"


def month_days(office, service, year, month, *, now=None):
    """{date: (state, free slots)} for a month's calendar: free; full (open, but every
    time taken); closed (no opening hours that day); outside (before today, beyond the
    window, or today after its last bookable time)."""
    free = month_availability(office, service, year, month, now=now)
    first, last = min(free), max(free)
    open_days = {d for d, spans in spans_between(office, first, last).items() if spans}
    today = timezone.localdate(now)
    last_day = timezone.localtime(window(policy_for(office), now)[1]).date()
    days = {}
    for day, count in free.items():
        if not today <= day <= last_day or (day == today and not count):
            state = OUTSIDE
        elif count:
            state = FREE
        else:
            state = FULL if day in open_days else CLOSED
        days[day] = (state, count)
    return days


def slots_between(office, service, first, last, *, now=None):
    """{date: [Slot]} from first to last (inclusive): opening spans cut into the
    service's length on the grid, minus blocked time, counted against the claims."""
    policy = policy_for(office)
    length = length_of(service, policy)
    grid = dt.timedelta(minutes=policy.grid_minutes)
    earliest, latest = window(policy, now)
    spans = spans_between(office, first, last)
    day_start = _local_midnight(first)
    day_end = _local_midnight(last + dt.timedelta(days=1))
    taken = {}
    claims = SlotClaim.objects.filter(office=office, cell__gte=day_start, cell__lt=day_end)
    for place, cell in claims.values_list("place", "cell"):
        taken.setdefault(cell, set()).add(place)
    blocks = list(
        SlotBlock.objects.filter(office=office, start__lt=day_end, end__gt=day_start).values_list(
            "start", "end"
        )
    )
    places = range(1, policy.places + 1)
    result = {}
    for day, day_spans in spans.items():
        slots = []
        for span in _runs(day_spans):
            start = span.opens
            while start + length <= span.closes:
                end = start + length
                if earliest <= start <= latest and not _blocked(start, end, blocks):
                    cells = cell_range(start, end, policy.grid_minutes)
                    free = sum(1 for p in places if not any(p in taken.get(c, ()) for c in cells))
                    slots.append(Slot(start, end, policy.places, free))
                start += grid
        result[day] = slots
    return result


def nearest_free(office, service, around, *, now=None, count=NEAREST):
    """The free slots closest in time to `around`, within a week either side."""
    day = timezone.localtime(around).date()
    days = slots_between(
        office, service, day - dt.timedelta(days=7), day + dt.timedelta(days=7), now=now
    )
    free = [s for slots in days.values() for s in slots if s.available]
    free.sort(key=lambda s: abs((s.start - around).total_seconds()))
    return sorted(free[:count], key=lambda s: s.start)


# --- booking, finding, moving, cancelling --------------------------------------------


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
    key = _key(idempotency_key)
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
    slot = _open_slot(office, service, start, now=now)
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
    slot = _open_slot(booking.office, booking.service, start, now=now)
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
        Booking.objects.filter(pk=booking.pk).update(status=status, marked_by=user)
        booking.refresh_from_db()
        record_audit(user, AuditEntry.Action.UPDATE, booking, fields=["status"])
    return booking


def schedule(office, first, last, *, user, place=None, export=False):
    """An office's bookings from `first` to `last` (dates), optionally of one place, for
    a staff member's schedule or its CSV. Names are personal data, so a list of them is
    a staff read (an export when downloaded) in the audit log."""
    bookings = (
        Booking.objects.filter(
            office=office,
            start__gte=_local_midnight(first),
            start__lt=_local_midnight(last + dt.timedelta(days=1)),
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


def blocks_between(office, first, last):
    """The office's blocked times overlapping the days `first` to `last`."""
    return list(
        SlotBlock.objects.filter(
            office=office, start__lt=_local_midnight(last + dt.timedelta(days=1))
        ).filter(end__gt=_local_midnight(first))
    )


def check_block(start, end, *, start_changed=True, now=None):
    """The rule of a blocked time (封鎖時段): it ends after it starts, lasts at most a year
    and lies ahead; a running block may be edited while it has not ended, as long as its
    start is left alone. Raises AppointmentError with the message per field."""
    now = now or timezone.now()
    errors = {}
    if end <= start:
        errors["end"] = _("The end must be after the start.")
    elif end - start > MAX_BLOCK_LENGTH:
        errors["end"] = _("A blocked time can last at most a year.")
    if end <= now:
        errors["end"] = errors.get("end") or _("The end must be in the future.")
    elif start < now and start_changed:
        errors["start"] = _("The start must be in the future.")
    if errors:
        raise AppointmentError("invalid_block", next(iter(errors.values())), fields=errors)


# --- reminders -------------------------------------------------------------------------


def send_reminders(*, now=None):
    """Remind everyone booked for tomorrow, by e-mail and SMS, once. Safe to run often."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    due = Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminded_at__isnull=True,
        start__gte=_local_midnight(tomorrow),
        start__lt=_local_midnight(tomorrow + dt.timedelta(days=1)),
    ).select_related("office", "service")
    sent = 0
    for booking in due:
        # Claim the reminder first, so two runs at once never send it twice.
        if not Booking.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            continue

        messages.send_reminder(booking)
        sent += 1
    return sent


# --- statistics --------------------------------------------------------------------------


def statistics(office, first, last):
    """Bookings, attendance, no-show rate and mean lead time (days) for a date range."""
    rows = Booking.objects.filter(
        office=office,
        start__gte=_local_midnight(first),
        start__lt=_local_midnight(last + dt.timedelta(days=1)),
    )
    counts = {status: 0 for status in Booking.Status.values}
    leads = []
    for status, start, created in rows.values_list("status", "start", "created_at"):
        counts[status] += 1
        if status != Booking.Status.CANCELLED:
            leads.append((start - created).total_seconds() / 86400)
    came = counts[Booking.Status.ATTENDED] + counts[Booking.Status.CHECKED_IN]
    judged = came + counts[Booking.Status.NO_SHOW]
    return {
        "total": sum(counts.values()),
        "counts": counts,
        "no_show_rate": counts[Booking.Status.NO_SHOW] / judged if judged else None,
        "mean_lead_days": sum(leads) / len(leads) if leads else None,
    }


# --- home visits, groups, outreach sessions --------------------------------------------


def request_home_visit(office, *, service, village, idempotency_key=None, **data):
    """A request for a home visit (到府服務); staff confirm a time later."""
    key = _key(idempotency_key)
    if key and (existing := HomeVisit.objects.filter(idempotency_key=key).first()):
        return existing, False
    errors = {}
    if village is None or village.office_id != office.pk:
        errors["village"] = _(
            "Home visits are made only within this office's villages. Please choose your "
            "village from the list, or contact the office that serves your address."
        )
    address = clean_line(data.get("address"), 200)
    if not address:
        errors["address"] = _("Please enter the address of the visit.")
    elif _outside_township(address, office):
        errors["address"] = _(
            "This address is not in %(township)s. Home visits are made only within the "
            "office's area."
        ) % {"township": office.township or office.name}
    reason = data.get("reason")
    if reason not in HomeVisit.Reason.values:
        errors["reason"] = _("Please choose why the person cannot come to the office.")
    person_name = clean_line(data.get("person_name"), 60)
    if not person_name:
        errors["person_name"] = _("Please enter the name of the person who needs the visit.")
    preferred = clean_line(data.get("preferred_dates"), 200)
    if not preferred:
        errors["preferred_dates"] = _("Please say which days and times suit you.")
    try:
        contact = clean_person(
            name=data.get("contact_name"),
            national_id=data.get("national_id"),
            phone=data.get("phone"),
            email=data.get("email", ""),
            name_field="contact_name",
        )
    except AppointmentError as exc:
        errors.update(exc.fields)
        contact = {}
    if errors:
        raise invalid(errors)
    visit = HomeVisit.objects.create(
        code=_new_code(),
        office=office,
        service=service,
        contact_name=contact["name"],
        phone=contact["phone"],
        email=contact["email"],
        person_name=person_name,
        national_id_hash=contact["national_id_hash"],
        national_id_encrypted=contact["national_id_encrypted"],
        national_id_masked=contact["national_id_masked"],
        village=village,
        address=address,
        reason=reason,
        details=clean_line(data.get("details"), 1000),
        preferred_dates=preferred,
        idempotency_key=key,
    )
    return visit, True


def request_group(office, *, service, idempotency_key=None, **data):
    """A group application (團體申辦); staff confirm a date later."""
    key = _key(idempotency_key)
    if key and (existing := GroupRequest.objects.filter(idempotency_key=key).first()):
        return existing, False
    errors = {}
    organisation = clean_line(data.get("organisation"), 120)
    if not organisation:
        errors["organisation"] = _("Please enter the name of the company or group.")
    try:
        people = int(data.get("people") or 0)
    except (TypeError, ValueError):
        people = 0
    if not 2 <= people <= 500:
        errors["people"] = _("A group application is for 2 to 500 people.")
    preferred = clean_line(data.get("preferred_dates"), 200)
    if not preferred:
        errors["preferred_dates"] = _("Please say which days and times suit you.")
    contact = _clean_contact(data, errors)
    if errors:
        raise invalid(errors)
    group = GroupRequest.objects.create(
        code=_new_code(),
        office=office,
        service=service,
        organisation=organisation,
        people=people,
        preferred_dates=preferred,
        place=clean_line(data.get("place"), 200),
        details=clean_line(data.get("details"), 1000),
        idempotency_key=key,
        **contact,
    )
    return group, True


def open_request(request, *, user):
    """A staff member opens a home visit or group request: what the page shows of the
    person is a staff read, written to the audit log."""
    record_audit(user, AuditEntry.Action.READ, request, fields=_personal_data(request))
    return request


def home_visit_schedule(visits, *, user, now=None):
    """The confirmed home visits of `visits` (a queryset the staff member may see) from
    today on, by time (出勤表); each one shown is a staff read, logged."""
    today = timezone.localdate(now)
    shown = list(
        visits.filter(
            status=HomeVisit.Status.CONFIRMED, scheduled_at__gte=_local_midnight(today)
        ).order_by("scheduled_at")[:300]
    )
    for visit in shown:
        record_audit(user, AuditEntry.Action.READ, visit, fields=HOME_VISIT_PERSONAL_DATA)
    return shown


def confirm_request(request, scheduled_at, *, user=None, note=""):
    """Staff confirm a home visit or group application for a time (or a new time), and
    tell the applicant."""
    scheduled_at = parse_start(scheduled_at)
    if scheduled_at <= timezone.now():
        raise AppointmentError(
            "in_the_past",
            _("The confirmed time must be in the future."),
            fields={"scheduled_at": _("The confirmed time must be in the future.")},
        )
    return _decide(
        request,
        request.Status.CONFIRMED,
        user=user,
        scheduled_at=scheduled_at,
        staff_note=clean_line(note, 300),
    )


def decline_request(request, *, user=None, note=""):
    """Staff decline a request, saying why."""
    note = clean_line(note, 300)
    if not note:
        raise AppointmentError(
            "reason_needed",
            _("Please tell the applicant why the request cannot be met."),
            fields={"note": _("Please tell the applicant why the request cannot be met.")},
        )
    return _decide(request, request.Status.DECLINED, user=user, staff_note=note)


def complete_request(request, *, user=None):
    """Mark a confirmed home visit or group application done (it took place)."""
    return _decide(request, request.Status.DONE, user=user, notify=False)


def _decide(request, status, *, user, notify=True, **fields):
    """Move an open request to `status` under a row lock, so two staff acting at once
    cannot both decide it; the applicant is told after the commit."""
    allowed = {
        request.Status.CONFIRMED: (request.Status.REQUESTED, request.Status.CONFIRMED),
        request.Status.DECLINED: (request.Status.REQUESTED, request.Status.CONFIRMED),
        request.Status.DONE: (request.Status.CONFIRMED,),
    }[status]
    with transaction.atomic():
        locked = type(request).objects.select_for_update().get(pk=request.pk)
        if locked.status not in allowed:
            raise AppointmentError(
                "closed",
                _("This request has already been decided and cannot be changed here."),
                status=409,
            )
        for name, value in {"status": status, "handled_by": user, **fields}.items():
            setattr(locked, name, value)
        locked.save(update_fields=["status", "handled_by", *fields])
    if notify:
        transaction.on_commit(lambda: messages.send_request_decision(locked))
    request.refresh_from_db()
    return locked


def open_session(session, *, user):
    """A staff member opens an outreach session with its bookings: their names and
    phones are a staff read, logged (the session itself holds no personal data)."""
    record_audit(
        user,
        AuditEntry.Action.READ,
        session,
        fields=["bookings.name", "bookings.phone", "bookings.email"],
    )
    return session


def open_sessions(office, *, now=None):
    """Published outreach sessions still to come, each with `left` places."""
    now = now or timezone.now()
    sessions = list(
        OutreachSession.objects.filter(office=office, published=True, starts_at__gt=now)
    )
    for session in sessions:
        session.left = places_left(session)
    return sessions


def places_left(session):
    taken = session.bookings.filter(status=SessionBooking.Status.BOOKED).aggregate(n=Sum("people"))[
        "n"
    ]
    return session.capacity - (taken or 0)


def book_session(session, *, idempotency_key=None, now=None, **data):
    """Book places in an outreach session. The session row is locked while the places
    are counted, so a full session is never overbooked."""
    key = _key(idempotency_key)
    if key and (existing := SessionBooking.objects.filter(idempotency_key=key).first()):
        return existing, False
    errors = {}
    name = clean_line(data.get("name"), 120)
    if not name:
        errors["name"] = _("Please enter your name, or the school's name.")
    try:
        people = int(data.get("people") or 1)
    except (TypeError, ValueError):
        people = 0
    if not 1 <= people <= 200:
        errors["people"] = _("Please enter how many people are coming (1 to 200).")
    contact_errors = {}
    phone = _checked(contact_errors, "phone", clean_phone, data.get("phone"))
    email = _checked(contact_errors, "email", clean_email, data.get("email"))
    errors.update(contact_errors)
    if errors:
        raise invalid(errors)
    now = now or timezone.now()
    with transaction.atomic():
        locked = OutreachSession.objects.select_for_update().get(pk=session.pk)
        if not locked.published or locked.starts_at <= now:
            raise AppointmentError(
                "session_closed", _("This session is no longer taking bookings."), status=409
            )
        left = places_left(locked)
        if people > left:
            raise AppointmentError(
                "session_full",
                _("Sorry, only %(left)s places are left in this session.") % {"left": max(left, 0)},
                status=409,
            )
        booking = SessionBooking.objects.create(
            code=_new_code(),
            session=locked,
            name=name,
            people=people,
            phone=phone,
            email=email,
            idempotency_key=key,
        )

    transaction.on_commit(lambda: messages.send_session_booked(booking))
    return booking, True


def cancel_session_booking(booking):
    SessionBooking.objects.filter(pk=booking.pk).update(status=SessionBooking.Status.CANCELLED)
    booking.refresh_from_db()
    return booking


# --- checking what people type ---------------------------------------------------------


def clean_person(*, name, national_id, phone, email="", name_field="name"):
    """Check a person's details; AppointmentError 422 names every bad field at once."""
    errors = {}
    clean_name = clean_line(name, 60)
    if not clean_name:
        errors[name_field] = _("Please enter your name.")
    number = None
    try:
        number = parse_person_id(national_id, kinds=ALL_KINDS).number
    except ValidationError as exc:
        errors["national_id"] = exc.messages[0]
    phone = _checked(errors, "phone", clean_phone, phone)
    email = _checked(errors, "email", clean_email, email)
    if errors:
        raise invalid(errors)
    return {
        "name": clean_name,
        "national_id_hash": lookup_hash(number),
        "national_id_encrypted": encrypt_text(number),
        "national_id_masked": mask(number),
        "phone": phone,
        "email": email,
    }


def _clean_contact(data, errors):
    contact_name = clean_line(data.get("contact_name"), 60)
    if not contact_name:
        errors["contact_name"] = _("Please enter the name of the contact person.")
    phone = _checked(errors, "phone", clean_phone, data.get("phone"))
    email = _checked(errors, "email", clean_email, data.get("email"))
    return {"contact_name": contact_name, "phone": phone, "email": email}


def _personal_data(request):
    return HOME_VISIT_PERSONAL_DATA if isinstance(request, HomeVisit) else GROUP_PERSONAL_DATA


def _checked(errors, field, check, value):
    """check(value) of one line of input, or "" with the check's message put in
    errors[field]."""
    try:
        return check(clean_line(value, 300))
    except ValidationError as exc:
        errors[field] = exc.messages[0]
        return ""


_TOWNSHIP = re.compile(r"(?:[\u4e00-\u9fff]{2}[縣市])?([\u4e00-\u9fff]{1,3}[鄉鎮市區])")


def _outside_township(address, office):
    """True when the address names a township other than the office's."""
    if not office.township:
        return False
    address = address.replace("台", "臺")
    found = _TOWNSHIP.search(address.removeprefix(office.county.replace("台", "臺")))
    return bool(found) and found.group(1) != office.township.replace("台", "臺")


def invalid(errors):
    """The 422 error that names every bad field at once."""
    return AppointmentError(
        "invalid", _("Some of the details are not valid. Please check them."), fields=errors
    )


# --- helpers ----------------------------------------------------------------------------


class _KeyTaken(Exception):
    pass


class _Full(Exception):
    pass


def _open_slot(office, service, start, *, now=None):
    """The slot starting at `start`, or AppointmentError saying why it cannot be booked."""
    policy = policy_for(office)
    now = now or timezone.now()
    earliest, latest = window(policy, now)
    local = timezone.localtime(start)
    if start < now:
        raise AppointmentError(
            "in_the_past",
            _("That time has already passed. Please choose a later one."),
            fields={"start": _("That time has already passed.")},
        )
    if start < earliest or start > latest:
        message = _("Appointments can be booked from %(lead)s minutes to %(days)s days ahead.") % {
            "lead": policy.lead_minutes,
            "days": policy.window_days,
        }
        raise AppointmentError("outside_window", message, fields={"start": message})
    slot = next(
        (s for s in day_slots(office, service, local.date(), now=now) if s.start == start), None
    )
    if slot is None:
        message = _("The office does not take appointments for this service at that time.")
        raise AppointmentError("no_such_slot", message, fields={"start": message})
    return slot


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
                    code=_new_code(),
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


def _runs(spans):
    """Back-to-back spans (morning, then the noon service) as one run, so a longer
    service can start before noon and end after it."""
    runs = []
    for span in spans:
        if runs and runs[-1][1] == span.opens:
            runs[-1][1] = span.closes
        else:
            runs.append([span.opens, span.closes])
    return [_Run(opens, closes) for opens, closes in runs]


@dataclass(frozen=True)
class _Run:
    opens: dt.datetime
    closes: dt.datetime


def _slot_full_message():
    return _("Sorry, that time has just been filled. Please choose one of the nearest free times.")


def _blocked(start, end, blocks):
    return any(b_start < end and start < b_end for b_start, b_end in blocks)


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _key(value):
    key = str(value or "").strip()[:64]
    return key or None


def parse_start(value):
    """A start time from an ISO 8601 string or a datetime, aware in local time."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            message = _(
                "Please give the time as on the calendar, for example 2026-12-01T09:00+08:00."
            )
            raise AppointmentError("bad_time", message, fields={"start": message}) from None
    if not isinstance(value, dt.datetime):
        message = _("Please choose a time.")
        raise AppointmentError("bad_time", message, fields={"start": message})
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _local_midnight(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _format(moment):
    local = timezone.localtime(moment)
    return f"{format_for_language(local.date())} {local:%H:%M}"


def _notify_booked(booking, moved=False):
    messages.send_confirmation(booking, moved=moved)
