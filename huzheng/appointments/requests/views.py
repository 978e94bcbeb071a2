"""Citizen pages for home visits (到府服務), group applications (團體申辦) and outreach
sessions (機動櫃檯、到校服務). Thin: parse, call appointments.services, render.

A successful form redirects to its thank-you page (so a reload does not post again);
the code to thank for travels in the visitor's own session, never in the address, so
nobody reads another person's request by guessing a URL.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from huzheng.addresses.models import Village
from huzheng.appointments import services
from huzheng.appointments.models import GroupRequest, HomeVisit, OutreachSession, SessionBooking
from huzheng.appointments.requests.forms import GroupRequestForm, HomeVisitForm, SessionBookingForm
from huzheng.appointments.services import AppointmentError
from huzheng.core.services import office_asked

SESSION_KEY = "huzheng_appointment_requests"
# Larger ids cannot exist, and some databases refuse to even compare them.
MAX_ID = 2**31 - 1


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def home_visit(request):
    office = office_asked(request)

    def submit(data, service, key):
        village = _village(data.pop("village"))
        return services.request_home_visit(
            office, service=service, village=village, idempotency_key=key, **data
        )

    return _request_form(
        request, office, HomeVisitForm(request.POST or None, office=office), submit, "home_visit"
    )


@never_cache
@require_safe
def home_visit_done(request):
    visit = _remembered(request, "home_visit", HomeVisit)
    if visit is None:
        return redirect("appointments:home_visit")
    return render(
        request,
        "appointments/requests/home_visit_done.html",
        {"visit": visit, "office": visit.office},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def group(request):
    office = office_asked(request)

    def submit(data, service, key):
        return services.request_group(office, service=service, idempotency_key=key, **data)

    return _request_form(request, office, GroupRequestForm(request.POST or None), submit, "group")


@never_cache
@require_safe
def group_done(request):
    application = _remembered(request, "group", GroupRequest)
    if application is None:
        return redirect("appointments:group")
    return render(
        request,
        "appointments/requests/group_done.html",
        {"application": application, "office": application.office},
    )


@require_safe
def sessions(request):
    office = office_asked(request)
    found = services.open_sessions(office)
    _attach_services(found)
    return render(
        request,
        "appointments/requests/sessions.html",
        {"sessions": found, "office": office},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def session_detail(request, pk):
    if pk > MAX_ID:
        raise Http404("session")
    session = get_object_or_404(
        OutreachSession.objects.select_related("office"), pk=pk, published=True
    )
    form = SessionBookingForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            booking, _created = services.book_session(
                session,
                idempotency_key=form.cleaned_data["idempotency_key"],
                **form.service_data(),
            )
        except AppointmentError as exc:
            form.add_service_errors(exc)
            status = exc.status
        else:
            _remember(request, "session", booking.code)
            return redirect("appointments:session_booked")
    session.left = services.places_left(session)
    _attach_services([session])
    return render(
        request,
        "appointments/requests/session_detail.html",
        {
            "session": session,
            "office": session.office,
            "form": form,
            "closed": _is_closed(session),
        },
        status=status,
    )


@never_cache
@require_safe
def session_booked(request):
    booking = _remembered(request, "session", SessionBooking)
    if booking is None:
        return redirect("appointments:sessions")
    session = booking.session
    session.left = services.places_left(session)
    return render(
        request,
        "appointments/requests/session_booked.html",
        {"booking": booking, "session": session, "office": session.office},
    )


# --- helpers -------------------------------------------------------------------------


def _request_form(request, office, form, submit, kind):
    """The form of a home visit or a group application: a valid form goes to the service
    through submit(data, service, idempotency key); success redirects to the thank-you
    page, a refusal shows on the form (400)."""
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        service = _service(data.pop("service"), form)
        if service is not None:
            try:
                created, _new = submit(data, service, form.cleaned_data["idempotency_key"])
            except AppointmentError as exc:
                form.add_service_errors(exc)
            else:
                _remember(request, kind, created.code)
                return redirect(_with_office(f"appointments:{kind}_done", office, request))
    return render(
        request,
        f"appointments/requests/{kind}.html",
        {"form": form, "office": office, "action": request.get_full_path()},
        status=400 if request.method == "POST" else 200,
    )


def _with_office(name, office, request):
    """The page's address, keeping the office the visitor chose (?office=)."""
    url = reverse(name)
    if office is not None and request.GET.get("office"):
        return f"{url}?{urlencode({'office': office.code})}"
    return url


def _service(slug, form):
    """The bookable service chosen, or None with the message on the form."""
    if not slug:
        form.add_error("service", _("Please choose the service you need."))
        return None
    try:
        return services.get_bookable_service(slug)
    except AppointmentError as exc:
        form.add_service_errors(exc)
        return None


def _village(value):
    # Any village the database knows goes to the service, which refuses one that is not
    # this office's with its own message; an unknown or malformed id is simply none.
    value = str(value or "")
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        return None
    return Village.objects.filter(pk=int(value)).first()


def _remember(request, kind, code):
    done = request.session.get(SESSION_KEY, {})
    done[kind] = code
    request.session[SESSION_KEY] = done


def _remembered(request, kind, model):
    code = request.session.get(SESSION_KEY, {}).get(kind)
    if not code:
        return None
    return model.objects.filter(code=code).first()


def _attach_services(sessions):
    for session in sessions:
        session.service_list = list(session.services.order_by("sort_order", "name"))


def _is_closed(session):
    return session.starts_at <= timezone.now()
