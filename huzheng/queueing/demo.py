"""Demo queue: the ticket series and counters of both offices (Huxi's full-function
counters are the plan's 全功能單一綜合服務櫃檯), the demo kiosk of the demo office, and two
marquee messages for the demo office, marked as demo so nobody takes them as real.

The demo kiosk's token is public (it is in the README) and is made only for a demo office."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from huzheng.catalog.models import Category, RegistrationService
from huzheng.core.models import Office
from huzheng.queueing import services
from huzheng.queueing.models import Counter, Kiosk, MarqueeMessage, Series

COUNTERS = {"huxi": [1, 2, 3, 4], "magong": [1, 2, 3, 4, 5, 6]}
# The last counter of each office is a quick counter for transcripts and check-ins; the
# others are full-function counters that call every series.
QUICK_COUNTER_SERIES = ["B", "C"]
# (letter, name, English name, kind, catalog categories listed, usual minutes)
SERIES = [
    ("A", "一般業務", "General services", Series.Kind.REGULAR, [], 10),
    (
        "B",
        "謄本及證明",
        "Transcripts and certificates",
        Series.Kind.REGULAR,
        [Category.CERTIFICATE, Category.SEAL],
        4,
    ),
    ("C", "預約報到", "Appointment check-in", Series.Kind.CHECK_IN, [], 8),
    (
        "P",
        "優先服務（年長者、孕婦、身心障礙者）",
        "Priority (elderly, pregnant, disabled)",
        Series.Kind.PRIORITY,
        [],
        10,
    ),
]
DEMO_KIOSK_TOKEN = "demo-kiosk-huxi"  # noqa: S105 - public, demo office only

# (kind, text, English text, outage reason); both show for a year from the first seed.
MARQUEE = [
    (
        MarqueeMessage.Kind.NOTICE,
        "【展示訊息】本所中午12:00至13:30照常受理，歡迎午休時間來辦。",
        "[Demo] The counters stay open over lunch, 12:00 to 13:30.",
        "",
    ),
    (
        MarqueeMessage.Kind.OUTAGE,
        "【展示訊息】戶役政系統連線異常，部分證明暫停核發。",
        "[Demo] The registration system is down; some certificates cannot be issued.",
        "虛構的系統維護，僅供展示",
    ),
]


@transaction.atomic
def seed():
    for code, numbers in COUNTERS.items():
        office = Office.objects.filter(code=code).first()
        if office is None:
            continue
        series = _seed_series(office)
        for number in numbers:
            counter, created = Counter.objects.get_or_create(office=office, number=number)
            if created and number == numbers[-1]:
                counter.is_full_function = False
                counter.name = "快速櫃檯（謄本、預約）"
                counter.save()
                counter.series.set([series[letter] for letter in QUICK_COUNTER_SERIES])
    demo_office = Office.objects.filter(code="huxi", is_demo=True).first()
    _seed_marquee(demo_office)
    _seed_kiosk(demo_office)


def _seed_series(office):
    by_letter = {}
    for order, (letter, name, name_en, kind, categories, minutes) in enumerate(SERIES):
        series, created = Series.objects.get_or_create(
            office=office,
            letter=letter,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": kind,
                "sort_order": order,
                "default_service_minutes": minutes,
            },
        )
        if created and categories:
            series.services.set(RegistrationService.objects.filter(category__in=categories))
        by_letter[letter] = series
    return by_letter


def _seed_kiosk(office):
    if office is None:
        return
    if not Kiosk.objects.filter(token_hash=Kiosk.hash_token(DEMO_KIOSK_TOKEN)).exists():
        services.create_kiosk(office, "展示取號機（大廳）", token=DEMO_KIOSK_TOKEN)


def _seed_marquee(office):
    if office is None:
        return
    now = timezone.now()
    for kind, text, text_en, reason in MARQUEE:
        if MarqueeMessage.objects.filter(office=office, text=text).exists():
            continue  # kept as an editor left it, even ended
        services.save_message(
            MarqueeMessage(
                office=office,
                kind=kind,
                text=text,
                text_en=text_en,
                reason=reason,
                expected_end=now + dt.timedelta(days=365) if reason else None,
                starts_at=now - dt.timedelta(minutes=1),
                ends_at=now + dt.timedelta(days=365),
            )
        )
