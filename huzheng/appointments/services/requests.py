"""Requests beyond a counter booking (see ``huzheng.appointments.requests`` for their
pages): home visits (到府服務), group applications (團體申辦) and outreach sessions
(機動櫃檯); staff confirm or decline them, and every read of a requester's details is
audited."""

import re

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.appointments import messages
from huzheng.appointments.models import (
    GroupRequest,
    HomeVisit,
    OutreachSession,
    SessionBooking,
)
from huzheng.appointments.services.common import (
    AppointmentError,
    checked,
    clean_contact,
    clean_key,
    clean_person,
    invalid,
    local_midnight,
    new_code,
    parse_start,
)
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.text import clean_line
from huzheng.core.validators import clean_email, clean_phone

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


def request_home_visit(office, *, service, village, idempotency_key=None, **data):
    """A request for a home visit (到府服務); staff confirm a time later."""
    key = clean_key(idempotency_key)
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
        code=new_code(),
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
    key = clean_key(idempotency_key)
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
    contact = clean_contact(data, errors)
    if errors:
        raise invalid(errors)
    group = GroupRequest.objects.create(
        code=new_code(),
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
            status=HomeVisit.Status.CONFIRMED, scheduled_at__gte=local_midnight(today)
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
    key = clean_key(idempotency_key)
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
    phone = checked(contact_errors, "phone", clean_phone, data.get("phone"))
    email = checked(contact_errors, "email", clean_email, data.get("email"))
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
            code=new_code(),
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


def _personal_data(request):
    return HOME_VISIT_PERSONAL_DATA if isinstance(request, HomeVisit) else GROUP_PERSONAL_DATA


_TOWNSHIP = re.compile(r"(?:[\u4e00-\u9fff]{2}[縣市])?([\u4e00-\u9fff]{1,3}[鄉鎮市區])")


def _outside_township(address, office):
    """True when the address names a township other than the office's."""
    if not office.township:
        return False
    address = address.replace("台", "臺")
    found = _TOWNSHIP.search(address.removeprefix(office.county.replace("台", "臺")))
    return bool(found) and found.group(1) != office.township.replace("台", "臺")
