"""Importing house numbers (門牌) from the national open data and change lists.

``import_house_numbers_csv`` is the one way numbers are written in bulk (the management
command calls it): every row is checked first; one bad row and nothing is written;
importing the same file again changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huzheng.addresses.models import HouseNumber, HouseNumberEvent, Neighbourhood, Road, Village
from huzheng.addresses.writing import (
    FLOOR_PATTERN,
    HYPHENS,
    LEADING_ZEROS,
    NUMBER_PATTERN,
    PART_PATTERN,
    SECTION_SUFFIX,
    house_key,
    is_words,
    normalise,
    normalise_name,
)
from huzheng.core import roc
from huzheng.core.csvimport import ImportRefused, RowError, cell, column_map, csv_rows, quoted

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
    columns = column_map(header, COLUMN_ALIASES)
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
                    "code": quoted(codes[1]),
                    "first": quoted(codes[0]),
                },
            )
        )
    if errors:
        raise HouseNumberImportError(sorted(errors, key=lambda e: e.row or 0))
    return rows


def _cell(cells, columns, key):
    # House-number parts are written without any space (中正路 2 段 is 中正路2段).
    return "".join(cell(cells, columns, key).split())


def _row(office, number, cells, columns, villages, today, errors):
    def add(key, message):
        errors.append(RowError(number, key, message))

    def bad(key, value):
        add(
            key,
            _("Row %(row)s: “%(value)s” is not a valid %(column)s.")
            % {"row": number, "value": quoted(value), "column": COLUMN_HEADINGS[key]},
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
                % {"row": number, "office": office.name, "value": quoted(name)},
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
        if len(road_text) > 40 or not is_words(road_text):
            bad("road", road_text)
        else:
            match = SECTION_SUFFIX.match(road_text)
            road = (match.group("name"), match.group("section")) if match else (road_text, "")
    elif not area:
        add("road", _("Row %(row)s: give the road (街路段) or the area (地區).") % {"row": number})
    elif len(area) > 40 or not is_words(area):
        bad("area", area)
    parts = {}
    for key, suffix in (("lane", "巷"), ("alley", "弄"), ("sublane", "衖")):
        value = HYPHENS.sub("之", _cell(cells, columns, key)).removesuffix(suffix)
        value = LEADING_ZEROS.sub("", value)
        if value and not PART_PATTERN.match(value):
            bad(key, value)
        parts[key] = value
    house_number = LEADING_ZEROS.sub("", HYPHENS.sub("之", _cell(cells, columns, "number")))
    if house_number.endswith("號"):
        house_number = house_number[:-1]
    if not house_number:
        add("number", _("Row %(row)s: the number (號) is empty.") % {"row": number})
    elif not NUMBER_PATTERN.match(house_number):
        bad("number", house_number)
    floor = _cell(cells, columns, "floor")
    if floor and not FLOOR_PATTERN.match(floor):
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
