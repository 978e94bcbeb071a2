"""The plan's indicators as open data: GET /api/v1/quality/<office>/indicators."""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from huzheng.core.errors import ApiError
from huzheng.core.services import get_office
from huzheng.quality import services
from huzheng.quality.models import Plan

router = Router(tags=["quality"], auth=None)


class IndicatorOut(Schema):
    key: str = Field(..., description="stable, for example queue.wait_p90")
    name: str
    value: float | None = Field(None, description="null when there is nothing to measure")
    unit: str
    target: float | None = Field(None, description="the office's plan's target, if any")
    better: str = Field(..., description="higher or lower")
    period: str = Field(..., description="2026-11 for a month, 2026 for a year")
    computed_at: str = Field(..., description="ISO 8601")


class IndicatorsOut(Schema):
    office: str
    period: str
    indicators: list[IndicatorOut]


@router.get(
    "/{office}/indicators",
    response={200: IndicatorsOut},
    summary="An office's service-quality indicators over a month or a year",
)
def indicators(request, office: str, period: str = ""):
    target = get_office(office)  # OfficeNotFound: the API answers 404 office_not_found
    try:
        span = services.parse_period(period)
    except ValueError:
        raise ApiError(
            422,
            "invalid_period",
            _("The period is a month such as 2026-11 or a year such as 2026."),
        ) from None
    plan = Plan.objects.filter(office=target, year=span.first.year).first()
    rows = services.indicator_figures(target, span, plan=plan)
    return {"office": target.code, "period": span.key, "indicators": rows}
