"""Demo villages: the 22 villages (村) of Huxi Township, and a few of Magong's 里.

Eighteen Huxi names are confirmed by public sources (../shared/reference/
household-registration.md §7); 沙港, 西寮, 西溪 and 東石 are the likely remaining four
and stay marked unconfirmed until checked against the MOI administrative code list.
"""

from django.db import transaction

from huzheng.addresses.models import Village
from huzheng.core.models import Office

HUXI = [
    ("湖西村", True),
    ("湖東村", True),
    ("青螺村", True),
    ("紅羅村", True),
    ("西寮村", False),
    ("白坑村", True),
    ("南寮村", True),
    ("北寮村", True),
    ("許家村", True),
    ("東石村", False),
    ("菓葉村", True),
    ("龍門村", True),
    ("尖山村", True),
    ("太武村", True),
    ("沙港村", False),
    ("中西村", True),
    ("成功村", True),
    ("西溪村", False),
    ("林投村", True),
    ("隘門村", True),
    ("鼎灣村", True),
    ("潭邊村", True),
]
# A handful only: the second office exists to show one deployment serving several.
MAGONG = [("重慶里", False), ("中央里", False), ("啟明里", False), ("長安里", False)]


@transaction.atomic
def seed():
    for code, villages in (("huxi", HUXI), ("magong", MAGONG)):
        office = Office.objects.filter(code=code).first()
        if office is None:
            continue
        for order, (name, confirmed) in enumerate(villages, start=1):
            Village.objects.get_or_create(
                office=office, name=name, defaults={"sort_order": order, "confirmed": confirmed}
            )
