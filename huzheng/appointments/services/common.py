"""What every booking rule shares: the errors it raises, the checks of what people type
(names, ID numbers, phones, e-mail addresses, times) and the codes it draws."""

import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core.crypto import encrypt as encrypt_text
from huzheng.core.crypto import lookup_hash
from huzheng.core.errors import ApiError
from huzheng.core.identity import ALL_KINDS, mask, parse_person_id
from huzheng.core.text import clean_line
from huzheng.core.validators import clean_email, clean_phone

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 8
CODE_EXAMPLE = "K7M2Q9XA"  # what the find-a-booking form shows; a test keeps it a real code


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
    phone = checked(errors, "phone", clean_phone, phone)
    email = checked(errors, "email", clean_email, email)
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


def clean_contact(data, errors):
    contact_name = clean_line(data.get("contact_name"), 60)
    if not contact_name:
        errors["contact_name"] = _("Please enter the name of the contact person.")
    phone = checked(errors, "phone", clean_phone, data.get("phone"))
    email = checked(errors, "email", clean_email, data.get("email"))
    return {"contact_name": contact_name, "phone": phone, "email": email}


def checked(errors, field, check, value):
    """check(value) of one line of input, or "" with the check's message put in
    errors[field]."""
    try:
        return check(clean_line(value, 300))
    except ValidationError as exc:
        errors[field] = exc.messages[0]
        return ""


def invalid(errors):
    """The 422 error that names every bad field at once."""
    return AppointmentError(
        "invalid", _("Some of the details are not valid. Please check them."), fields=errors
    )


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


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_key(value):
    key = str(value or "").strip()[:64]
    return key or None


def local_midnight(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
