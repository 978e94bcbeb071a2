"""The ticket kiosk (取號機): a registered kiosk (or counter staff) signs in once, then
citizens pick a service, the priority line (優先服務) or an appointment check-in (預約報到),
and get a printed ticket (號碼牌) with a QR code to follow it on their phone.

Every choice form carries an idempotency key made when it is shown, so a double tap or a
retried submission gives one ticket."""

import uuid

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.catalog.models import Category
from huzheng.core import ratelimit
from huzheng.core.i18n import localized
from huzheng.core.qr import qr_svg
from huzheng.core.services import (
    get_office_or_404,
    opening_status,
    weekly_hours,
)
from huzheng.queueing import services
from huzheng.queueing.models import Kiosk, Series, Ticket

# The session remembers the signed-in kiosk per office: {office pk: kiosk pk}.
SESSION_KEY = "queueing_kiosks"
# Seconds the printed ticket stays on screen before the kiosk returns to its start.
RETURN_SECONDS = 20
CHECK_IN = "check-in"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk(request, office):
    """The kiosk's screens: start, a category's services, priority, check-in; POST issues."""
    office = get_office_or_404(office)
    user_kiosk, allowed = _signed_in(request, office)
    if not allowed:
        return redirect("queueing:kiosk_sign_in", office=office.code)
    try:
        services.ensure_open(office)
    except services.QueueError as closed:
        status = closed.status if request.method == "POST" else 200
        return _closed(request, office, closed, status=status)
    if request.method == "POST":
        return _issue(request, office, user_kiosk)
    return _render_kiosk(request, office, _choice_from(request.GET))


# The check-in screen may use the kiosk's camera to read a booking's QR code; every other
# page keeps the camera off (settings.PERMISSIONS_POLICY).
CAMERA_POLICY = settings.PERMISSIONS_POLICY.replace("camera=()", "camera=(self)")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request, office):
    """Sign a kiosk in with its device token; the kiosk id is kept in the session."""
    office = get_office_or_404(office)
    error = ""
    status = 200
    if request.method == "POST":
        try:
            ratelimit.check_lookup(request, "kiosk-token")
        except ratelimit.TooManyLookups:
            return ratelimit.too_many_lookups_page(request)
        token = str(request.POST.get("token", ""))
        found = services.authenticate_kiosk(token, office)
        if found is None:
            ratelimit.lookup_missed(request, "kiosk-token")
        else:
            request.session.cycle_key()
            kiosks = dict(request.session.get(SESSION_KEY) or {})
            kiosks[str(office.pk)] = found.pk
            request.session[SESSION_KEY] = kiosks
            return redirect("queueing:kiosk", office=office.code)
        error = _(
            "This device token is not valid for a kiosk of this office. Check the token "
            "shown when the kiosk was registered, or ask the office's administrator."
        )
        status = 400
    return render(
        request,
        "queueing/kiosk_sign_in.html",
        {"office": office, "error": error, "staff_may_use": True},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def printed_ticket(request, office, ticket_id):
    """The ticket as the kiosk prints it (80 mm roll), with a big number on screen."""
    office = get_office_or_404(office)
    _user_kiosk, allowed = _signed_in(request, office)
    if not allowed:
        return redirect("queueing:kiosk_sign_in", office=office.code)
    ticket = _ticket(office, ticket_id)
    # The same figures as the ticket's page and the API: one forecast.
    ahead, minutes = services.ticket_position(ticket)
    status_url = request.build_absolute_uri(
        reverse("queueing:ticket", kwargs={"office": office.code, "ticket_id": ticket.pk})
    )
    return render(
        request,
        "queueing/kiosk_ticket.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "ticket": ticket,
            "series_name": ticket.series.display_name(_language()),
            "service_name": _service_name(ticket.service),
            "ahead": ahead,
            "minutes": minutes,
            "issued_at": timezone.localtime(ticket.issued_at),
            "is_today": ticket.date == timezone.localdate(),
            "status_url": status_url,
            "qr": qr_svg(
                status_url,
                label=_("QR code: follow ticket %(number)s on your phone")
                % {"number": ticket.label},
            ),
            "return_seconds": RETURN_SECONDS,
            "auto_print": request.GET.get("print") == "1",
        },
    )


# --- helpers ---------------------------------------------------------------------------------


def _signed_in(request, office):
    """(kiosk or None, allowed): a kiosk of this office signed in on this device, or staff
    who may serve at this office (who issue as themselves, without a kiosk)."""
    kiosks = request.session.get(SESSION_KEY) or {}
    kiosk_id = kiosks.get(str(office.pk)) if isinstance(kiosks, dict) else None
    if kiosk_id is not None:
        found = Kiosk.objects.filter(pk=kiosk_id, office=office, is_active=True).first()
        if found is not None:
            return found, True
    return None, services.can_serve(request.user, office)


def _ticket(office, ticket_id):
    ticket = (
        Ticket.objects.select_related("series", "service", "office")
        .filter(pk=ticket_id, office=office)
        .first()
    )
    if ticket is None:
        raise Http404("ticket")
    return ticket


def _choice_from(params):
    """The screen asked for by the query string; anything unknown is the start screen."""
    category = str(params.get("category", ""))
    return {
        "priority": params.get("priority") == "1",
        "category": category if category in Category.values else "",
        "check_in": params.get("mode") == CHECK_IN,
    }


def _render_kiosk(request, office, choice, *, error="", code="", status=200):
    groups = _service_groups(office)
    category_label = dict(Category.choices).get(choice["category"], "")
    category_services = next(
        (g["services"] for g in groups if g["category"] == choice["category"]), []
    )
    response = render(
        request,
        "queueing/kiosk.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "groups": groups,
            "choice": choice,
            "category_label": category_label,
            "category_services": category_services,
            "has_catch_all": services.catch_all_series(office) is not None,
            "has_priority": services.has_series(office, Series.Kind.PRIORITY),
            "has_check_in": services.has_series(office, Series.Kind.CHECK_IN),
            "idempotency_key": uuid.uuid4().hex,
            "error": error,
            "code": code,
            "check_in_value": CHECK_IN,
            "keypad_keys": services.check_in_keys(),
            "code_length": services.check_in_code_length(),
        },
        status=status,
    )
    if choice["check_in"]:
        response["Permissions-Policy"] = CAMERA_POLICY
    return response


def _issue(request, office, user_kiosk):
    post = request.POST
    choice = {
        "priority": post.get("priority") == "1",
        "category": "",
        "check_in": post.get("action") == "check_in",
    }
    raw_category = str(post.get("category", ""))
    if raw_category in Category.values:
        choice["category"] = raw_category
    key = _idempotency_key(post.get("key"))
    if key is None:
        return _render_kiosk(
            request,
            office,
            choice,
            error=_("This screen was out of date. Please make your choice again."),
            status=400,
        )
    user = request.user if user_kiosk is None else None
    code = ""
    try:
        if choice["check_in"]:
            code = services.normalise_appointment_code(post.get("code"))
            ticket = _check_in(office, code, user_kiosk, user, key)
        else:
            service = _chosen_service(office, post.get("service"))
            ticket, _created = services.issue_ticket(
                office,
                service=service,
                priority=choice["priority"],
                kiosk=user_kiosk,
                user=user,
                idempotency_key=key,
            )
    except _BadChoice:
        return _render_kiosk(
            request,
            office,
            choice,
            error=_("That service is not offered at this kiosk. Please choose one from the list."),
            status=400,
        )
    except services.QueueError as exc:
        if exc.code == "office_closed":
            return _closed(request, office, exc, status=exc.status)
        return _render_kiosk(
            request, office, choice, error=exc.message, code=code[:20], status=exc.status
        )
    url = reverse("queueing:kiosk_ticket", kwargs={"office": office.code, "ticket_id": ticket.pk})
    return redirect(f"{url}?print=1")


class _BadChoice(Exception):
    """The posted service is not one this kiosk offers."""


def _chosen_service(office, raw):
    """The posted service, or None for "other / not sure" (the catch-all series)."""
    raw = str(raw or "").strip()
    if raw in ("", "other"):
        return None
    if not raw.isdigit() or len(raw) > 9:
        raise _BadChoice
    offered = {s["pk"]: s["obj"] for g in _service_groups(office) for s in g["services"]}
    service = offered.get(int(raw))
    if service is None:
        raise _BadChoice
    return service


def _check_in(office, code, user_kiosk, user, key):
    ticket, _created = services.check_in(
        office, code, kiosk=user_kiosk, user=user, idempotency_key=key
    )
    return ticket


def _closed(request, office, error, *, status=200):
    opening = opening_status(office)
    return render(
        request,
        "queueing/kiosk_closed.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "message": error.message,
            "next_opens_at": opening.next_opens_at,
            "hours": weekly_hours(office),
        },
        status=status,
    )


def _service_groups(office):
    """The services this office's kiosk offers, grouped by catalog category in the
    catalog's order: those its regular series list, and every other service when a
    catch-all series takes them."""
    by_category = {}
    for service in services.kiosk_services(office):
        by_category.setdefault(service.category, []).append(service)
    language = _language()
    return [
        {
            "category": value,
            "label": label,
            "services": [
                {"pk": s.pk, "name": _service_name(s, language), "obj": s}
                for s in by_category[value]
            ],
        }
        for value, label in Category.choices
        if value in by_category
    ]


def _idempotency_key(raw):
    try:
        return uuid.UUID(str(raw or "")[:64]).hex
    except ValueError:
        return None


def _language():
    return get_language() or "zh-hant"


def _service_name(service, language=None):
    return localized(service, language=language) if service is not None else ""
