"""ID cards in the API: the validity check (國民身分證領補換資料查詢) banks and shops use.

Public, no sign-in. The answer is one of three words and nothing else; a malformed or
failed-checksum number is a 422 with a clear message; too many failures are a 429.
"""

from ninja import Field, Router, Schema

from huzheng.core.errors import ApiError
from huzheng.core.ratelimit import client_key
from huzheng.idcards import services
from huzheng.idcards.services import IdCardError

router = Router(tags=["idcards"], auth=None)


class ValidityIn(Schema):
    national_id: str = Field(..., max_length=40, description="checked, never sent back")
    issue_date: str = Field(..., max_length=30, description="YYYY-MM-DD (or ROC 115/1/5)")
    issue_type: str = Field(..., max_length=20, description="first | reissue | replacement")
    issue_place: str = Field(
        ..., max_length=20, description="area code (10016) or county name (澎湖縣)"
    )


class ValidityOut(Schema):
    result: str = Field(..., description="latest | not_latest | reported_lost")


class ErrorOut(Schema):
    code: str
    message: str


@router.post(
    "/validity",
    response={200: ValidityOut, 422: ErrorOut, 429: ErrorOut},
    summary="Is this the latest ID card?",
)
def validity(request, payload: ValidityIn):
    try:
        result = services.check_validity(
            payload.national_id,
            payload.issue_date,
            payload.issue_type,
            payload.issue_place,
            client=client_key(request),
        )
    except IdCardError as exc:
        extra = {"field": exc.field} if exc.field else {}
        raise ApiError(exc.status, exc.code, str(exc.message), **extra) from None
    return {"result": result}
