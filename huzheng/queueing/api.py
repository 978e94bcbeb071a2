"""The queue in the API. For now the marquee (跑馬燈), which display boards and other
clients poll; tickets and calls follow with the queue."""

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Router, Schema

from huzheng.core.services import get_office
from huzheng.queueing import services

router = Router(tags=["queue"])


class MarqueeMessageOut(Schema):
    id: int
    kind: str
    kind_label: str
    text: str
    text_zh: str
    text_en: str
    reason: str
    expected_end: dt.datetime | None
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_offices: bool


class MarqueeOut(Schema):
    office: str
    generated_at: dt.datetime
    refresh_seconds: int
    messages: list[MarqueeMessageOut]


@router.get(
    "/{office}/marquee",
    response=MarqueeOut,
    summary="The marquee messages showing now at an office, system outages first",
)
def marquee(request, office: str, response: HttpResponse):
    found = get_office(office)
    language = get_language() or "zh-hant"
    messages = services.current_messages(found)
    response["Cache-Control"] = f"public, max-age={services.CACHE_SECONDS // 2}"
    return {
        "office": found.code,
        "generated_at": timezone.now(),
        "refresh_seconds": services.CACHE_SECONDS,
        "messages": [
            {
                "id": m.pk,
                "kind": m.kind,
                "kind_label": str(m.get_kind_display()),
                "text": m.display_text(language),
                "text_zh": m.text,
                "text_en": m.text_en,
                "reason": m.reason,
                "expected_end": m.expected_end,
                "starts_at": m.starts_at,
                "ends_at": m.ends_at,
                "all_offices": m.office_id is None,
            }
            for m in messages
        ],
    }
