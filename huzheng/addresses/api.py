"""House numbers in the API (村里門牌查詢): GET /api/v1/addresses/search?q=…

Public and read-only. The rule is housenumbers.search, the same as /addresses/'s."""

from ninja import Field, Query, Router, Schema

from huzheng.addresses import housenumbers
from huzheng.core.errors import ApiError
from huzheng.core.services import get_office

router = Router(tags=["addresses"], auth=None)


class SearchQuery(Schema):
    # No max_length here: an over-long q gets the same clear message as the web page.
    q: str = Field("", description="an address, for example 中正路二段5號; at most 100 characters")
    office: str = Field("", max_length=40, description="an office code, for example huxi")
    limit: int = Field(housenumbers.DEFAULT_LIMIT, ge=1, le=housenumbers.MAX_LIMIT)


class HouseNumberOut(Schema):
    address: str = Field(..., description="the street address on the plate")
    village: str
    neighbourhood: int | None = Field(None, description="the 鄰 number")
    status: str = Field(..., description="current or abolished")


class SearchOut(Schema):
    results: list[HouseNumberOut]


class ErrorOut(Schema):
    code: str
    message: str


@router.get(
    "/search",
    response={200: SearchOut, 404: ErrorOut, 422: ErrorOut},
    summary="Find house numbers by address, with village and neighbourhood",
)
def search(request, params: Query[SearchQuery]):
    """Tolerant of 台/臺, full-width digits and 二段/2段; exact matches first."""
    office = get_office(params.office) if params.office else None
    try:
        houses = housenumbers.search(params.q, office=office, limit=params.limit)
    except housenumbers.AddressQueryError as exc:
        raise ApiError(422, "invalid_address", exc.message) from None
    return {
        "results": [
            {
                "address": housenumbers.street_address(house),
                "village": house.village.name,
                "neighbourhood": house.neighbourhood.number if house.neighbourhood_id else None,
                "status": house.status,
            }
            for house in houses
        ]
    }
