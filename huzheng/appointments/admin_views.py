"""Staff pages for appointments (預約管理) in the back office: an office's day or week
schedule with its attendance buttons, summary and CSV, and the office's booking rules
(預約設定). Thin: parse, check who asks, call huzheng.appointments.services, render."""

import csv
import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log

from huzheng.appointments import services
from huzheng.appointments.models import AppointmentPolicy, Booking, SlotBlock
from huzheng.core import roc
from huzheng.core.services import for_staff, staff_office_asked, staff_offices
from huzheng.core.text import strip_controls

VIEW_PERMISSION = "appointments.view_booking"
MARK_PERMISSION = "appointments.change_booking"
POLICY_PERMISSION = "appointments.change_appointmentpolicy"
# Dates outside these years are typing mistakes, and far ones would overflow date sums.
FIRST_YEAR, LAST_YEAR = 2000, 2200
MAX_DB_ID = 2**63 - 1
MARKS = (Booking.Status.ATTENDED, Booking.Status.NO_SHOW)
PLACE = re.compile(r"[0-9]{1,2}")
CSV_COLUMNS = [
    "date",
    "start",
    "end",
    "place",
    "code",
    "name",
    "national_id_masked",
    "service",
    "status",
    "ticket",
    "booked_at",
    "lead_days",
]


# --- the schedule ---------------------------------------------------------------------


class ScheduleView(WagtailAdminTemplateMixin, View):
    """The day or week of bookings at one office (預約時刻表), optionally one place."""

    template_name = "appointments/admin/schedule.html"
    page_title = gettext_lazy("Appointment schedule")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        office = staff_office_asked(request.user, request.GET.get("office"))
        period = period_for(request)
        policy = services.policy_for(office)
        place = place_for(request, policy)
        bookings = services.schedule(
            office, period.first, period.last, user=request.user, place=place
        )
        blocks = services.blocks_between(office, period.first, period.last)
        stats = services.statistics(office, period.first, period.last)
        query = {"office": office.code, "view": period.kind, "day": period.day.isoformat()}
        if place:
            query["place"] = place
        context = self.get_context_data(
            office=office,
            offices=staff_offices(request.user),
            period=period,
            place=place,
            places=range(1, policy.places + 1),
            days=_group_by_day(period, bookings, blocks),
            stats=stats,
            no_show_percent=_percent(stats["no_show_rate"]),
            mean_lead_days=_round(stats["mean_lead_days"]),
            marks=MARKS,
            now=timezone.now(),
            may_mark=request.user.has_perm(MARK_PERMISSION),
            may_edit_policy=request.user.has_perm(POLICY_PERMISSION),
            here=f"{request.path}?{urlencode(query)}",
            csv_url=f"{reverse('appointments_staff:schedule_csv')}?{urlencode(query)}",
            previous_url=_step_url(request, query, period.previous),
            next_url=_step_url(request, query, period.next),
            today_url=_step_url(request, query, timezone.localdate()),
        )
        return self.render_to_response(context)


def schedule_csv(request):
    """The shown range as CSV: UTF-8 with a BOM so Excel in Taiwan opens the Chinese."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    office = staff_office_asked(request.user, request.GET.get("office"))
    period = period_for(request)
    place = place_for(request, services.policy_for(office))
    bookings = services.schedule(
        office, period.first, period.last, user=request.user, place=place, export=True
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="appointments-{office.code}-{period.first.isoformat()}'
        f'{"" if period.first == period.last else "-" + period.last.isoformat()}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for booking in bookings:
        writer.writerow([_csv_cell(cell) for cell in csv_row(booking)])
    return response


def csv_row(booking):
    """One booking as CSV cells: ISO dates and times, lead time in days (one decimal)."""
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    lead = booking.lead_time
    return [
        start.date().isoformat(),
        f"{start:%H:%M}",
        f"{end:%H:%M}",
        booking.place,
        booking.code,
        booking.name,
        booking.national_id_masked,
        booking.service.name,
        booking.get_status_display(),
        booking.ticket.label if booking.ticket_id else "",
        timezone.localtime(booking.created_at).isoformat(timespec="minutes"),
        "" if lead is None else round(lead.total_seconds() / 86400, 1),
    ]


@require_POST
def mark_booking(request, pk):
    """Mark a booking attended or no-show (services.mark); a refusal is a message."""
    if not request.user.has_perm(MARK_PERMISSION):
        raise PermissionDenied
    if pk > MAX_DB_ID:
        raise Http404
    booking = (
        for_staff(Booking.objects.select_related("office"), request.user).filter(pk=pk).first()
    )
    if booking is None:
        raise Http404
    status = request.POST.get("status", "")
    try:
        booking = services.mark(booking, status, user=request.user)
    except services.AppointmentError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(code)s %(name)s is marked %(status)s.")
            % {
                "code": booking.code,
                "name": booking.name,
                "status": booking.get_status_display(),
            },
        )
    return redirect(_back(request, booking))


# --- the booking rules -----------------------------------------------------------------


class PolicyForm(forms.ModelForm):
    class Meta:
        model = AppointmentPolicy
        fields = [
            "places",
            "grid_minutes",
            "window_days",
            "lead_minutes",
            "max_future_per_service",
            "check_in_early_minutes",
        ]

    def clean_grid_minutes(self):
        grid = self.cleaned_data["grid_minutes"]
        try:
            # An office without its own rules books on the default grid: same check.
            services.check_grid_change(self.instance.office, grid)
        except services.AppointmentError as error:
            raise ValidationError(error.message) from None
        return grid


class PolicyView(WagtailAdminTemplateMixin, View):
    """The director edits the office's booking rules."""

    template_name = "appointments/admin/policy.html"
    page_title = gettext_lazy("Appointment rules")
    header_icon = "cog"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(POLICY_PERMISSION):
            raise PermissionDenied
        self.office = staff_office_asked(request.user, request.GET.get("office"))
        self.policy = services.policy_for(self.office)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.office.name

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        return self._render(PolicyForm(instance=self.policy))

    def post(self, request):
        form = PolicyForm(request.POST, instance=self.policy)
        if not form.is_valid():
            messages.error(request, _("The rules were not saved. Please correct the errors."))
            return self._render(form)
        created = self.policy.pk is None
        policy = form.save()
        log(instance=policy, action="wagtail.create" if created else "wagtail.edit")
        messages.success(
            request,
            _("The appointment rules of %(office)s are saved.") % {"office": self.office.name},
        )
        return redirect(f"{reverse('appointments_staff:policy')}?office={self.office.code}")

    def _render(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                office=self.office,
                offices=staff_offices(self.request.user),
                schedule_url=(
                    f"{reverse('appointments_staff:schedule')}?office={self.office.code}"
                ),
            )
        )


# --- blocked times ---------------------------------------------------------------------


class SlotBlockForm(forms.ModelForm):
    """A blocked time; services.check_block says which times may be blocked."""

    class Meta:
        model = SlotBlock
        fields = ["office", "start", "end", "reason"]
        widgets = {"start": AdminDateTimeInput, "end": AdminDateTimeInput}

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is None or end is None:
            return data
        try:
            services.check_block(
                start,
                end,
                start_changed=self.instance.pk is None or "start" in self.changed_data,
            )
        except services.AppointmentError as error:
            for field, message in error.fields.items():
                self.add_error(field, message)
        return data


# --- shared parsing ----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A day or a week (Monday to Sunday) of the schedule."""

    kind: str
    day: dt.date
    first: dt.date
    last: dt.date

    @property
    def step(self):
        return dt.timedelta(days=7 if self.kind == "week" else 1)

    @property
    def previous(self):
        return self.day - self.step

    @property
    def next(self):
        return self.day + self.step

    @property
    def days(self):
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def period_for(request):
    """The day (?day=, ISO or ROC) and the view (?view=day|week); a date that cannot be
    read shows today, with a message saying so."""
    kind = "week" if request.GET.get("view") == "week" else "day"
    raw = str(request.GET.get("day") or "").strip()
    day = timezone.localdate()
    if raw:
        try:
            day = _parse_day(raw)
        except ValidationError:
            messages.error(
                request,
                _(
                    "“%(value)s” is not a date we can read, so today is shown. Please write "
                    "it as 2026-12-01 or 115/12/01."
                )
                % {"value": strip_controls(raw[:30])},
            )
    if kind == "week":
        first = day - dt.timedelta(days=day.weekday())
        return Period(kind, day, first, first + dt.timedelta(days=6))
    return Period(kind, day, day, day)


def place_for(request, policy):
    raw = str(request.GET.get("place") or "").strip()
    if not raw:
        return None
    if PLACE.fullmatch(raw) and 1 <= int(raw) <= policy.places:
        return int(raw)
    messages.error(
        request,
        _("This office has no appointment place “%(value)s”, so every place is shown.")
        % {"value": strip_controls(raw[:10])},
    )
    return None


def _parse_day(raw):
    try:
        day = dt.date.fromisoformat(raw) if len(raw) == 10 and raw[4] == "-" else None
    except ValueError:
        day = None
    if day is None:
        day = roc.parse(raw)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError("out of range")
    return day


def _group_by_day(period, bookings, blocks):
    days = []
    for day in period.days:
        begin, end = _midnight(day), _midnight(day + dt.timedelta(days=1))
        days.append(
            {
                "date": day,
                "bookings": [b for b in bookings if timezone.localdate(b.start) == day],
                "blocks": [b for b in blocks if b.start < end and b.end > begin],
            }
        )
    return days


def _step_url(request, query, day):
    return f"{request.path}?{urlencode({**query, 'day': day.isoformat()})}"


def _back(request, booking):
    target = request.POST.get("next", "")
    if strip_controls(target) == target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    day = timezone.localdate(booking.start).isoformat()
    query = urlencode({"office": booking.office.code, "day": day})
    return f"{reverse('appointments_staff:schedule')}?{query}"


def _midnight(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _percent(rate):
    return None if rate is None else round(rate * 100, 1)


def _round(value):
    return None if value is None else round(value, 1)


def _csv_cell(value):
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
