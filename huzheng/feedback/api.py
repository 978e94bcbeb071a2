"""The mailboxes in the API: POST /api/v1/feedback/messages writes to the opinion or the
director's mailbox (the message counts once the e-mailed link is followed), and GET
/api/v1/feedback/statistics gives an office's monthly figures, counts only."""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from huzheng.core.errors import ApiError
from huzheng.core.ratelimit import client_key
from huzheng.core.services import get_office_or_404
from huzheng.feedback import services, statistics

router = Router(tags=["feedback"], auth=None)


class MessageIn(Schema):
    office: str = Field(..., max_length=32, description="office code, for example huxi")
    mailbox: str = Field("opinion", max_length=20, description='"opinion" or "director"')
    name: str = Field(..., max_length=300)
    email: str = Field(..., max_length=300)
    subject: str = Field(..., max_length=600)
    body: str = Field(..., max_length=20000)
    phone: str = Field("", max_length=60)


class MessageOut(Schema):
    number: str
    status: str = Field(..., description='"unconfirmed" until the e-mailed link is followed')
    received_on: str = Field(..., description="YYYY-MM-DD")
    due_on: str = Field(..., description="YYYY-MM-DD, the third working day after receipt")


@router.post(
    "/messages",
    response={201: MessageOut},
    summary="Write to a mailbox",
    openapi_extra={"responses": {422: {"description": "bad input, a message per field"}}},
)
def write(request, payload: MessageIn):
    office = get_office_or_404(payload.office)
    try:
        message = services.submit_web_message(
            office=office,
            mailbox=payload.mailbox,
            name=payload.name,
            email=payload.email,
            subject=payload.subject,
            body=payload.body,
            phone=payload.phone,
            client=client_key(request),
        )
    except services.TooManyAttempts:
        raise ApiError(429, "too_many_attempts", str(services.TOO_MANY_MESSAGE)) from None
    except services.FeedbackError as exc:
        errors = [{"field": field, "message": str(text)} for field, text in exc.errors.items()]
        status = 403 if exc.code == "blocked" else 422
        code = "invalid" if errors else exc.code
        raise ApiError(status, code, str(exc.message), errors=errors) from None
    return Status(
        201,
        {
            "number": message.number,
            "status": message.status,
            "received_on": message.received_on.isoformat(),
            "due_on": message.due_on.isoformat(),
        },
    )


class MonthOut(Schema):
    month: str = Field(..., description="YYYY-MM")
    received: int
    by_channel: dict[str, int]
    by_category: dict[str, int]
    answered: int
    answered_in_time: int
    share_in_time: float | None = Field(None, description="0–1 of the answered")
    first_reply_days: float | None = Field(None, description="mean working days to reply")
    rated: int
    satisfaction: float | None = Field(None, description="mean of 1–5")


class StatisticsOut(Schema):
    office: str
    months: list[MonthOut]


@router.get("/statistics", response={200: StatisticsOut}, summary="Monthly figures of an office")
def office_statistics(request, office: str, months: int = 12):
    office_row = get_office_or_404(office)
    if not 1 <= months <= 60:
        raise ApiError(422, "invalid", _("Ask for 1 to 60 months."))
    return {"office": office_row.code, "months": statistics.monthly(office_row, months=months)}
