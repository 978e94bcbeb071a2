"""What the office tells people about their appointments: confirmations with a calendar
file and the checklist, reminders the day before, and staff decisions on requests."""

import datetime as dt

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from huzheng.catalog.services import checklist
from huzheng.core.roc import format_long
from huzheng.notify.services import send_email, send_sms, send_template


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


def send_request_decision(request):
    """Tell the applicant of a home visit or group request what staff decided."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "request": request,
            "office": request.office,
            "when": _when(request.scheduled_at),
        }
        text = render_to_string("appointments/email/request_decision.txt", context)
        if request.email:
            send_email(
                request.email,
                _("Your request %(code)s") % {"code": request.code},
                text,
                topic="appointment.request",
                reference=request.code,
            )
        send_sms(
            request.phone,
            render_to_string("appointments/sms/request_decision.txt", context).strip(),
            topic="appointment.request",
            reference=request.code,
        )


def send_session_booked(booking):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "booking": booking,
            "session": booking.session,
            "when": _when(booking.session.starts_at),
        }
        if booking.email:
            send_email(
                booking.email,
                _("Places booked: %(code)s") % {"code": booking.code},
                render_to_string("appointments/email/session_booked.txt", context),
                topic="appointment.session",
                reference=booking.code,
            )
        else:
            send_sms(
                booking.phone,
                render_to_string("appointments/sms/session_booked.txt", context).strip(),
                topic="appointment.session",
                reference=booking.code,
            )


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
