"""How a house number's address is written and compared (門牌地址): the plate's text
and the comparable key that imports store and searches look for. Plain functions of the
text and of a house number's fields, so the models use them without importing the
house-number rooms (which import the models).

``normalise`` is tolerant of what people type — 台 for 臺, full-width digits, 二段 for
2段, 12-1 for 12之1, spaces and punctuation — while the parts are shown as stored.
"""

import re
import unicodedata

from huzheng.core.text import strip_controls

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
LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
PART_PATTERN = re.compile(r"^\d{1,5}(?:之\d{1,5})?$")
NUMBER_PATTERN = re.compile(r"^\d{1,5}(?:之\d{1,5})?(?:號(?:之\d{1,5})?)?$")
FLOOR_PATTERN = re.compile(r"^(?:地下)?\d{1,3}(?:樓|層|F)?(?:之\d{1,5})?$")


def normalise(address):
    """The comparable key of an address: NFKC (full-width to half-width), 台→臺, 二段→2段,
    12-1→12之1, no leading zeros, no spaces, punctuation or control characters."""
    text = unicodedata.normalize("NFKC", str(address or ""))
    text = strip_controls(text).upper().replace("台", "臺").replace("ㄧ", "一")
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
    return type(house).road.is_cached(house) and house.road is not None


def full_address(house):
    """湖西村3鄰湖西2號: the street address with its village and neighbourhood."""
    neighbourhood = f"{house.neighbourhood.number}鄰" if house.neighbourhood_id else ""
    return f"{house.village.name}{neighbourhood}{street_address(house)}"


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


def normalise_name(text):
    """A village name as compared: NFKC, no spaces, 台 written 臺."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"\s+", "", text).replace("台", "臺")
