"""House numbers (門牌): how addresses are compared, searched and imported.

``normalise`` is the one way an address becomes a comparable key: imports store it,
searches look for it. It is tolerant of what people type — 台 for 臺, full-width digits,
二段 for 2段, 12-1 for 12之1, spaces and punctuation — while the parts are shown as
stored. ``import_house_numbers_csv`` is the one way numbers are written in bulk (the
management command calls it): every row is checked first; one bad row and nothing is
written; importing the same file again changes nothing.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from huzheng.addresses.models import HouseNumber, HouseNumberEvent, Neighbourhood, Road, Village
from huzheng.addresses.services import ImportRefused, RowError, _shown, csv_rows, normalise_name
from huzheng.core import roc
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit

MAX_QUERY_LENGTH = 100
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 500_000

# The columns of the national house-number open data (門牌位置數值資料 and the 門牌編釘
# change lists), with the spellings seen in the published files; see the command's help.
COLUMN_ALIASES = {
    "county_code": ["省市縣市代碼", "縣市代碼", "countycode", "county_code"],
    "town_code": ["鄉鎮市區代碼", "areacode", "area_code", "towncode", "town_code"],
    "village": ["村里", "村里名稱", "village"],
    "neighbourhood": ["鄰", "鄰別", "neighbor", "neighbourhood", "neighborhood"],
    "road": ["街路段", "街、路段", "街.路段", "街/路段", "路段", "street、road、section", "road"],
    "area": ["地區", "area"],
    "lane": ["巷", "lane"],
    "alley": ["弄", "alley"],
    "sublane": ["衖", "sublane"],
    "number": ["號", "number"],
    "floor": ["樓", "floor"],
    "date": ["編釘日期", "異動日期", "date"],
    "kind": ["異動類型", "編釘類別", "異動類別", "kind"],
    "previous": ["原門牌", "原門牌地址", "異動前門牌", "previous_address"],
    "note": ["備註", "note"],
}
_ALIAS_TO_KEY = {alias.lower(): key for key, aliases in COLUMN_ALIASES.items() for alias in aliases}
COLUMN_HEADINGS = {key: aliases[0] for key, aliases in COLUMN_ALIASES.items()}

# What the change lists call each change; 整編 (renumbering a whole road) is a renumbering.
KIND_WORDS = {
    "初編": HouseNumberEvent.Kind.ASSIGNED,
    "編釘": HouseNumberEvent.Kind.ASSIGNED,
    "改編": HouseNumberEvent.Kind.RENUMBERED,
    "整編": HouseNumberEvent.Kind.RENUMBERED,
    "增編": HouseNumberEvent.Kind.ADDED,
    "廢止": HouseNumberEvent.Kind.ABOLISHED,
    "assigned": HouseNumberEvent.Kind.ASSIGNED,
    "renumbered": HouseNumberEvent.Kind.RENUMBERED,
    "added": HouseNumberEvent.Kind.ADDED,
    "abolished": HouseNumberEvent.Kind.ABOLISHED,
}

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
_SECTION_SUFFIX = re.compile(r"^(?P<name>.+?)(?P<section>(?:[零〇一二兩三四五六七八九十]+|\d+)段)$")
# Hyphens, dashes and tildes people use for 之 in 12-1 (after NFKC).
_HYPHENS = re.compile(r"[-‐‑‒–—―~〜]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
_NEIGHBOURHOOD_PREFIX = re.compile(r"^第?(\d{1,3})鄰")
_PART = re.compile(r"^\d{1,5}(?:之\d{1,5})?$")
_NUMBER = re.compile(r"^\d{1,5}(?:之\d{1,5})?(?:號(?:之\d{1,5})?)?$")
_FLOOR = re.compile(r"^(?:地下)?\d{1,3}(?:樓|層|F)?(?:之\d{1,5})?$")


class AddressQueryError(ValueError):
    """A search that cannot be run; the message says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class HouseNumberImportError(ImportRefused):
    """A house-number file was refused; nothing was written."""


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0


# ---------------------------------------------------------------------------------------
# Comparing addresses


def normalise(address):
    """The comparable key of an address: NFKC (full-width to half-width), 台→臺, 二段→2段,
    12-1→12之1, no leading zeros, no spaces, punctuation or control characters."""
    text = unicodedata.normalize("NFKC", str(address or ""))
    text = _CONTROL.sub("", text).upper().replace("台", "臺").replace("ㄧ", "一")
    text = _HYPHENS.sub("之", text)
    text = _CHINESE_SECTION.sub(lambda m: f"{_chinese_number(m.group(1))}段", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    text = re.sub(r"第(\d+鄰)", r"\1", text)
    return _LEADING_ZEROS.sub("", text)


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
    query = " ".join(_CONTROL.sub(" ", str(raw or "")).split())
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


# ---------------------------------------------------------------------------------------
# Importing


@dataclass
class _Row:
    number: int
    village: Village
    neighbourhood: int | None
    road: tuple[str, str] | None  # (name, section)
    area: str
    lane: str
    alley: str
    sublane: str
    house_number: str
    floor: str
    key: str
    kind: str
    date: object
    previous: str
    note: str
    events: list = field(default_factory=list)


def import_house_numbers_csv(office, data):
    """Check every row of a house-number CSV for ``office``'s villages, then write them
    all or, if any row is wrong, nothing. Returns an ImportResult; raises
    HouseNumberImportError listing every problem with its line number."""
    if not isinstance(data, bytes):
        data = bytes(data)
    rows = _read(office, data)
    return _write(office, rows)


def _write(office, rows):
    result = ImportResult(rows=len(rows))
    with transaction.atomic():
        houses = {h.key: h for h in HouseNumber.objects.select_for_update().filter(office=office)}
        roads = {r.key: r for r in Road.objects.filter(office=office)}
        neighbourhoods = {
            (n.village_id, n.number): n
            for n in Neighbourhood.objects.filter(village__office=office)
        }
        touched = {}
        for row in rows:
            neighbourhood = None
            if row.neighbourhood is not None:
                nkey = (row.village.pk, row.neighbourhood)
                neighbourhood = neighbourhoods.get(nkey)
                if neighbourhood is None:
                    neighbourhood = Neighbourhood.objects.create(
                        village=row.village, number=row.neighbourhood
                    )
                    neighbourhoods[nkey] = neighbourhood
            road = None
            if row.road:
                rkey = normalise("".join(row.road))
                road = roads.get(rkey)
                if road is None:
                    road = Road.objects.create(
                        office=office, name=row.road[0], section=row.road[1], key=rkey
                    )
                    roads[rkey] = road
            values = {
                "village": row.village,
                "neighbourhood": neighbourhood,
                "road": road,
                "area": "" if road else row.area,
                "lane": row.lane,
                "alley": row.alley,
                "sublane": row.sublane,
                "number": row.house_number,
                "floor": row.floor,
            }
            house = houses.get(row.key)
            if house is None:
                house = HouseNumber.objects.create(office=office, key=row.key, **values)
                houses[row.key] = house
                result.created += 1
            elif row.key not in touched:
                changed = [
                    name
                    for name, value in values.items()
                    if getattr(house, name + "_id" if name in _FK else name)
                    != (value.pk if name in _FK and value is not None else value)
                ]
                if changed:
                    for name in changed:
                        setattr(house, name, values[name])
                    house.save()
                    result.updated += 1
                else:
                    result.unchanged += 1
            touched[row.key] = house
            if row.kind and row.date:
                _event, created = HouseNumberEvent.objects.get_or_create(
                    house=house,
                    kind=row.kind,
                    date=row.date,
                    defaults={"note": row.note, "previous_address": row.previous},
                )
                result.events += int(created)
        for house in touched.values():
            _settle_status(house)
    return result


_FK = ("village", "neighbourhood", "road")


def _settle_status(house):
    """A number is abolished when its latest change abolished it, else in use."""
    latest = house.events.order_by("-date", "-pk").first()
    status = (
        HouseNumber.Status.ABOLISHED
        if latest is not None and latest.kind == HouseNumberEvent.Kind.ABOLISHED
        else HouseNumber.Status.CURRENT
    )
    if house.status != status:
        house.status = status
        house.save(update_fields=["status", "updated_at"])


def _read(office, data):
    numbered, _encoding = csv_rows(data, max_bytes=MAX_BYTES, refused=HouseNumberImportError)
    header_number, header = numbered[0]
    columns = _columns(header)
    missing = [k for k in ("village", "number") if k not in columns]
    if "road" not in columns and "area" not in columns:
        missing.append("road")
    if missing:
        raise HouseNumberImportError(
            [
                RowError(
                    header_number,
                    "",
                    _("Row %(row)s must name the columns; missing: %(columns)s.")
                    % {
                        "row": header_number,
                        "columns": "、".join(COLUMN_HEADINGS[k] for k in missing),
                    },
                )
            ]
        )
    body = numbered[1:]
    if not body:
        raise HouseNumberImportError([RowError(None, "", _("The file has no house numbers."))])
    if len(body) > MAX_ROWS:
        raise HouseNumberImportError(
            [RowError(None, "", _("The file has more than %(max)s rows.") % {"max": MAX_ROWS})]
        )
    villages = {normalise_name(v.name): v for v in Village.objects.filter(office=office)}
    errors, rows = [], []
    seen_events, seen_villages = {}, {}
    town_codes = {}
    today = roc.today()
    for number, cells in body:
        row_errors = []
        row = _row(office, number, cells, columns, villages, today, row_errors)
        town = _cell(cells, columns, "town_code")
        if town:
            town_codes.setdefault(town, number)
        if row is not None and not row_errors:
            first = seen_villages.setdefault(row.key, (row.village.pk, number))
            if first[0] != row.village.pk:
                row_errors.append(
                    RowError(
                        number,
                        "village",
                        _("Row %(row)s: %(address)s is in another village in row %(first)s.")
                        % {"row": number, "address": row.key, "first": first[1]},
                    )
                )
            event_key = (row.key, row.kind, row.date)
            if event_key in seen_events:
                row_errors.append(
                    RowError(
                        number,
                        "",
                        _("Row %(row)s repeats row %(first)s.")
                        % {"row": number, "first": seen_events[event_key]},
                    )
                )
            seen_events.setdefault(event_key, number)
            if not row_errors:
                rows.append(row)
        errors.extend(row_errors)
    if len(town_codes) > 1:
        codes = sorted(town_codes, key=town_codes.get)
        errors.append(
            RowError(
                town_codes[codes[1]],
                "town_code",
                _(
                    "Row %(row)s: the district code %(code)s differs from %(first)s; import "
                    "one district (鄉鎮市區) per file."
                )
                % {
                    "row": town_codes[codes[1]],
                    "code": _shown(codes[1]),
                    "first": _shown(codes[0]),
                },
            )
        )
    if errors:
        raise HouseNumberImportError(sorted(errors, key=lambda e: e.row or 0))
    return rows


def _columns(header):
    columns = {}
    for index, cell in enumerate(header):
        name = unicodedata.normalize("NFKC", cell).strip().lower().replace(" ", "")
        name = name.lstrip("\ufeff")
        key = _ALIAS_TO_KEY.get(name)
        if key and key not in columns:
            columns[key] = index
    return columns


def _cell(cells, columns, key):
    index = columns.get(key)
    if index is None or index >= len(cells):
        return ""
    text = unicodedata.normalize("NFKC", cells[index])
    return "".join(text.split())


def _row(office, number, cells, columns, villages, today, errors):
    def add(key, message):
        errors.append(RowError(number, key, message))

    def bad(key, value):
        add(
            key,
            _("Row %(row)s: “%(value)s” is not a valid %(column)s.")
            % {"row": number, "value": _shown(value), "column": COLUMN_HEADINGS[key]},
        )

    name = _cell(cells, columns, "village")
    village = None
    if not name:
        add("village", _("Row %(row)s: the village is empty.") % {"row": number})
    else:
        wanted = normalise_name(name)
        village = villages.get(wanted) or villages.get(wanted + "村") or villages.get(wanted + "里")
        if village is None:
            add(
                "village",
                _("Row %(row)s: %(office)s has no village called “%(value)s”.")
                % {"row": number, "office": office.name, "value": _shown(name)},
            )
    neighbourhood = None
    text = _cell(cells, columns, "neighbourhood")
    if text:
        match = re.fullmatch(r"第?(\d{1,3})鄰?", text)
        if match and int(match.group(1)) > 0:
            neighbourhood = int(match.group(1))
        else:
            bad("neighbourhood", text)
    road = None
    road_text = _cell(cells, columns, "road").replace("台", "臺")
    area = _cell(cells, columns, "area").replace("台", "臺")
    if road_text:
        if len(road_text) > 40 or not _is_words(road_text):
            bad("road", road_text)
        else:
            match = _SECTION_SUFFIX.match(road_text)
            road = (match.group("name"), match.group("section")) if match else (road_text, "")
    elif not area:
        add("road", _("Row %(row)s: give the road (街路段) or the area (地區).") % {"row": number})
    elif len(area) > 40 or not _is_words(area):
        bad("area", area)
    parts = {}
    for key, suffix in (("lane", "巷"), ("alley", "弄"), ("sublane", "衖")):
        value = _HYPHENS.sub("之", _cell(cells, columns, key)).removesuffix(suffix)
        value = _LEADING_ZEROS.sub("", value)
        if value and not _PART.match(value):
            bad(key, value)
        parts[key] = value
    house_number = _LEADING_ZEROS.sub("", _HYPHENS.sub("之", _cell(cells, columns, "number")))
    if house_number.endswith("號"):
        house_number = house_number[:-1]
    if not house_number:
        add("number", _("Row %(row)s: the number (號) is empty.") % {"row": number})
    elif not _NUMBER.match(house_number):
        bad("number", house_number)
    floor = _cell(cells, columns, "floor")
    if floor and not _FLOOR.match(floor):
        bad("floor", floor)
    kind = ""
    kind_text = _cell(cells, columns, "kind")
    if kind_text:
        kind = next((k for word, k in KIND_WORDS.items() if word in kind_text.lower()), "")
        if not kind:
            bad("kind", kind_text)
    date = None
    date_text = _cell(cells, columns, "date")
    if date_text:
        try:
            date = roc.parse(date_text)
        except ValidationError:
            bad("date", date_text)
        else:
            if date > today:
                add(
                    "date",
                    _("Row %(row)s: the date %(date)s has not come yet.")
                    % {"row": number, "date": roc.format_short(date)},
                )
        if not kind_text:
            kind = HouseNumberEvent.Kind.ASSIGNED
    elif kind_text:
        add("date", _("Row %(row)s: a change needs its date (編釘日期).") % {"row": number})
    previous = _cell(cells, columns, "previous")[:200]
    note = _cell(cells, columns, "note")[:200]
    if errors or village is None:
        return None
    plate = HouseNumber(
        area=area,
        lane=parts["lane"],
        alley=parts["alley"],
        sublane=parts["sublane"],
        number=house_number,
        floor=floor,
    )
    if road:
        plate.road = Road(name=road[0], section=road[1])
    key = house_key(plate)
    return _Row(
        number=number,
        village=village,
        neighbourhood=neighbourhood,
        road=road,
        area=area,
        lane=parts["lane"],
        alley=parts["alley"],
        sublane=parts["sublane"],
        house_number=house_number,
        floor=floor,
        key=key,
        kind=kind,
        date=date,
        previous=previous,
        note=note,
    )


def _is_words(text):
    return all(unicodedata.category(ch)[0] in "LN" or ch in "之-" for ch in text)


# ---------------------------------------------------------------------------------------
# Changes by staff


PART_NAMES = ("area", "lane", "alley", "sublane", "number", "floor")
MAX_NOTE_LENGTH = 200


class HouseNumberChangeError(ValidationError):
    """A change by staff (門牌異動) was refused; nothing was written. Field errors are
    keyed by the names of assign_number's and renumber's arguments."""


def assign_number(
    office,
    village,
    neighbourhood,
    road,
    lane,
    alley,
    number,
    on,
    note="",
    *,
    area="",
    sublane="",
    floor="",
    user=None,
):
    """Give a new house number: 初編 when its road or area has no numbers yet, otherwise
    增編 (a number added among existing ones). ``neighbourhood`` is a Neighbourhood, its
    number (created in the village if missing) or None. Returns the HouseNumber."""
    with transaction.atomic():
        errors = {}
        village = _own_village(office, village, errors)
        road = _own_road(office, road, errors)
        parts = _clean_parts(
            {
                "area": area,
                "lane": lane,
                "alley": alley,
                "sublane": sublane,
                "number": number,
                "floor": floor,
            },
            road,
            errors,
        )
        on = _clean_date(on, None, errors)
        note = _clean_note(note, errors)
        if village is not None:
            neighbourhood = _neighbourhood(village, neighbourhood, errors)
        _raise(errors)
        house = HouseNumber(office=office, village=village, neighbourhood=None, road=road, **parts)
        house.key = house_key(house)
        _refuse_existing(office, house.key)
        kind = (
            HouseNumberEvent.Kind.ADDED
            if _street_numbers(office, road, parts["area"]).exists()
            else HouseNumberEvent.Kind.ASSIGNED
        )
        if neighbourhood is not None and neighbourhood.pk is None:
            neighbourhood = Neighbourhood.objects.get_or_create(
                village=neighbourhood.village, number=neighbourhood.number
            )[0]
        house.neighbourhood = neighbourhood
        try:
            with transaction.atomic():
                house.save()
        except IntegrityError:  # another clerk gave the same number a moment ago
            _refuse_existing(office, house.key, racing=True)
        HouseNumberEvent.objects.create(house=house, kind=kind, date=on, note=note)
        record_audit(
            user,
            AuditEntry.Action.CREATE,
            house,
            fields=["key", "status"],
            reason=f"{kind} {on.isoformat()}",
        )
    return house


def renumber(house, parts, on, note="", *, user=None):
    """Change a house number's address (改編): the number keeps its history, and the
    event keeps the address before the change. ``parts`` holds what changes: village,
    neighbourhood, road, area, lane, alley, sublane, number, floor."""
    unknown = set(parts) - {"village", "neighbourhood", "road", *PART_NAMES}
    if unknown:
        raise TypeError(f"renumber() got unknown parts: {sorted(unknown)}")
    with transaction.atomic():
        house = _locked(house)
        office = house.office
        errors = {}
        if house.status == HouseNumber.Status.ABOLISHED:
            errors["__all__"] = [_("An abolished house number cannot be renumbered.")]
        village = _own_village(office, parts.get("village", house.village), errors)
        road = _own_road(office, parts["road"] if "road" in parts else house.road, errors)
        values = {name: parts.get(name, getattr(house, name)) for name in PART_NAMES}
        if "road" in parts and road is not None and "area" not in parts:
            values["area"] = ""
        cleaned = _clean_parts(values, road, errors)
        on = _clean_date(on, house, errors)
        note = _clean_note(note, errors)
        neighbourhood = house.neighbourhood
        if village is not None and ("neighbourhood" in parts or village.pk != house.village_id):
            neighbourhood = _neighbourhood(village, parts.get("neighbourhood"), errors)
        if on and house.events.filter(kind=HouseNumberEvent.Kind.RENUMBERED, date=on).exists():
            errors.setdefault("on", []).append(
                _("This house number was already renumbered on %(date)s.")
                % {"date": roc.format_for_language(on)}
            )
        _raise(errors)
        previous = full_address(house)
        previous_key = house.key
        unchanged_place = (
            village.pk == house.village_id
            and (neighbourhood.pk if neighbourhood is not None else None) == house.neighbourhood_id
            and (neighbourhood is None or neighbourhood.pk is not None)
        )
        house.village = village
        house.road = road
        for name, value in cleaned.items():
            setattr(house, name, value)
        house.key = house_key(house)
        if house.key == previous_key and unchanged_place:
            raise HouseNumberChangeError(
                {"number": [_("The new address is the same as the present one.")]}
            )
        if house.key != previous_key:
            _refuse_existing(office, house.key)
        if neighbourhood is not None and neighbourhood.pk is None:
            neighbourhood = Neighbourhood.objects.get_or_create(
                village=neighbourhood.village, number=neighbourhood.number
            )[0]
        house.neighbourhood = neighbourhood
        try:
            with transaction.atomic():
                house.save()
        except IntegrityError:
            _refuse_existing(office, house.key, racing=True)
        HouseNumberEvent.objects.create(
            house=house,
            kind=HouseNumberEvent.Kind.RENUMBERED,
            date=on,
            note=note,
            previous_address=previous[:200],
        )
        record_audit(
            user,
            AuditEntry.Action.UPDATE,
            house,
            fields=["key"],
            reason=f"renumbered {on.isoformat()}",
        )
    return house


def abolish(house, on, note="", *, user=None):
    """Abolish a house number (廢止): it stays on record, with its history, as abolished."""
    with transaction.atomic():
        house = _locked(house)
        errors = {}
        if house.status == HouseNumber.Status.ABOLISHED:
            errors["__all__"] = [_("This house number is already abolished.")]
        on = _clean_date(on, house, errors)
        note = _clean_note(note, errors)
        _raise(errors)
        HouseNumberEvent.objects.create(
            house=house, kind=HouseNumberEvent.Kind.ABOLISHED, date=on, note=note
        )
        house.status = HouseNumber.Status.ABOLISHED
        house.save(update_fields=["status", "updated_at"])
        record_audit(
            user,
            AuditEntry.Action.UPDATE,
            house,
            fields=["status"],
            reason=f"abolished {on.isoformat()}",
        )
    return house


def _locked(house):
    return (
        HouseNumber.objects.select_for_update(of=("self",))
        .select_related("office", "village", "neighbourhood", "road")
        .get(pk=house.pk)
    )


def _raise(errors):
    if errors:
        raise HouseNumberChangeError(errors)


def _own_village(office, village, errors):
    if village is None or village.office_id != office.pk:
        errors.setdefault("village", []).append(
            _("Choose a village of %(office)s.") % {"office": office.name}
        )
        return None
    return village


def _own_road(office, road, errors):
    if road is not None and road.office_id != office.pk:
        errors.setdefault("road", []).append(
            _("Choose a road of %(office)s.") % {"office": office.name}
        )
        return None
    return road


def _neighbourhood(village, neighbourhood, errors):
    """The village's Neighbourhood (an unsaved one when a new number is given) or None."""
    if neighbourhood in (None, ""):
        return None
    if isinstance(neighbourhood, Neighbourhood):
        if neighbourhood.village_id != village.pk:
            errors.setdefault("neighbourhood", []).append(
                _("Choose a neighbourhood (鄰) of %(village)s.") % {"village": village.name}
            )
            return None
        return neighbourhood
    try:
        value = int(neighbourhood)
    except (TypeError, ValueError):
        value = 0
    if not 0 < value < 1000:
        errors.setdefault("neighbourhood", []).append(
            _("A neighbourhood (鄰) is a number from 1 to 999.")
        )
        return None
    found = Neighbourhood.objects.filter(village=village, number=value).first()
    return found or Neighbourhood(village=village, number=value)


def _clean_parts(values, road, errors):
    """The parts as stored (12-1 → 12之1, no 巷/弄/衖/號 suffix, no leading zeros), with
    an error for each part that is not a house-number part."""

    def text(name):
        value = unicodedata.normalize("NFKC", str(values.get(name) or ""))
        return "".join(value.split())

    def bad(name, value):
        errors.setdefault(name, []).append(
            _("“%(value)s” is not a valid %(part)s.")
            % {"value": _shown(value), "part": COLUMN_HEADINGS[name]}
        )

    parts = {}
    area = text("area").replace("台", "臺")
    if road is not None:
        area = ""
    elif not area:
        errors.setdefault("road", []).append(_("Give the road (街路段) or the area (地區)."))
    elif len(area) > 40 or not _is_words(area):
        bad("area", area)
    parts["area"] = area
    for name, suffix in (("lane", "巷"), ("alley", "弄"), ("sublane", "衖")):
        value = _LEADING_ZEROS.sub("", _HYPHENS.sub("之", text(name)).removesuffix(suffix))
        if value and not _PART.match(value):
            bad(name, value)
        parts[name] = value
    number = _LEADING_ZEROS.sub("", _HYPHENS.sub("之", text("number"))).removesuffix("號")
    if not number:
        errors.setdefault("number", []).append(_("Give the number (號)."))
    elif not _NUMBER.match(number):
        bad("number", number)
    parts["number"] = number
    floor = text("floor")
    if floor and not _FLOOR.match(floor):
        bad("floor", floor)
    parts["floor"] = floor
    return parts


def _clean_date(on, house, errors):
    """A change is recorded on or before today, and not before the number's last change
    (its status follows its latest change)."""
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        errors.setdefault("on", []).append(_("Give the date of the change."))
        return None
    if on > roc.today():
        errors.setdefault("on", []).append(
            _("The date %(date)s has not come yet: changes are recorded on or before today.")
            % {"date": roc.format_for_language(on)}
        )
    elif house is not None:
        latest = house.events.order_by("-date").values_list("date", flat=True).first()
        if latest is not None and on < latest:
            errors.setdefault("on", []).append(
                _("The date is before this number's last change on %(date)s.")
                % {"date": roc.format_for_language(latest)}
            )
    return on


def _clean_note(note, errors):
    note = " ".join(_CONTROL.sub(" ", str(note or "")).split())
    if len(note) > MAX_NOTE_LENGTH:
        errors.setdefault("note", []).append(
            _("The note is too long: at most %(max)s characters.") % {"max": MAX_NOTE_LENGTH}
        )
    return note


def _refuse_existing(office, key, racing=False):
    existing = HouseNumber.objects.filter(office=office, key=key).select_related(
        "village", "neighbourhood", "road"
    )
    found = existing.first()
    if found is None and not racing:
        return
    address = full_address(found) if found is not None else key
    if found is not None and found.status == HouseNumber.Status.ABOLISHED:
        message = _("%(address)s is already on record, as an abolished house number.")
    else:
        message = _("%(address)s already exists.")
    raise HouseNumberChangeError({"number": [message % {"address": address}]})


def _street_numbers(office, road, area):
    numbers = HouseNumber.objects.filter(office=office)
    if road is not None:
        return numbers.filter(road=road)
    return numbers.filter(road__isnull=True, area=area)
