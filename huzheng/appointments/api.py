"""Appointments in the API (線上預約): free slots, booking and cancelling.

Public endpoints: no sign-in and no CSRF token (nothing here acts on a session), so a
booking app, a partner agency's site or a kiosk can use them. Every rule is the one in
services.py, the same as the web form's; this module parses, calls and shapes answers.
"""

import datetime as dt
import json
import re

import pydantic
from django.core.exceptions import RequestDataTooBig
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from huzheng.appointments import services
from huzheng.appointments.services import AppointmentError, BookingNotFound
from huzheng.core import ratelimit
from huzheng.core.errors import ApiError
from huzheng.core.services import OfficeNotFound, get_office

router = Router(tags=["appointments"], auth=None)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Per client address, in the default cache (shared across servers when Redis is on). A
# person books or cancels a few times; a script guessing ID numbers for a code does not
# get far.
BOOKING_LIMIT = 30  # attempts per client per window
CANCEL_LIMIT = 10
LIMIT_WINDOW_SECONDS = 600


# --- schemas ---------------------------------------------------------------------------------


class SlotsQuery(Schema):
    office: str = Field(..., max_length=40, description="an office code, for example huxi")
    service: str = Field(..., max_length=80, description="a bookable service's slug")
    date: str = Field(..., max_length=20, description="YYYY-MM-DD")


class SlotOut(Schema):
    start: str = Field(..., description="ISO 8601 with the +08:00 offset")
    end: str
    capacity: int
    available: int


class SlotsOut(Schema):
    office: str
    service: str
    date: str
    slots: list[SlotOut]


class BookingIn(Schema):
    office: str = Field(..., max_length=40)
    service: str = Field(..., max_length=80)
    start: str = Field(..., max_length=40, description="a slot's start, ISO 8601")
    name: str = Field(..., max_length=200)
    national_id: str = Field(
        ..., max_length=40, description="checked, stored hashed, never sent back"
    )
    phone: str = Field(..., max_length=40)
    email: str = Field("", max_length=254)
    idempotency_key: str | None = Field(None, max_length=64)


class BookingOut(Schema):
    code: str
    office: str
    service: str
    start: str
    end: str
    status: str
    manage_url: str


class CancelIn(Schema):
    national_id: str = Field(..., max_length=40)


class CancelOut(Schema):
    code: str
    status: str


class ErrorOut(Schema):
    code: str
    message: str


class FieldErrorOut(Schema):
    field: str
    message: str


class InvalidOut(ErrorOut):
    errors: list[FieldErrorOut] = Field(default_factory=list, description="one per bad field")


class FullOut(ErrorOut):
    alternatives: list[SlotOut] = Field(default_factory=list, description="nearest free times")


def _json_body(schema):
    """The request body for the OpenAPI document; the views read it themselves."""
    content = {"application/json": {"schema": schema.model_json_schema()}}
    return {"requestBody": {"required": True, "content": content}}


# --- endpoints -------------------------------------------------------------------------------


@router.get(
    "/slots",
    response={200: SlotsOut, 404: ErrorOut, 422: InvalidOut},
    summary="A day's appointment times for a service, with the places free at each",
)
def slots(request, query: Query[SlotsQuery]):
    office = get_office(query.office)
    service = services.get_bookable_service(query.service)
    day = _parse_date(query.date)
    first, last = services.window(services.policy_for(office))
    # A day outside the booking window has no slots; it is not an error to ask.
    inside = timezone.localdate(first) <= day <= timezone.localdate(last)
    found = services.day_slots(office, service, day) if inside else []
    return {
        "office": office.code,
        "service": service.slug,
        "date": day.isoformat(),
        "slots": [slot.as_dict() for slot in found],
    }


@router.post(
    "/bookings",
    response={
        200: BookingOut,
        201: BookingOut,
        400: ErrorOut,
        409: FullOut,
        413: ErrorOut,
        422: InvalidOut,
        429: ErrorOut,
    },
    summary="Book an appointment; the same idempotency key again returns the same booking",
    openapi_extra=_json_body(BookingIn),
)
def book(request):
    _limit(request, "booking", BOOKING_LIMIT)
    data = _body(request, BookingIn)
    office, service, start = _check_booking(data)
    booking, created = services.book(
        office,
        service,
        start,
        name=data.name,
        national_id=data.national_id,
        phone=data.phone,
        email=data.email,
        idempotency_key=data.idempotency_key,
    )
    return Status(201 if created else 200, _booking_out(request, booking))


@router.post(
    "/bookings/{code}/cancel",
    response={
        200: CancelOut,
        400: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: InvalidOut,
        429: ErrorOut,
    },
    summary="Cancel a booking with its code and the ID number it was booked with",
    openapi_extra=_json_body(CancelIn),
)
def cancel(request, code: str):
    _limit(request, "cancel", CANCEL_LIMIT)
    data = _body(request, CancelIn)
    try:
        # One count with the booking look-up page (core.ratelimit).
        ratelimit.check_lookup(request, "booking")
    except ratelimit.TooManyLookups:
        raise ApiError(
            429,
            "too_many_requests",
            _("Too many attempts from your connection. Please wait a few minutes and try again."),
        ) from None
    try:
        booking = services.find_booking(code, data.national_id)
    except BookingNotFound:
        ratelimit.lookup_missed(request, "booking")
        # One answer for a wrong code and a wrong ID number: which one was wrong is
        # exactly what someone guessing would like to know.
        raise ApiError(
            404,
            "booking_not_found",
            _("No appointment has this booking code and ID number. Please check both."),
        ) from None
    booking = services.cancel(booking)
    return Status(200, {"code": booking.code, "status": booking.status})


# --- helpers ---------------------------------------------------------------------------------


def _check_booking(data):
    """(office, service, start), or one 422 naming every bad field at once. The person's
    details are checked by services.clean_person here for the message, and by book()."""
    errors = {}
    office = service = start = None
    try:
        office = get_office(data.office)
    except OfficeNotFound:
        errors["office"] = _("There is no household registration office with that code.")
    try:
        service = services.get_bookable_service(data.service)
    except AppointmentError as exc:
        errors.update(exc.fields)
    try:
        start = services.parse_start(data.start)
    except AppointmentError as exc:
        errors.update(exc.fields)
    try:
        services.clean_person(
            name=data.name, national_id=data.national_id, phone=data.phone, email=data.email
        )
    except AppointmentError as exc:
        errors.update(exc.fields)
    if errors:
        raise services.invalid(errors)
    return office, service, start


def _body(request, schema):
    """The JSON body checked against the schema. The views read it themselves rather than
    through ninja so each bad field is named plainly ("name", not "data.name") with a
    message in the asked language."""
    try:
        payload = json.loads(request.body or b"null")
    except RequestDataTooBig:
        raise ApiError(413, "too_large", _("The request is too large.")) from None
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        raise ApiError(400, "bad_request", _("The request must be a JSON object."))
    try:
        return schema.model_validate(payload)
    except pydantic.ValidationError as exc:
        errors = {}
        for error in exc.errors():
            field = ".".join(str(part) for part in error.get("loc", ())) or "body"
            errors.setdefault(field, _field_message(error.get("type", "")))
        raise services.invalid(errors) from None


def _field_message(kind):
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        return _("This is too long.")
    if kind == "string_type":
        return _("This must be text.")
    return _("Enter a valid value.")


def _parse_date(value):
    text = str(value or "").strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        message = _("Please give the date as YYYY-MM-DD, for example 2026-12-01.")
        raise AppointmentError("invalid", message, fields={"date": message}) from None


def _limit(request, scope, limit):
    # Counted in the shared cache (core.ratelimit), so every app server sees one count.
    key = ratelimit.client_key(request)
    if ratelimit.exceeded(f"appointments-{scope}", key, limit=limit):
        raise ApiError(
            429,
            "too_many_requests",
            _("Too many attempts from your connection. Please wait a few minutes and try again."),
        )
    ratelimit.counted(f"appointments-{scope}", key, window_seconds=LIMIT_WINDOW_SECONDS)


def _booking_out(request, booking):
    manage = reverse("appointments:manage")
    return {
        "code": booking.code,
        "office": booking.office.code,
        "service": booking.service.slug,
        "start": timezone.localtime(booking.start).isoformat(),
        "end": timezone.localtime(booking.end).isoformat(),
        "status": booking.status,
        "manage_url": request.build_absolute_uri(f"{manage}?code={booking.code}"),
    }
