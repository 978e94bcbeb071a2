"""Offices in the API: who they are, their hours, whether they are open now."""

import datetime as dt
from typing import Annotated

from django.utils.translation import get_language
from ninja import Router, Schema
from pydantic import WithJsonSchema

from huzheng.core import services
from huzheng.core.models import Office

router = Router(tags=["offices"])


# Local wall-clock times (Asia/Taipei) have no UTC offset, which JSON Schema's "time"
# format requires: say what they are with a pattern instead.
LocalTime = Annotated[
    dt.time,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$",
            "description": "local time in Taiwan, HH:MM:SS",
            "examples": ["08:00:00"],
        }
    ),
]


class OpeningPeriodOut(Schema):
    weekday: int
    opens: LocalTime
    closes: LocalTime
    kind: str


class OpeningStatusOut(Schema):
    state: str
    label: str
    closes_at: dt.datetime | None
    next_opens_at: dt.datetime | None
    reason: str


class OfficeOut(Schema):
    code: str
    name: str
    name_en: str
    county: str
    address: str
    phone: str
    email: str
    status: OpeningStatusOut


class OfficeDetailOut(OfficeOut):
    address_en: str
    fax: str
    opening_hours: list[OpeningPeriodOut]


@router.get("", response=list[OfficeOut], summary="All active offices")
def list_offices(request):
    offices = Office.objects.filter(is_active=True).prefetch_related("opening_periods")
    return [_office_out(o) for o in offices]


@router.get("/{code}", response=OfficeDetailOut, summary="One office, its hours and status")
def office_detail(request, code: str):
    office = services.get_office(code)
    return {
        **_office_out(office),
        "address_en": office.address_en,
        "fax": office.fax,
        "opening_hours": list(office.opening_periods.all()),
    }


def _office_out(office):
    status = services.opening_status(office)
    return {
        "code": office.code,
        "name": office.display_name(get_language() or "zh-hant"),
        "name_en": office.name_en,
        "county": office.county,
        "address": office.address,
        "phone": office.phone,
        "email": office.email,
        "status": {
            "state": status.state,
            "label": str(status.label),
            "closes_at": status.closes_at,
            "next_opens_at": status.next_opens_at,
            "reason": status.reason,
        },
    }
