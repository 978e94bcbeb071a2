"""The progress query in the API: POST /api/v1/cases/query (申辦案件查詢).

Public, no sign-in: a partner's site or an app sends the case number with the
applicant's ID number or birth date. Every wrong fact gets the same 404; too many
failures from one client or for one case number get 429."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from huzheng.cases import services
from huzheng.core.errors import ApiError
from huzheng.core.ratelimit import client_key
from huzheng.surveys.services import case_survey_url

router = Router(tags=["cases"], auth=None)


class QueryIn(Schema):
    case_number: str = Field(..., max_length=60, description="for example 115-HUXI-000123")
    national_id: str | None = Field(None, max_length=40, description="never stored or sent back")
    birth_date: str | None = Field(None, max_length=30, description="YYYY-MM-DD, or ROC as 79/5/1")


class StageOut(Schema):
    stage: str
    label: str
    at: str | None = Field(None, description="ISO 8601 with the +08:00 offset")
    reached: bool
    current: bool


class ProgressOut(Schema):
    case_number: str
    stage: str
    stage_label: str
    stages: list[StageOut]
    expected_completion: str | None = Field(None, description="YYYY-MM-DD")
    office_phone: str
    clerk_phone: str = Field("", description="the assigned clerk's phone; empty when none")
    survey_url: str | None = Field(None, description="one-time survey link once closed")


@router.post(
    "/query",
    response={200: ProgressOut},
    summary="A case's progress",
    openapi_extra={"responses": {404: {"description": "no case matches these facts"}}},
)
def query(request, payload: QueryIn):
    national_id = (payload.national_id or "").strip() or None
    birth_date = None
    if national_id is None:
        if not (payload.birth_date or "").strip():
            raise ApiError(
                422, "invalid", _("Please enter the applicant's ID number or birth date.")
            )
        try:
            birth_date = services.parse_birth_date(payload.birth_date)
        except ValidationError as exc:
            raise ApiError(422, "invalid_birth_date", " ".join(exc.messages)) from None
    try:
        progress = services.guarded_query(
            payload.case_number,
            client=client_key(request),
            national_id=national_id,
            birth_date=birth_date,
        )
    except services.TooManyAttempts:
        raise ApiError(429, "too_many_attempts", str(services.TOO_MANY_MESSAGE)) from None
    except services.CaseNotFound:
        raise ApiError(404, "not_found", str(services.NOT_FOUND_MESSAGE)) from None
    return {
        "case_number": progress.number,
        "stage": progress.stage,
        "stage_label": progress.stage_label,
        "stages": [
            {
                "stage": line.stage,
                "label": line.label,
                "at": timezone.localtime(line.at).isoformat() if line.at else None,
                "reached": line.reached,
                "current": line.current,
            }
            for line in progress.timeline
        ],
        "expected_completion": progress.expected_on.isoformat() if progress.expected_on else None,
        "office_phone": progress.phone,
        "clerk_phone": progress.clerk_phone,
        "survey_url": _survey_url(request, progress),
    }


def _survey_url(request, progress):
    if progress.stage != "closed":
        return None
    from huzheng.cases.models import Case

    path = case_survey_url(Case.objects.select_related("office").get(number=progress.number))
    return request.build_absolute_uri(path) if path else None
