"""Comparing and searching addresses of house numbers (門牌).

``normalise`` is the one way an address becomes a comparable key: imports store it,
searches look for it. It is tolerant of what people type — 台 for 臺, full-width digits,
二段 for 2段, 12-1 for 12之1, spaces and punctuation — while the parts are shown as
stored.
"""

import re
import unicodedata

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from huzheng.addresses.models import HouseNumber, Neighbourhood, Village
from huzheng.addresses.population.services import normalise_name

MAX_QUERY_LENGTH = 100
DEFAULT_LIMIT = 20
MAX_LIMIT = 100

_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_SECTION = re.compile(r"([零〇一二兩三四五六七八九十]+)段")
SECTION_SUFFIX = re.compile(r"^(?P<name>.+?)(?P<section>(?:[零〇一二兩三四五六七八九十]+|\d+)段)$")
# Hyphens, dashes and tildes people use for 之 in 12-1 (after NFKC).
HYPHENS = re.compile(r"[-‐‑‒–—―~〜]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
_NEIGHBOURHOOD_PREFIX = re.compile(r"^第?(\d{1,3})鄰")
PART_PATTERN = re.compile(r"^\d{1,5}(?:之\d{1,5})?$")
NUMBER_PATTERN = re.compile(r"^\d{1,5}(?:之\d{1,5})?(?:號(?:之\d{1,5})?)?$")
FLOOR_PATTERN = re.compile(r"^(?:地下)?\d{1,3}(?:樓|層|F)?(?:之\d{1,5})?$")


class AddressQueryError(ValueError):
    """A search that cannot be run; the message says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------------------
# Comparing addresses


def normalise(address):
    """The comparable key of an address: NFKC (full-width to half-width), 台→臺, 二段→2段,
    12-1→12之1, no leading zeros, no spaces, punctuation or control characters."""
    text = unicodedata.normalize("NFKC", str(address or ""))
    text = CONTROL_CHARACTERS.sub("", text).upper().replace("台", "臺").replace("ㄧ", "一")
    text = HYPHENS.sub("之", text)
    text = _CHINESE_SECTION.sub(lambda m: f"{_chinese_number(m.group(1))}段", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    text = re.sub(r"第(\d+鄰)", r"\1", text)
    return LEADING_ZEROS.sub("", text)


def street_address(house):
    """中正路二段10巷3弄5號2樓: the address on the plate, without village and 鄰."""
    road = house.road if (house.road_id or _cached_road(house)) else None
    parts = [str(road) if road is not None else house.area]
    for value, suffix in ((house.lane, "巷"), (house.alley, "弄"), (house.sublane, "衖")):
        if value:
            parts.append(value + suffix)
    parts.append(house.number if "號" in house.number else house.number + "號")
    if house.floor:
        floor = house.floor
        parts.append(floor if floor.endswith(("樓", "層", "F")) else floor + "樓")
    return "".join(parts)


def house_key(house):
    """The key a house number is stored and found under."""
    return normalise(street_address(house))


def _cached_road(house):
    # An unsaved Road set on an unsaved house (while an import checks its rows).
    return HouseNumber.road.is_cached(house) and house.road is not None


def full_address(house):
    """湖西村3鄰湖西2號: the street address with its village and neighbourhood."""
    neighbourhood = f"{house.neighbourhood.number}鄰" if house.neighbourhood_id else ""
    return f"{house.village.name}{neighbourhood}{street_address(house)}"


# ---------------------------------------------------------------------------------------
# Searching


def clean_query(raw):
    """The query as typed, without control characters; AddressQueryError if it is empty
    or longer than MAX_QUERY_LENGTH characters."""
    query = " ".join(CONTROL_CHARACTERS.sub(" ", str(raw or "")).split())
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


def _chinese_number(text):
    """二 → 2, 十二 → 12, 二十一 → 21 (sections never go past 99)."""
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        return (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _CHINESE_DIGITS.get(ones, 0) if ones else 0
        )
    value = 0
    for ch in text:
        value = value * 10 + _CHINESE_DIGITS[ch]
    return value


def is_words(text):
    """Only letters, digits, 之 and hyphens: a road or area name as the office writes it."""
    return all(unicodedata.category(ch)[0] in "LN" or ch in "之-" for ch in text)
