"""Comparing and searching addresses of house numbers (門牌).

``normalise`` is the one way an address becomes a comparable key: imports store it,
searches look for it. It is tolerant of what people type — 台 for 臺, full-width digits,
二段 for 2段, 12-1 for 12之1, spaces and punctuation — while the parts are shown as
stored.
"""

import re

from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.utils.translation import gettext as _

from huzheng.addresses.models import HouseNumber, Neighbourhood, Village
from huzheng.addresses.writing import (
    normalise,
    normalise_name,
)
from huzheng.core.text import clean_line

MAX_QUERY_LENGTH = 100
DEFAULT_LIMIT = 20
MAX_LIMIT = 100

_NEIGHBOURHOOD_PREFIX = re.compile(r"^第?(\d{1,3})鄰")


class AddressQueryError(ValueError):
    """A search that cannot be run; the message says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------------------
# Comparing addresses


# ---------------------------------------------------------------------------------------
# Searching


def clean_query(raw):
    """The query as typed, without control characters; AddressQueryError if it is empty
    or longer than MAX_QUERY_LENGTH characters."""
    query = clean_line(raw)
    if not query:
        raise AddressQueryError(_("Please enter an address, for example 中正路二段5號."))
    if len(query) > MAX_QUERY_LENGTH:
        raise AddressQueryError(
            _("The address is too long: at most %(max)s characters.") % {"max": MAX_QUERY_LENGTH}
        )
    return query


def search(q, office=None, limit=DEFAULT_LIMIT):
    """House numbers matching an address as typed, exact matches first, each with its
    village and neighbourhood. The address may start with the county, the township, the
    village and the 鄰; the rest is matched within the street address."""
    query = clean_query(q)
    key = normalise(query)
    if not key:
        raise AddressQueryError(_("Please write the address with letters and numbers."))
    limit = max(1, min(int(limit or DEFAULT_LIMIT), MAX_LIMIT))
    houses = HouseNumber.objects.select_related("village", "neighbourhood", "road", "office")
    if office is not None:
        houses = houses.filter(office=office)
    key = _strip_area_prefix(key, office)
    village, key = _village_prefix(key, office)
    if village:
        houses = houses.filter(village__name__in=village)
    match = _NEIGHBOURHOOD_PREFIX.match(key)
    if match:
        houses = houses.filter(neighbourhood__number=int(match.group(1)))
        key = key[match.end() :]
    if not key and not village:
        raise AddressQueryError(
            _("Please add the road, area or number you are looking for, for example 中正路5號.")
        )
    if key:
        houses = houses.filter(key__contains=key).annotate(
            rank=Case(
                When(key=key, then=Value(0)),
                When(key__startswith=key, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
    else:
        houses = houses.annotate(rank=Value(0, output_field=IntegerField()))
    in_use_first = Case(
        When(status=HouseNumber.Status.CURRENT, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return list(houses.order_by("rank", in_use_first, "village__sort_order", "key")[:limit])


def list_streets(village):
    """The roads and area names of a village's house numbers in use, with how many numbers
    each has: [{"name": "中正路二段", "road_id": 3 or None, "count": 12}]."""
    rows = (
        HouseNumber.objects.filter(village=village, status=HouseNumber.Status.CURRENT)
        .values("road_id", "road__name", "road__section", "area")
        .annotate(count=Count("pk"))
    )
    streets = [
        {
            "name": (row["road__name"] + row["road__section"]) if row["road_id"] else row["area"],
            "road_id": row["road_id"],
            "count": row["count"],
        }
        for row in rows
    ]
    return sorted(streets, key=lambda s: (s["road_id"] is None, normalise(s["name"])))


def neighbourhoods(village):
    """The village's neighbourhoods with how many house numbers in use each has."""
    current = Q(house_numbers__status=HouseNumber.Status.CURRENT)
    return list(
        Neighbourhood.objects.filter(village=village)
        .annotate(count=Count("house_numbers", filter=current))
        .order_by("number")
    )


def _strip_area_prefix(key, office):
    """Drop the county and township a person may write first (澎湖縣湖西鄉…)."""
    prefixes = ["臺灣省"]
    if office is not None:
        prefixes += [normalise(office.county), normalise(office.township)]
    for prefix in prefixes:
        if prefix and key.startswith(prefix):
            key = key[len(prefix) :]
    return key


def _village_prefix(key, office):
    """([village names], rest) when the key starts with a village's name, else ([], key).
    Only names of real villages count, so a road called 萬里路 is not read as a 里."""
    candidates = {key[:n] for n in range(2, min(len(key), 8) + 1) if key[:n][-1] in "村里"}
    if not candidates:
        return [], key
    spellings = candidates | {c.replace("臺", "台") for c in candidates}
    villages = Village.objects.filter(name__in=spellings)
    if office is not None:
        villages = villages.filter(office=office)
    names = {normalise_name(v.name): v.name for v in villages}
    for candidate in sorted(candidates, key=len, reverse=True):
        if candidate in names:
            wanted = [v.name for v in villages if normalise_name(v.name) == candidate]
            return wanted, key[len(candidate) :]
    return [], key


def numbers_updated_at(**filters):
    """When the house numbers a page shows last changed (its "last updated" date): the
    newest change of the numbers matching the filters (office=…, village=…), or None."""
    return HouseNumber.objects.filter(**filters).aggregate(newest=Max("updated_at"))["newest"]
