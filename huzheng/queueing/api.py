"""The queue in the API (叫號): kiosks issue tickets, boards and live pages read the state,
staff call and serve; and the marquee (跑馬燈) that display boards poll.

Only registered kiosks (`Authorization: Kiosk <token>`) and signed-in staff issue
tickets; staff actions need a staff session (with its CSRF token). Every endpoint calls
the same service functions as the pages, so a rule is written once.
"""

import datetime as dt
import uuid

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.security import HttpBearer, SessionAuth

from huzheng.catalog.services import ServiceNotFound, get_service
from huzheng.core import pagecache
from huzheng.core.errors import ApiError
from huzheng.core.i18n import localized
from huzheng.core.services import demo_mode_applies, get_office, opening_status
from huzheng.queueing import services
from huzheng.queueing.models import Counter, Kiosk, Series, Ticket
from huzheng.surveys.services import ticket_survey_url

router = Router(tags=["queue"])


# --- who may issue and serve ----------------------------------------------------------------


class KioskAuth(HttpBearer):
    """A registered kiosk, from `Authorization: Kiosk <token>` (an HTTP authentication
    scheme of our own, so the OpenAPI schema names it)."""

    openapi_scheme = "kiosk"
    openapi_description = "A registered kiosk: `Authorization: Kiosk <token>`."

    def authenticate(self, request, token):
        return services.authenticate_kiosk(token) if token else None


kiosk_auth = KioskAuth()


class StaffSession(SessionAuth):
    """A signed-in staff member (the session cookie, with the CSRF token)."""

    def __call__(self, request):
        # Without a staff session there is nothing to protect from CSRF: answer 401
        # (a kiosk with a wrong token), not ninja's 403 "CSRF check failed".
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        return super().__call__(request)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_staff else None


staff_session = StaffSession()


def _issuer(request, office):
    """(kiosk, user) allowed to issue at this office, or a 403 error."""
    auth = request.auth
    if isinstance(auth, Kiosk):
        if auth.office_id != office.pk:
            raise ApiError(403, "wrong_office", _("This kiosk is registered at another office."))
        return auth, None
    if not services.can_serve(auth, office):
        raise ApiError(403, "forbidden", _("You may not issue tickets at this office."))
    return None, auth


def _staff(request, office):
    if not services.can_serve(request.user, office):
        raise ApiError(403, "forbidden", _("You may not serve tickets at this office."))
    return request.user


# --- schemas ---------------------------------------------------------------------------------


class TicketIn(Schema):
    service: str = Field(..., min_length=1, max_length=80, description="a service slug")
    idempotency_key: str = Field(..., min_length=1, max_length=100)
    priority: bool = False


class CheckInIn(Schema):
    # Checked by services.check_in, the same rule as at the kiosk.
    appointment_code: str = Field(..., min_length=1, max_length=40)
    idempotency_key: str = Field(..., min_length=1, max_length=100)


class TicketOut(Schema):
    id: uuid.UUID
    number: str
    series: str
    series_name: str
    service: str | None
    service_name: str | None
    status: str
    status_label: str
    people_ahead: int | None
    estimated_wait_minutes: int | None
    counter: int | None
    issued_at: dt.datetime
    called_at: dt.datetime | None
    date: dt.date
    status_url: str
    survey_url: str | None = None


class SeriesStateOut(Schema):
    letter: str
    name: str
    name_en: str
    kind: str
    now_serving: str | None
    waiting: int
    # For a ticket of the series taken now, from the same forecast as a ticket's own.
    people_ahead: int | None
    estimated_wait_minutes: int | None


class CounterStateOut(Schema):
    number: int
    name: str
    state: str
    serving: str | None
    series: list[str]


class CallOut(Schema):
    id: int
    ticket: str
    series: str
    counter: int
    at: dt.datetime
    is_recall: bool


class StatusOut(Schema):
    office: str
    date: dt.date
    open: bool
    opening_state: str
    generated_at: dt.datetime
    event_id: int
    waiting_total: int
    waiting_priority: int
    series: list[SeriesStateOut]
    counters: list[CounterStateOut]
    calls: list[CallOut]


class TransferIn(Schema):
    series: str | None = Field(None, max_length=2)
    counter: int | None = Field(None, ge=1, le=999)


class CounterStateIn(Schema):
    state: str = Field(..., pattern="^(open|paused|closed)$")


class ErrorOut(Schema):
    code: str
    message: str


# --- tickets and the state of the line ----------------------------------------------------------


@router.post(
    "/{office}/tickets",
    response={200: TicketOut, 201: TicketOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=[kiosk_auth, staff_session],
    summary="Issue a ticket (kiosks and staff); the same idempotency key returns the same ticket",
)
def issue_ticket(request, office: str, data: TicketIn):
    found = get_office(office)
    kiosk, user = _issuer(request, found)
    try:
        service = get_service(data.service)
    except ServiceNotFound:
        raise ApiError(
            422,
            "service_not_found",
            _("There is no service “%(slug)s”.") % {"slug": data.service[:80]},
        ) from None
    ticket, created = services.issue_ticket(
        found,
        service=service,
        priority=data.priority,
        kiosk=kiosk,
        user=user,
        idempotency_key=data.idempotency_key,
    )
    return Status(201 if created else 200, _ticket_out(request, ticket, just_issued=created))


@router.post(
    "/{office}/check-in",
    response={200: TicketOut, 201: TicketOut, 403: ErrorOut, 409: ErrorOut},
    auth=[kiosk_auth, staff_session],
    summary="Check in an appointment by its code: a ticket in the check-in series",
)
def check_in(request, office: str, data: CheckInIn):
    found = get_office(office)
    kiosk, user = _issuer(request, found)
    ticket, created = services.check_in(
        found, data.appointment_code, kiosk=kiosk, user=user, idempotency_key=data.idempotency_key
    )
    return Status(201 if created else 200, _ticket_out(request, ticket, just_issued=created))


@router.get(
    "/{office}/status",
    response=StatusOut,
    summary="The line now: per series the number served, waiting count and wait; counters; calls",
)
def status(request, office: str, response: HttpResponse):
    found = get_office(office)
    pagecache.mark_public()  # kept until the office's queue changes (queue_status says so)
    response["Cache-Control"] = "no-cache"
    return status_payload(found)


def status_payload(office):
    """The status JSON, shared with the pages that render it first on the server."""
    opening = opening_status(office)
    return {
        **services.queue_status(office),
        "open": opening.is_open or demo_mode_applies(office),
        "opening_state": opening.state,
        "generated_at": timezone.now(),
    }


@router.get(
    "/{office}/tickets/{ticket_id}",
    response=TicketOut,
    summary="One ticket's status: people ahead, estimated wait, the counter when called",
)
def ticket_detail(request, office: str, ticket_id: uuid.UUID):
    found = get_office(office)
    ticket = get_object_or_404(
        Ticket.objects.select_related("series", "service", "counter"), pk=ticket_id, office=found
    )
    return _ticket_out(request, ticket)


# --- staff actions ---------------------------------------------------------------------------


@router.post(
    "/{office}/counters/{number}/call-next",
    response={200: TicketOut, 403: ErrorOut, 409: ErrorOut},
    auth=staff_session,
    summary="Call the next ticket to a counter (staff)",
)
def call_next(request, office: str, number: int):
    found = get_office(office)
    user = _staff(request, found)
    counter = get_object_or_404(Counter, office=found, number=number)
    return Status(200, _ticket_out(request, services.call_next(counter, user=user)))


@router.post(
    "/{office}/counters/{number}/state",
    response={200: CounterStateOut, 403: ErrorOut, 409: ErrorOut},
    auth=staff_session,
    summary="Open, pause or close a counter (staff)",
)
def counter_state(request, office: str, number: int, data: CounterStateIn):
    found = get_office(office)
    user = _staff(request, found)
    counter = get_object_or_404(Counter, office=found, number=number)
    counter = services.set_counter_state(counter, data.state, user=user)
    current = services.current_ticket(counter)
    return Status(
        200,
        {
            "number": counter.number,
            "name": str(counter),
            "state": counter.state,
            "serving": current.label if current else None,
            "series": [s.letter for s in counter.served_series()],
        },
    )


@router.post(
    "/{office}/tickets/{ticket_id}/transfer",
    response={200: TicketOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    auth=staff_session,
    summary="Transfer a ticket to another series or counter (staff)",
)
def transfer(request, office: str, ticket_id: uuid.UUID, data: TransferIn):
    found = get_office(office)
    user = _staff(request, found)
    ticket = get_object_or_404(Ticket, pk=ticket_id, office=found)
    series = counter = None
    if data.series:
        series = Series.objects.filter(office=found, letter=data.series.upper()).first()
        if series is None:
            raise ApiError(422, "transfer_target", _("That series is not one of this office's."))
    if data.counter:
        counter = Counter.objects.filter(office=found, number=data.counter).first()
        if counter is None:
            raise ApiError(422, "transfer_target", _("That counter is not one of this office's."))
    moved = services.transfer(ticket, series=series, counter=counter, user=user)
    return Status(200, _ticket_out(request, moved))


_ACTIONS = {
    "recall": services.recall,
    "start": services.start_service,
    "finish": services.finish,
    "no-show": services.mark_no_show,
    "return": services.return_to_line,
}


@router.post(
    "/{office}/tickets/{ticket_id}/{action}",
    response={200: TicketOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=staff_session,
    summary="recall, start, finish, no-show or return a ticket (staff)",
)
def ticket_action(request, office: str, ticket_id: uuid.UUID, action: str):
    found = get_office(office)
    user = _staff(request, found)
    if action not in _ACTIONS:
        raise ApiError(404, "not_found", _("Not found."))
    ticket = get_object_or_404(Ticket, pk=ticket_id, office=found)
    return Status(200, _ticket_out(request, _ACTIONS[action](ticket, user=user)))


def _ticket_out(request, ticket, *, just_issued=False):
    language = get_language() or "zh-hant"
    ahead, minutes = services.ticket_position(ticket, just_issued=just_issued)
    service = ticket.service
    return {
        "id": ticket.pk,
        "number": ticket.label,
        "series": ticket.series.letter,
        "series_name": ticket.series.display_name(language),
        "service": service.slug if service else None,
        "service_name": (localized(service, language=language) if service else None),
        "status": ticket.status,
        "status_label": str(ticket.get_status_display()),
        "people_ahead": ahead,
        "estimated_wait_minutes": minutes,
        "counter": ticket.counter.number if ticket.counter_id else None,
        "issued_at": ticket.issued_at,
        "called_at": ticket.called_at,
        "date": ticket.date,
        "status_url": request.build_absolute_uri(
            reverse("queueing:ticket", args=[ticket.office.code, ticket.pk])
        ),
        "survey_url": _absolute(request, ticket_survey_url(ticket)),
    }


def _absolute(request, path):
    return request.build_absolute_uri(path) if path else None


class MarqueeMessageOut(Schema):
    id: int
    kind: str
    kind_label: str
    text: str
    text_zh: str
    text_en: str
    reason: str
    expected_end: dt.datetime | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_offices: bool


class MarqueeOut(Schema):
    office: str
    generated_at: dt.datetime
    refresh_seconds: int
    messages: list[MarqueeMessageOut]


@router.get(
    "/{office}/marquee",
    response=MarqueeOut,
    summary="The marquee messages showing now at an office, system outages first",
)
def marquee(request, office: str, response: HttpResponse):
    found = get_office(office)
    pagecache.mark_public()
    language = get_language() or "zh-hant"
    messages = services.current_messages(found)
    response["Cache-Control"] = f"public, max-age={services.CACHE_SECONDS // 2}"
    return {
        "office": found.code,
        "generated_at": timezone.now(),
        "refresh_seconds": services.CACHE_SECONDS,
        "messages": [
            {
                "id": m.pk,
                "kind": m.kind,
                "kind_label": str(m.get_kind_display()),
                "text": m.display_text(language),
                "text_zh": m.text,
                "text_en": m.text_en,
                "reason": m.reason,
                "expected_end": m.expected_end,
                "starts_at": m.starts_at,
                "ends_at": m.ends_at,
                "all_offices": m.office_id is None,
            }
            for m in messages
        ],
    }
