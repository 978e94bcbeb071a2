"""Citizen booking pages (線上預約): choose a service, a day on the calendar and a time,
give your details, get a booking code; later find the booking again to move or cancel
it. Thin: parse, call services.py, render. Every page works without script."""

import calendar as pycalendar
import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from django.contrib import messages as flash
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.appointments import messages as booking_messages
from huzheng.appointments import services
from huzheng.appointments.forms import BookingForm, FindBookingForm, MoveForm
from huzheng.appointments.models import Booking
from huzheng.catalog.models import Category
from huzheng.catalog.services import checklist
from huzheng.core import freshness, ratelimit
from huzheng.core.i18n import is_english, localized
from huzheng.core.qr import qr_svg
from huzheng.core.roc import format_for_language, roc_year
from huzheng.core.services import office_asked
from huzheng.surveys.services import booking_survey_url

# Session keys: the codes this browser booked, and the booking it proved it owns.
BOOKED_KEY = "appointments_booked"
VERIFIED_KEY = "appointments_verified"
MAX_REMEMBERED = 20
CODE = re.compile(r"[A-Z0-9]{1,12}")
MONTH = re.compile(r"(\d{4})-(\d{1,2})")
FIND_TEMPLATE = "appointments/manage_find.html"


@require_http_methods(["GET", "HEAD"])
def index(request):
    """The bookable services by category, and the other ways to meet the office."""
    office = office_asked(request)
    bookable = list(services.bookable_services())
    groups = [
        {"label": label, "services": [s for s in bookable if s.category == value]}
        for value, label in Category.choices
        if any(s.category == value for s in bookable)
    ]
    return render(
        request,
        "appointments/index.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "groups": groups,
            "office_query": _office_query(request, office),
            # What can be booked (the catalog) and when the office opens (its calendar).
            "page_updated_at": freshness.newest(
                office.updated_at, *(service.updated_at for service in bookable)
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def service(request, slug):
    """One service: what to bring, the month calendar, the chosen day's times and the
    details form. POST books and redirects to the confirmation."""
    office = office_asked(request)
    try:
        booked_service = services.get_bookable_service(slug)
    except services.AppointmentError:
        raise Http404(slug) from None
    base = reverse("appointments:service", args=[booked_service.slug])
    # The form posts back to the page's own address, so the day is always in the query.
    cal = _calendar(request, office, booked_service, request.GET, base)
    status = 200
    notice = ""
    if request.method == "POST":
        form = BookingForm(request.POST, times=_choices(cal.times))
        booking, error = _book(office, booked_service, form)
        if booking is not None:
            _remember(request, booking.code)
            return redirect("appointments:booked", code=booking.code)
        status = error.status if error else 422
        if error is not None and error.code == "slot_full":
            notice = error.message
            form.fields["start"].widget.choices = _choices(error.alternatives, with_date=True)
    else:
        form = BookingForm(initial={"idempotency_key": uuid.uuid4().hex}, times=_choices(cal.times))
    return render(
        request,
        "appointments/service.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "service": booked_service,
            "service_name": localized(booked_service),
            "checklist": checklist(booked_service),
            "calendar": cal,
            "form": form,
            "notice": notice,
            "show_form": request.method == "POST" or bool(cal.times),
            "office_query": _office_query(request, office),
            "action": base + _query(request, office, cal),
            "page_updated_at": freshness.newest(office.updated_at, booked_service.updated_at),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def booked(request, code):
    """The confirmation (預約完成): only for the browser that booked or proved ownership."""
    booking = _own_booking(request, code)
    if booking is None:
        flash.info(request, _("Please enter your booking code and ID number to see a booking."))
        return redirect("appointments:manage")
    return render(
        request,
        "appointments/booked.html",
        {
            **_booking_context(booking),
            "qr": qr_svg(
                booking.code, label=_("QR code of booking code %(code)s") % {"code": booking.code}
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def booking_ics(request, code):
    """The booking as a calendar file, under the same rule as the confirmation."""
    booking = _own_booking(request, code)
    if booking is None or booking.status == Booking.Status.CANCELLED:
        # A cancelled appointment is no longer an event to put in a calendar.
        return redirect("appointments:manage")
    response = HttpResponse(
        booking_messages.ics(booking), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="appointment-{booking.code}.ics"'
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request):
    """Find a booking by code and ID number (查詢預約), then see, move or cancel it."""
    if request.method == "POST":
        if request.POST.get("action") == "forget":
            request.session.pop(VERIFIED_KEY, None)
            return redirect("appointments:manage")
        form = FindBookingForm(request.POST)
        form.is_valid()
        try:
            # The same limit as the API's look-ups of a booking (core.ratelimit).
            ratelimit.check_lookup(request, "booking")
        except ratelimit.TooManyLookups:
            return ratelimit.too_many_lookups_page(request)
        try:
            booking = services.find_booking(
                request.POST.get("code", "")[:40], request.POST.get("national_id", "")[:40]
            )
        except services.BookingNotFound:
            ratelimit.lookup_missed(request, "booking")
            # One answer for every wrong or malformed fact: which one was wrong is not told.
            for name in ("code", "national_id"):
                form.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": "find-error"}
                )
            return render(
                request,
                FIND_TEMPLATE,
                {
                    "form": form,
                    "not_found": _("No booking matches this code and ID number."),
                    "page_updated_at": freshness.template_changed_at(FIND_TEMPLATE),
                },
                status=422,
            )
        request.session[VERIFIED_KEY] = booking.pk
        return redirect("appointments:manage")
    booking = _verified_booking(request)
    if booking is None:
        # A form and its words only: the date is when those words last changed here.
        updated = freshness.template_changed_at(FIND_TEMPLATE)
        return render(
            request, FIND_TEMPLATE, {"form": FindBookingForm(), "page_updated_at": updated}
        )
    return render(request, "appointments/manage_booking.html", _booking_context(booking))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage_cancel(request):
    """Cancel, after a confirm step; the time is free for others at once."""
    booking = _verified_booking(request)
    if booking is None:
        return redirect("appointments:manage")
    if request.method == "POST":
        try:
            services.cancel(booking)
        except services.AppointmentError as exc:
            flash.error(request, exc.message)
        else:
            flash.success(request, _("Your appointment has been cancelled."))
        return redirect("appointments:manage")
    if booking.status != Booking.Status.BOOKED:
        return redirect("appointments:manage")
    return render(request, "appointments/manage_cancel.html", _booking_context(booking))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage_move(request):
    """Choose a new day and time on the same calendar; the old time is kept until the
    new one is safely held."""
    booking = _verified_booking(request)
    if booking is None or booking.status != Booking.Status.BOOKED:
        return redirect("appointments:manage")
    office = booking.office
    base = reverse("appointments:manage_move")
    cal = _calendar(request, office, booking.service, request.GET, base, office_in_links=False)
    status = 200
    notice = ""
    if request.method == "POST":
        form = MoveForm(request.POST, times=_choices(cal.times))
        form.is_valid()
        start = form.data.get("start", "").strip()
        error = None
        if not start:
            form.add_error("start", _("Please choose a time."))
        else:
            try:
                services.move(booking, start)
            except services.AppointmentError as exc:
                error = exc
                _apply_errors(form, exc)
            else:
                flash.success(
                    request, _("Your appointment has been moved. We have sent the new time.")
                )
                return redirect("appointments:manage")
        status = error.status if error else 422
        if error is not None and error.code == "slot_full":
            notice = error.message
            form.fields["start"].widget.choices = _choices(error.alternatives, with_date=True)
    else:
        form = MoveForm(times=_choices(cal.times))
    return render(
        request,
        "appointments/manage_move.html",
        {
            **_booking_context(booking),
            "calendar": cal,
            "form": form,
            "notice": notice,
            "show_form": request.method == "POST" or bool(cal.times),
            "action": base + _query(request, office, cal, office_in_links=False),
        },
        status=status,
    )


# --- calendar -----------------------------------------------------------------------------


@dataclass
class CalendarDay:
    date: dt.date
    state: str  # free, full, closed, outside, blank (a day of the next or previous month)
    free: int = 0
    free_label: str = ""
    href: str = ""
    label: str = ""
    selected: bool = False


@dataclass
class MonthCalendar:
    year: int
    month: int
    caption: str
    weekdays: list
    weeks: list
    previous: dict | None = None
    next: dict | None = None
    day: dt.date | None = None
    day_label: str = ""
    times: list = field(default_factory=list)
    day_message: str = ""


def _calendar(request, office, service, params, base, *, office_in_links=True):
    """The month's days with their state, and the chosen day's free times."""
    policy = services.policy_for(office)
    _earliest, latest = services.window(policy)
    today = timezone.localdate()
    last_day = timezone.localtime(latest).date()
    day = _parse_day(params.get("day"))
    if day is not None and not today <= day <= last_day:
        day = None
    year, month = _parse_month(params.get("month")) or (
        (day.year, day.month) if day else (today.year, today.month)
    )
    # Months outside the booking window have nothing to offer: show the nearest one.
    if (year, month) < (today.year, today.month):
        year, month = today.year, today.month
    if (year, month) > (last_day.year, last_day.month):
        year, month = last_day.year, last_day.month
    days = services.month_days(office, service, year, month)
    first, last = min(days), max(days)
    office_q = _office_param(request, office) if office_in_links else {}
    weeks = []
    # Taiwan's wall calendars start the week on Sunday.
    for week in pycalendar.Calendar(firstweekday=6).monthdatescalendar(year, month):
        row = []
        for date in week:
            if date.month != month:
                row.append(CalendarDay(date, "blank"))
                continue
            state, count = days[date]
            entry = CalendarDay(
                date,
                state,
                free=count,
                free_label=free_times_label(count),
                label=_spoken_date(date),
            )
            if state == "free":
                query = {"month": f"{year}-{month:02d}", "day": date.isoformat(), **office_q}
                entry.href = f"{base}?{urlencode(query)}#times"
                entry.selected = date == day
            row.append(entry)
        weeks.append(row)
    cal = MonthCalendar(
        year=year,
        month=month,
        caption=_month_label(year, month),
        weekdays=[(WEEKDAYS_ABBR[i], WEEKDAYS[i]) for i in (6, 0, 1, 2, 3, 4, 5)],
        weeks=weeks,
    )
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = last + dt.timedelta(days=1)
    if (previous.year, previous.month) >= (today.year, today.month):
        cal.previous = _month_link(base, previous, office_q)
    if following <= last_day:
        cal.next = _month_link(base, following, office_q)
    if day is not None and (day.year, day.month) == (year, month):
        cal.day = day
        cal.day_label = _long_date(day)
        cal.times = [s for s in services.day_slots(office, service, day) if s.available > 0]
        if not cal.times:
            cal.day_message = _(
                "There are no free times on this day any more. Please choose another day."
            )
    return cal


def _month_link(base, first, office_q):
    query = {"month": f"{first.year}-{first.month:02d}", **office_q}
    return {
        "href": f"{base}?{urlencode(query)}#calendar",
        "label": _month_label(first.year, first.month),
    }


def _month_label(year, month):
    """民國115年12月; in English: December 2026 (ROC 115)."""
    if not is_english():
        return f"民國{roc_year(year)}年{month}月"
    return f"{dt.date(year, month, 1):%B} {year} (ROC {roc_year(year)})"


def _spoken_date(date):
    """The date as a screen reader should hear it before a day's status."""
    separator = "，" if not is_english() else ", "
    return _long_date(date) + separator


def _long_date(date):
    """民國115年12月1日（星期二）; in English with the ROC year beside the ISO date."""
    weekday = WEEKDAYS[date.weekday()]
    if not is_english():
        return f"{format_for_language(date)}（{weekday}）"
    return f"{format_for_language(date)}, {weekday}"


def _parse_day(value):
    try:
        return dt.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def _parse_month(value):
    match = MONTH.fullmatch(str(value or "").strip()[:10])
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1912 <= year <= 9999):
        return None
    return year, month


def _choices(slots, *, with_date=False):
    """Radio choices for free slots: the value is the ISO start the services read."""
    choices = []
    for slot in slots:
        start, end = timezone.localtime(slot.start), timezone.localtime(slot.end)
        label = f"{start:%H:%M}–{end:%H:%M}"
        if with_date:
            label = f"{_long_date(start.date())} {label}"
        choices.append((start.isoformat(), label))
    return choices


# --- booking -------------------------------------------------------------------------------


def _book(office, service, form):
    """(booking, None) when booked; (None, AppointmentError or None) with the form's
    errors filled in when not. Nothing is written unless the booking is made."""
    form.is_valid()
    person = form.person()
    start = form.data.get("start", "").strip()[:40]
    if not start:
        form.add_error("start", _("Please choose a time."))
    # The services name every bad personal detail at once; add those the form missed.
    try:
        services.clean_person(**person)
    except services.AppointmentError as exc:
        _apply_errors(form, exc)
    if form.errors:
        return None, None
    try:
        booking, _created = services.book(
            office,
            service,
            start,
            idempotency_key=form.cleaned_data.get("idempotency_key") or None,
            **person,
        )
    except services.AppointmentError as exc:
        _apply_errors(form, exc)
        return None, exc
    return booking, None


def _apply_errors(form, exc):
    """Put each of the services' field messages next to its field; the rest on top."""
    placed = False
    for name, message in exc.fields.items():
        if name in form.fields:
            if name not in form.errors:
                form.add_error(name, str(message))
            placed = True
    if not placed and exc.code != "slot_full":
        form.add_error(None, exc.message)
    if exc.code == "slot_full" and "start" not in form.errors:
        form.add_error("start", exc.message)


# --- ownership ------------------------------------------------------------------------------


def _remember(request, code):
    codes = [c for c in request.session.get(BOOKED_KEY, []) if c != code]
    request.session[BOOKED_KEY] = [*codes, code][-MAX_REMEMBERED:]


def _own_booking(request, code):
    """The booking with this code if this browser booked it or proved it owns it."""
    code = str(code or "").upper()
    if not CODE.fullmatch(code):
        return None
    booking = Booking.objects.select_related("office", "service").filter(code=code).first()
    if booking is None:
        return None
    if (
        code in request.session.get(BOOKED_KEY, [])
        or request.session.get(VERIFIED_KEY) == booking.pk
    ):
        return booking
    return None


def _verified_booking(request):
    pk = request.session.get(VERIFIED_KEY)
    if not isinstance(pk, int):
        return None
    return Booking.objects.select_related("office", "service").filter(pk=pk).first()


def _booking_context(booking):
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    return {
        "booking": booking,
        "office": booking.office,
        "service": booking.service,
        "service_name": localized(booking.service),
        "checklist": checklist(booking.service),
        "date_label": _long_date(start.date()),
        "time_label": f"{start:%H:%M}–{end:%H:%M}",
        "is_booked": booking.status == Booking.Status.BOOKED,
        # After the visit: its one-time survey link (the ticket's, when checked in).
        "survey_url": booking_survey_url(booking),
    }


# --- office ---------------------------------------------------------------------------------


def _office_param(request, office):
    """Links carry ?office= only when the office was chosen that way."""
    code = request.GET.get("office")
    return {"office": office.code} if code else {}


def _office_query(request, office):
    param = _office_param(request, office)
    return f"?{urlencode(param)}" if param else ""


def _query(request, office, cal, *, office_in_links=True):
    query = {"month": f"{cal.year}-{cal.month:02d}"}
    if cal.day:
        query["day"] = cal.day.isoformat()
    if office_in_links:
        query.update(_office_param(request, office))
    return f"?{urlencode(query)}"


def free_times_label(count):
    return ngettext("%(count)s free time", "%(count)s free times", count) % {"count": count}
