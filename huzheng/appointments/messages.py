"""What the office tells people about their appointments: confirmations with a calendar
file and the checklist, reminders the day before, and staff decisions on requests."""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from huzheng.catalog.services import checklist
from huzheng.core.roc import format_long
from huzheng.notify.services import send_email, send_sms, send_template
from huzheng.surveys.services import booking_survey_message


def send_confirmation(booking, *, moved=False):
    """E-mail the booking with its ICS file and checklist; SMS when there is no e-mail.
    The words are the notify templates appointment.booked-email / moved-email / booked-sms."""
    with translation.override(settings.LANGUAGE_CODE):
        values = _values(booking)
        if booking.email:
            send_template(
                "appointment.moved-email" if moved else "appointment.booked-email",
                booking.email,
                values,
                language=settings.LANGUAGE_CODE,
                topic="appointment.moved" if moved else "appointment.booked",
                reference=booking.code,
                office=booking.office,
                attachments=[(f"appointment-{booking.code}.ics", ics(booking), "text/calendar")],
            )
        else:
            send_template(
                "appointment.booked-sms",
                booking.phone,
                values,
                language=settings.LANGUAGE_CODE,
                topic="appointment.booked",
                reference=booking.code,
                office=booking.office,
            )


def send_reminder(booking):
    """The day-before reminder, by e-mail and SMS (templates appointment.reminder-*)."""
    with translation.override(settings.LANGUAGE_CODE):
        values = _values(booking)
        if booking.email:
            send_template(
                "appointment.reminder-email",
                booking.email,
                values,
                language=settings.LANGUAGE_CODE,
                topic="appointment.reminder",
                reference=booking.code,
                office=booking.office,
                attachments=[(f"appointment-{booking.code}.ics", ics(booking), "text/calendar")],
            )
        send_template(
            "appointment.reminder-sms",
            booking.phone,
            values,
            language=settings.LANGUAGE_CODE,
            topic="appointment.reminder",
            reference=booking.code,
            office=booking.office,
        )


def send_after_visit(booking):
    """After an attended appointment: thanks, with the visit's one-time survey link. Sent
    only when the office has a citizen survey open (else there is nothing to ask)."""
    with translation.override(settings.LANGUAGE_CODE):
        survey = booking_survey_message(booking)
        if not survey:
            return
        text = (
            _("%(office)s: thank you for coming (appointment %(code)s).")
            % {"office": booking.office.name, "code": booking.code}
            + " "
            + survey
        )
        if booking.email:
            send_email(
                booking.email,
                _("Thank you for your visit (%(code)s)") % {"code": booking.code},
                text,
                topic="appointment.after_visit",
                reference=booking.code,
            )
        else:
            send_sms(booking.phone, text, topic="appointment.after_visit", reference=booking.code)


def send_request_decision(request):
    """Tell the applicant of a home visit or group request what staff decided (templates
    appointment.request-confirmed-* / request-declined-*)."""
    confirmed = request.status == "confirmed"
    kind = "confirmed" if confirmed else "declined"
    values = {
        "name": request.contact_name,
        "code": request.code,
        "when": _when(request.scheduled_at) or "—",
        "note": request.staff_note or "",
        "office": request.office.name,
        "office_phone": request.office.phone or "—",
    }
    fields = {
        "language": settings.LANGUAGE_CODE,
        "topic": "appointment.request",
        "reference": request.code,
        "office": request.office,
    }
    with translation.override(settings.LANGUAGE_CODE):
        if request.email:
            send_template(f"appointment.request-{kind}-email", request.email, values, **fields)
        send_template(f"appointment.request-{kind}-sms", request.phone, values, **fields)


def send_session_booked(booking):
    """Places booked at a group or outreach session (templates appointment.session-*)."""
    session = booking.session
    values = {
        "name": booking.name,
        "code": booking.code,
        "count": booking.people,
        "title": session.title,
        "place": session.place or "—",
        "when": _when(session.starts_at),
        "office": session.office.name,
        "office_phone": session.office.phone or "—",
    }
    fields = {
        "language": settings.LANGUAGE_CODE,
        "topic": "appointment.session",
        "reference": booking.code,
        "office": session.office,
    }
    with translation.override(settings.LANGUAGE_CODE):
        if booking.email:
            send_template("appointment.session-email", booking.email, values, **fields)
        else:
            send_template("appointment.session-sms", booking.phone, values, **fields)


def ics(booking):
    """The booking as an iCalendar file (RFC 5545) with a reminder an hour before."""
    from icalendar import Alarm

    calendar = Calendar()
    calendar.add("prodid", "-//Huzheng//Appointments//ZH-TW")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{booking.code}@huzheng")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.start.astimezone(dt.UTC))
    event.add("dtend", booking.end.astimezone(dt.UTC))
    event.add("summary", f"{booking.service.name}（{booking.office.name}）")
    event.add("location", booking.office.address)
    event.add(
        "description",
        _("Booking code %(code)s. Show it at the kiosk to check in.") % {"code": booking.code},
    )
    if booking.status == booking.Status.CANCELLED:
        event.add("status", "CANCELLED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", booking.service.name)
    alarm.add("trigger", dt.timedelta(hours=-1))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


def _values(booking):
    """The placeholders of the appointment templates, in the active language."""
    office = booking.office
    bring = checklist(booking.service).bring
    lines = "\n".join(
        f"- {document.name}（{document.note}）"
        if getattr(document, "note", "")
        else f"- {document.name}"
        for document in bring
    )
    return {
        "name": booking.name,
        "code": booking.code,
        "service": booking.service.name,
        "when": _when(booking.start),
        "office": office.name,
        "office_address": office.address or "—",
        "office_phone": office.phone or "—",
        "lines": lines or "- " + _("Nothing beyond your ID card."),
        "link": _absolute(reverse("appointments:manage")),
    }


def _when(moment):
    if moment is None:
        return ""

    local = timezone.localtime(moment)
    return f"{format_long(local.date())} {local:%H:%M}"


def _absolute(path):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{path}"
