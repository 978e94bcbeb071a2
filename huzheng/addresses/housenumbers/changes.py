"""Changes to house numbers by staff (門牌異動): a new number (初編/增編), a renumbering
(改編) or an abolition (廢止), each with its public history entry and audit entry."""

import datetime as dt
import unicodedata

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from huzheng.addresses.housenumbers.imports import COLUMN_HEADINGS
from huzheng.addresses.models import HouseNumber, HouseNumberEvent, Neighbourhood
from huzheng.addresses.writing import (
    FLOOR_PATTERN,
    HYPHENS,
    LEADING_ZEROS,
    NUMBER_PATTERN,
    PART_PATTERN,
    full_address,
    house_key,
    is_words,
)
from huzheng.core import roc
from huzheng.core.csvimport import quoted
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.text import clean_line

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
            % {"value": quoted(value), "part": COLUMN_HEADINGS[name]}
        )

    parts = {}
    area = text("area").replace("台", "臺")
    if road is not None:
        area = ""
    elif not area:
        errors.setdefault("road", []).append(_("Give the road (街路段) or the area (地區)."))
    elif len(area) > 40 or not is_words(area):
        bad("area", area)
    parts["area"] = area
    for name, suffix in (("lane", "巷"), ("alley", "弄"), ("sublane", "衖")):
        value = LEADING_ZEROS.sub("", HYPHENS.sub("之", text(name)).removesuffix(suffix))
        if value and not PART_PATTERN.match(value):
            bad(name, value)
        parts[name] = value
    number = LEADING_ZEROS.sub("", HYPHENS.sub("之", text("number"))).removesuffix("號")
    if not number:
        errors.setdefault("number", []).append(_("Give the number (號)."))
    elif not NUMBER_PATTERN.match(number):
        bad("number", number)
    parts["number"] = number
    floor = text("floor")
    if floor and not FLOOR_PATTERN.match(floor):
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
    note = clean_line(note)
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
