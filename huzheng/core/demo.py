"""Demo data: the Huxi Township office of Penghu and the Magong City office, their hours,
and one staff login per role. Idempotent: existing rows are kept as editors left them.

Facts taken from the office's 2014 service-quality plan are marked as such; the address
and phone numbers are not yet confirmed and say so in the office's data notes.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Collection, Locale, Page

from huzheng.core import roles
from huzheng.core.models import Office, OpeningPeriod, StaffProfile

DEMO_PASSWORD = "huzheng-demo"  # noqa: S105 - published demo login, demo mode only

OFFICES = [
    {
        "code": "huxi",
        "name": "澎湖縣湖西鄉戶政事務所",
        "name_en": "Huxi Township Household Registration Office, Penghu County",
        "county": "澎湖縣",
        "township": "湖西鄉",
        "postal_code": "885",
        "address": "澎湖縣湖西鄉湖西村1號",
        "address_en": "No. 1, Huxi Village, Huxi Township, Penghu County 885, Taiwan",
        "phone": "06-9921145",
        "fax": "06-9922694",
        "email": "huhsi.a1502@msa.hinet.net",
        "director_email": "huhsi.a1502@msa.hinet.net",
        "data_notes": (
            "主任信箱 huhsi.a1502@msa.hinet.net 取自本所103年提升服務品質執行計畫。"
            "地址、電話、傳真為展示資料，尚未查證，請以本所公告為準後修正。"
        ),
        # The plan's noon flexible hours (中午彈性上班): the counters stay open over lunch.
        "hours": [
            (range(0, 5), dt.time(8, 0), dt.time(12, 0), OpeningPeriod.Kind.REGULAR),
            (range(0, 5), dt.time(12, 0), dt.time(13, 30), OpeningPeriod.Kind.NOON),
            (range(0, 5), dt.time(13, 30), dt.time(17, 0), OpeningPeriod.Kind.REGULAR),
        ],
    },
    {
        "code": "magong",
        "name": "澎湖縣馬公市戶政事務所",
        "name_en": "Magong City Household Registration Office, Penghu County",
        "county": "澎湖縣",
        "township": "馬公市",
        "postal_code": "880",
        "address": "澎湖縣馬公市治平路32號",
        "address_en": "No. 32, Zhiping Rd., Magong City, Penghu County 880, Taiwan",
        "phone": "06-9272145",
        "fax": "",
        "email": "",
        "director_email": "",
        "data_notes": "第二個展示事務所：地址、電話與夜間服務時間皆為展示資料，尚未查證。",
        "hours": [
            (range(0, 5), dt.time(8, 0), dt.time(12, 0), OpeningPeriod.Kind.REGULAR),
            (range(0, 5), dt.time(12, 0), dt.time(13, 30), OpeningPeriod.Kind.NOON),
            (range(0, 5), dt.time(13, 30), dt.time(17, 0), OpeningPeriod.Kind.REGULAR),
            (range(2, 3), dt.time(17, 0), dt.time(20, 0), OpeningPeriod.Kind.EVENING),
        ],
    },
]

# Fictional people. (username, role, surname, given name, title, extension, office code, duties)
STAFF = [
    (
        "director",
        roles.DIRECTOR,
        "林",
        "美華",
        "主任",
        "06-9921145#10",
        "huxi",
        "綜理所務、核可網站內容",
    ),
    (
        "clerk",
        roles.REGISTRAR,
        "陳",
        "志明",
        "戶籍員",
        "06-9921145#21",
        "huxi",
        "戶籍登記、門牌、國籍案件",
    ),
    (
        "counter",
        roles.COUNTER_STAFF,
        "王",
        "淑芬",
        "戶籍員",
        "06-9921145#22",
        "huxi",
        "全功能櫃檯、叫號",
    ),
    (
        "editor",
        roles.WEB_EDITOR,
        "張",
        "家豪",
        "辦事員",
        "06-9921145#23",
        "huxi",
        "網站維護、最新消息",
    ),
    (
        "magong-director",
        roles.DIRECTOR,
        "黃",
        "建國",
        "主任",
        "06-9272145#10",
        "magong",
        "綜理所務",
    ),
]


@transaction.atomic
def seed():
    ensure_wagtail_roots()  # the roles' page and collection permissions hang on them
    groups = roles.ensure_roles()
    offices = {spec["code"]: _office(spec) for spec in OFFICES}
    User = get_user_model()
    for username, role, last, first, title, phone, office_code, duties in STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": True,
                "email": f"{username}@huzheng.localhost",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(groups[role])
        StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "office": offices[office_code],
                "title": title,
                "phone": phone,
                "duties": duties,
            },
        )
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@huzheng.localhost"},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    return offices


def _office(spec):
    fields = {k: v for k, v in spec.items() if k not in {"code", "hours"}}
    office, created = Office.objects.get_or_create(
        code=spec["code"], defaults={**fields, "is_demo": True}
    )
    if created:
        for weekdays, opens, closes, kind in spec["hours"]:
            for weekday in weekdays:
                OpeningPeriod.objects.create(
                    office=office, weekday=weekday, opens=opens, closes=closes, kind=kind
                )
    return office


def ensure_wagtail_roots():
    """Wagtail's migrations make the default locale, the root page and the root
    collection; a database emptied by a test (or by hand) may lack them."""
    locale = Locale.objects.filter(language_code="zh-hant").first() or Locale.objects.first()
    if locale is None:
        locale = Locale.objects.create(language_code="zh-hant")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name=ROOT_TITLE)
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_TITLE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title=ROOT_TITLE, slug="root", locale=locale))
    elif root.title == "Root":
        # The back office's explorer names it ("Exploring: Root"): in the office's words.
        Page.objects.filter(pk=root.pk).update(title=ROOT_TITLE, draft_title=ROOT_TITLE)
        root.refresh_from_db()
    return root


ROOT_TITLE = "全部網站"
