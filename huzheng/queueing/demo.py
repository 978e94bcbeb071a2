"""Demo counters: Huxi's full-function counters (the plan's 全功能單一綜合服務櫃檯), and two
marquee messages for the demo office, marked as demo so nobody takes them as real."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from huzheng.core.models import Office
from huzheng.queueing import services
from huzheng.queueing.models import Counter, MarqueeMessage

COUNTERS = {"huxi": [1, 2, 3, 4], "magong": [1, 2, 3, 4, 5, 6]}

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
        for number in numbers:
            Counter.objects.get_or_create(office=office, number=number)
    _seed_marquee(Office.objects.filter(code="huxi", is_demo=True).first())


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
