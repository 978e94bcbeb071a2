"""Where a card was issued (發證地點): the counties and cities printed on the card, with
the government's administrative area codes."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.identity import normalize

ISSUE_PLACES = [
    ("63000", _("Taipei City")),
    ("65000", _("New Taipei City")),
    ("68000", _("Taoyuan City")),
    ("66000", _("Taichung City")),
    ("67000", _("Tainan City")),
    ("64000", _("Kaohsiung City")),
    ("10017", _("Keelung City")),
    ("10018", _("Hsinchu City")),
    ("10020", _("Chiayi City")),
    ("10002", _("Yilan County")),
    ("10004", _("Hsinchu County")),
    ("10005", _("Miaoli County")),
    ("10007", _("Changhua County")),
    ("10008", _("Nantou County")),
    ("10009", _("Yunlin County")),
    ("10010", _("Chiayi County")),
    ("10013", _("Pingtung County")),
    ("10014", _("Taitung County")),
    ("10015", _("Hualien County")),
    ("10016", _("Penghu County")),
    ("09020", _("Kinmen County")),
    ("09007", _("Lienchiang County")),
]
PLACE_NAMES = dict(ISSUE_PLACES)

# The Chinese names as printed on cards, so an API client may send 澎湖縣 or 台北市.
_ZH_NAMES = {
    "臺北市": "63000",
    "新北市": "65000",
    "臺北縣": "65000",  # before 2010 New Taipei City's cards said 臺北縣
    "桃園市": "68000",
    "桃園縣": "68000",
    "臺中市": "66000",
    "臺南市": "67000",
    "高雄市": "64000",
    "基隆市": "10017",
    "新竹市": "10018",
    "嘉義市": "10020",
    "宜蘭縣": "10002",
    "新竹縣": "10004",
    "苗栗縣": "10005",
    "彰化縣": "10007",
    "南投縣": "10008",
    "雲林縣": "10009",
    "嘉義縣": "10010",
    "屏東縣": "10013",
    "臺東縣": "10014",
    "花蓮縣": "10015",
    "澎湖縣": "10016",
    "金門縣": "09020",
    "連江縣": "09007",
}


def place_code(value):
    """The area code for a code or a Chinese place name (台 or 臺), or None."""
    text = normalize(value).replace("台", "臺")
    if text in PLACE_NAMES:
        return text
    return _ZH_NAMES.get(text)
