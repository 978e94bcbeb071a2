"""Domain operations of the core: office calendars and opening status, the audit log,
and revealing personal data to staff."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huzheng.core import crypto, pagecache
from huzheng.core.csvimport import ImportRefused, RowError, csv_rows
from huzheng.core.middleware import client_ip, current_request
from huzheng.core.models import AuditEntry, Office, OpeningPeriod, SpecialDay, StaffProfile
from huzheng.core.validators import EXTENSION_MARK, normalize_phone

OPEN = "open"
NOON = "noon"
EVENING = "evening"
CLOSED = "closed"

STATE_LABELS = {
    OPEN: _("Open"),
    NOON: _("Open (noon service)"),
    EVENING: _("Open (evening service)"),
    CLOSED: _("Closed"),
}


_OFFICE_CODE = re.compile(r"[a-z0-9_-]{1,32}")


_OFFICE_CODE = re.compile(r"[a-z0-9_-]{1,40}")


class OfficeNotFound(Exception):
    """No active office has this code."""


@dataclass(frozen=True)
class Span:
    """One opening span on a given date, in local time."""

    opens: dt.datetime
    closes: dt.datetime
    kind: str


@dataclass(frozen=True)
class OpeningStatus:
    state: str
    closes_at: dt.datetime | None = None
    next_opens_at: dt.datetime | None = None
    reason: str = ""

    @property
    def is_open(self):
        return self.state != CLOSED

    @property
    def label(self):
        return STATE_LABELS[self.state]


def get_office(code):
    """The active office with this code, or OfficeNotFound."""
    code = str(code or "").strip().lower()
    if not _OFFICE_CODE.fullmatch(code):
        raise OfficeNotFound(code[:40])
    try:
        return Office.objects.get(code=code, is_active=True)
    except Office.DoesNotExist:
        raise OfficeNotFound(code) from None


def day_status(office, date):
    """(is_open, reason) for a date: special days first, then holidays, then weekends."""
    return _day_status(date, _special_days(office, date, date).get(date))


def spans_between(office, first, last):
    """{date: spans} for every date from first to last, in two queries: what booking
    calendars need for a month at a time."""
    specials = _special_days(office, first, last)
    periods = list(office.opening_periods.all())
    days = {}
    day = first
    while day <= last:
        days[day] = _spans(day, periods, _day_status(day, specials.get(day))[0])
        day += dt.timedelta(days=1)
    return days


def _special_days(office, first, last):
    rows = (
        SpecialDay.objects.filter(Q(office=office) | Q(office__isnull=True))
        .filter(date__gte=first, date__lte=last)
        # The office's own entry wins over one for every office (office empty).
        .order_by("date", F("office_id").asc(nulls_last=True))
    )
    found = {}
    for special in rows:
        found.setdefault(special.date, special)
    return found


def _day_status(date, special):
    if special is not None:
        return special.is_open, special.reason
    national = _taiwan_holidays(date.year, _holiday_language())
    if date in national:
        return False, national[date]
    if date.weekday() >= 5:
        return date in national.weekend_workdays, ""
    return True, ""


def spans_on(office, date):
    """The opening spans of a date, empty when the office is closed that day."""
    is_open, _reason = day_status(office, date)
    return _spans(date, office.opening_periods.all(), is_open)


def _spans(date, all_periods, is_open):
    if not is_open:
        return []
    weekday = date.weekday()
    periods = [p for p in all_periods if p.weekday == weekday]
    if not periods and weekday >= 5:
        # A make-up Saturday keeps a regular weekday's hours.
        periods = [p for p in all_periods if p.weekday == 0]
    tz = timezone.get_current_timezone()
    return [
        Span(
            opens=timezone.make_aware(dt.datetime.combine(date, p.opens), tz),
            closes=timezone.make_aware(dt.datetime.combine(date, p.closes), tz),
            kind=p.kind,
        )
        for p in sorted(periods, key=lambda p: p.opens)
    ]


def opening_status(office, at=None):
    """Open, noon service, evening service or closed at a moment, with when that changes.
    A kept page that shows it is right only until then (`pagecache.valid_until`)."""
    status = _opening_status(office, timezone.localtime(at or timezone.now()))
    if at is None:
        pagecache.valid_until(status.closes_at or status.next_opens_at)
    return status


def _opening_status(office, at):
    today = spans_on(office, at.date())
    for span in today:
        if span.opens <= at < span.closes:
            state = {OpeningPeriod.Kind.NOON: NOON, OpeningPeriod.Kind.EVENING: EVENING}.get(
                span.kind, OPEN
            )
            return OpeningStatus(state=state, closes_at=_end_of_run(today, span))
    _is_open, reason = day_status(office, at.date())
    return OpeningStatus(state=CLOSED, next_opens_at=next_opening(office, at), reason=reason)


def next_opening(office, after, horizon_days=45):
    """The first moment after `after` when the office opens, or None within the horizon."""
    after = timezone.localtime(after)
    for offset in range(horizon_days):
        for span in spans_on(office, after.date() + dt.timedelta(days=offset)):
            if span.opens > after:
                return span.opens
    return None


def upcoming_special_days(office, days=60):
    """Special days (typhoon closures, make-up workdays…) of the coming weeks."""
    today = timezone.localdate()
    return (
        SpecialDay.objects.filter(Q(office=office) | Q(office__isnull=True))
        .filter(date__gte=today, date__lte=today + dt.timedelta(days=days))
        .order_by("date")
    )


def is_working_day(office, date):
    return day_status(office, date)[0]


def add_working_days(office, day, days):
    """The `days`-th working day after `day` (the day itself not counted) on the office's
    calendar: weekends, national holidays, make-up workdays and typhoon closures."""
    counted = 0
    for _step in range(days * 7 + 60):  # bounded: even a month of typhoons ends
        if counted >= days:
            break
        day += dt.timedelta(days=1)
        counted += is_working_day(office, day)
    return day


def working_days_between(office, first, last):
    """Working days after `first` up to and including `last` (0 when last <= first)."""
    count, day = 0, first
    while day < last:
        day += dt.timedelta(days=1)
        count += is_working_day(office, day)
    return count


def import_government_calendar(data):
    """Read the DGPA government office calendar (政府行政機關辦公日曆表) CSV and keep the
    days that depart from the usual week as special days for every office: a weekday off
    as a holiday, a Saturday or Sunday at work as a make-up workday (補行上班).

    Every row is checked first (CalendarImportRefused lists the bad ones and nothing is
    written); then one transaction. Importing the same file again changes nothing.
    Returns (added, updated)."""
    days = _calendar_days(data)
    added = updated = 0
    with transaction.atomic():
        for day, is_open, reason in days:
            _special, created = SpecialDay.objects.update_or_create(
                office=None,
                date=day,
                defaults={
                    "is_open": is_open,
                    "kind": SpecialDay.Kind.MAKEUP_WORKDAY if is_open else SpecialDay.Kind.HOLIDAY,
                    "reason": reason,
                },
            )
            added += created
            updated += not created
    return added, updated


class CalendarImportRefused(ImportRefused):
    """A government calendar file was refused; nothing was written."""


CALENDAR_COLUMNS = ("西元日期", "是否放假", "備註")
CALENDAR_MAX_BYTES = 1024 * 1024


def _calendar_days(data):
    numbered, _encoding = csv_rows(
        data, max_bytes=CALENDAR_MAX_BYTES, refused=CalendarImportRefused
    )
    (_line, header), rows = numbered[0], numbered[1:]
    header = [cell.strip().lstrip("\ufeff") for cell in header]
    missing = [c for c in CALENDAR_COLUMNS if c not in header]
    if missing:
        raise CalendarImportRefused(
            [
                RowError(
                    1,
                    "",
                    gettext("The file has no column %(columns)s.")
                    % {"columns": "、".join(missing)},
                )
            ]
        )
    at = {name: header.index(name) for name in CALENDAR_COLUMNS}
    days, errors = [], []
    for line, cells in rows:
        cell = {name: (cells[i] if i < len(cells) else "").strip() for name, i in at.items()}
        try:
            day = dt.datetime.strptime(cell["西元日期"], "%Y%m%d").date()
        except ValueError:
            errors.append(RowError(line, "西元日期", gettext("西元日期 is not a date (YYYYMMDD).")))
            continue
        if cell["是否放假"] not in ("0", "2"):
            errors.append(RowError(line, "是否放假", gettext("是否放假 must be 0 or 2.")))
            continue
        off, weekend = cell["是否放假"] == "2", day.weekday() >= 5
        reason = cell["備註"][:200]
        if off and not weekend:
            days.append((day, False, reason or "放假"))
        elif not off and weekend:
            days.append((day, True, reason or "補行上班"))
    if errors:
        raise CalendarImportRefused(errors)
    return days


def demo_mode_applies(office):
    """True when demo mode lets this office act as open at any hour (kiosks, bookings)."""
    return bool(settings.HUZHENG_DEMO and office.is_demo)


def record_audit(user, action, obj, *, fields=(), reason="", office=None, request=None):
    """Append one entry to the audit log; the request (IP, path) is taken from the
    current request when not given."""
    request = request or current_request()
    meta = request.META if request is not None else {}
    if office is None:
        office = obj if isinstance(obj, Office) else getattr(obj, "office", None)
        office = office if isinstance(office, Office) else None
    from huzheng.core import auditchain

    return auditchain.append(
        user=user if getattr(user, "pk", None) else None,
        username=user.get_username() if getattr(user, "pk", None) else "-",
        office=office,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or ""),
        object_repr=str(obj)[:200],
        fields=list(fields),
        reason=reason[:200],
        ip_address=client_ip(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
        path=getattr(request, "path", "")[:300],
    )


def open_record(user, obj):
    """A staff member opens a record in the back office: a read of its model's
    `personal_data_fields`, written to the audit log."""
    fields = list(getattr(type(obj), "personal_data_fields", ()))
    return record_audit(user, AuditEntry.Action.READ, obj, fields=fields)


def reveal(token, *, user, subject, field, reason=""):
    """Decrypt a personal-data field for a staff member, writing the read to the audit log
    first: no plain text leaves this function unrecorded."""
    record_audit(user, AuditEntry.Action.READ, subject, fields=[field], reason=reason)
    return crypto.decrypt(token)


def _end_of_run(spans, span):
    """When a run of back-to-back spans ends (08:00–12:00, 12:00–13:30 noon, 13:30–17:00)."""
    end = span.closes
    for later in spans:
        if later.opens == end:
            end = later.closes
    return end


@lru_cache(maxsize=16)
def _taiwan_holidays(year, language="zh_TW"):
    return holidays.TW(years=year, language=language)


def _holiday_language():
    # The holiday's name is shown as the reason the office is closed: in English on the
    # English site ("Chinese New Year"), in Taiwan's Chinese everywhere else ("春節").
    return "en_US" if (translation.get_language() or "").startswith("en") else "zh_TW"


def weekly_hours(office):
    """The week's hours grouped by days that share them, for the footer and the hours
    page: [{"days": "週一至週五", "opens", "closes", "extras": [noon or evening spans]}].
    Back-to-back spans merge into one run; closed weekdays are left out."""
    by_day = {
        weekday: tuple(
            (p.opens, p.closes, p.kind)
            for p in office.opening_periods.all()
            if p.weekday == weekday
        )
        for weekday in range(7)
    }
    groups = []
    for weekday in range(7):
        spans = tuple(sorted(by_day[weekday]))
        if not spans:
            continue
        if groups and groups[-1]["spans"] == spans and groups[-1]["last"] == weekday - 1:
            groups[-1]["last"] = weekday
        else:
            groups.append({"first": weekday, "last": weekday, "spans": spans})
    return [
        {
            "days": _day_range_label(g["first"], g["last"]),
            "runs": _merge_runs(g["spans"]),
            "extras": [
                {"opens": o, "closes": c, "label": OpeningPeriod.Kind(k).label}
                for o, c, k in g["spans"]
                if k != OpeningPeriod.Kind.REGULAR
            ],
        }
        for g in groups
    ]


def _merge_runs(spans):
    runs = []
    for opens, closes, _kind in spans:
        if runs and runs[-1]["closes"] == opens:
            runs[-1]["closes"] = closes
        else:
            runs.append({"opens": opens, "closes": closes})
    return runs


def _day_range_label(first, last):
    names = OpeningPeriod.Weekday.labels
    if first == last:
        return str(names[first])
    return _("%(first)s to %(last)s") % {"first": names[first], "last": names[last]}


def staff_office_ids(user):
    """The offices whose records a staff member may see: None means every office
    (superusers and county staff without an office), otherwise a set of ids."""
    if user.is_superuser:
        return None
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return set()
    if profile.office_id is None:
        return None
    return {profile.office_id}


def for_staff(queryset, user, lookup="office", *, include_unscoped=False):
    """The queryset narrowed to the records of the offices a staff member may see: the
    one rule of office scoping (`lookup` is the path to the office, for example
    "collect_at" or "series__office"). With `include_unscoped`, records of no office
    (rules for every office) stay in."""
    office_ids = staff_office_ids(user)
    if office_ids is None:
        return queryset
    condition = Q(**{f"{lookup}__in": office_ids})
    if include_unscoped:
        condition |= Q(**{f"{lookup}__isnull": True})
    return queryset.filter(condition)


def staff_offices(user):
    """The active offices a staff member may see, by code."""
    return for_staff(Office.objects.filter(is_active=True).order_by("code"), user, "pk")


def staff_may_see(user, office):
    """Whether a staff member may see the records of this office."""
    office_ids = staff_office_ids(user)
    return office is not None and (office_ids is None or office.pk in office_ids)


def get_office_or_404(code):
    """The active office with this code, or Http404 (for views with an office in the URL)."""
    from django.http import Http404

    try:
        return get_office(code)
    except OfficeNotFound:
        raise Http404(str(code)[:40]) from None


def office_asked(request):
    """The office a public page is about: the one chosen with `?office=<code>` (a county
    site lists its offices), else the request's own office (`request.office`); Http404
    for an unknown code or a site with no office."""
    code = request.GET.get("office")
    if code:
        return get_office_or_404(code)
    office = getattr(request, "office", None)
    if office is None:
        from django.http import Http404

        raise Http404("office")
    return office


def staff_office_asked(user, code=""):
    """The office a back-office page asks for (`?office=<code>`) among those the staff
    member may see: Http404 for one they may not see (it does not exist for them); with
    no code, their own office, else the first they may see; PermissionDenied for none."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    offices = staff_offices(user)
    code = str(code or "").strip().lower()
    if code:
        office = offices.filter(code=code).first() if _OFFICE_CODE.fullmatch(code) else None
        if office is None:
            raise Http404("office")
        return office
    own = getattr(getattr(user, "staff_profile", None), "office_id", None)
    office = offices.filter(pk=own).first() or offices.first()
    if office is None:
        raise PermissionDenied
    return office


def staff_office(user):
    """The staff member's own office (active), or None for county staff and superusers
    without one."""
    office_id = getattr(getattr(user, "staff_profile", None), "office_id", None)
    return Office.objects.filter(pk=office_id, is_active=True).first() if office_id else None


# --- The public staff phone list ---------------------------------------------------------

_EXTENSION = re.compile(r"\s*" + EXTENSION_MARK + r"\s*(\d+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class StaffPhone:
    """One line of an office's public staff phone list (承辦人電話)."""

    name: str
    title: str
    duties: str
    phone: str

    @property
    def number(self):
        """The phone without its extension (06-9921145)."""
        return _EXTENSION.sub("", self.phone)

    @property
    def extension(self):
        """The extension ("21"), or ""."""
        found = _EXTENSION.search(self.phone)
        return found.group(1) if found else ""


def staff_phone_list(office):
    """The office's public staff phone list, from the staff profiles the case query also
    uses: active accounts of that office with a name and a phone, as name (in the office's
    order, core.i18n.person_name), title, duties and phone, in extension order. Nothing
    else of a staff member (no e-mail, no username) is shown to the public."""
    from huzheng.core.i18n import person_name

    # A kept page with the list goes stale when a profile or an account changes.
    pagecache.depends_on("staff")
    if office is None:
        return []
    profiles = (
        StaffProfile.objects.filter(office=office, user__is_active=True)
        .exclude(phone="")
        .exclude(user__first_name="", user__last_name="")
        .select_related("user")
    )
    rows = [
        StaffPhone(person_name(p.user), p.title, p.duties, p.phone)
        for p in profiles
        if (p.user.first_name or p.user.last_name).strip()
    ]
    return sorted(rows, key=lambda row: (normalize_phone(row.phone), row.name))
