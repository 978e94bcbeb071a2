"""{% marquee office %}: the marquee (跑馬燈) of an office, as a list any reader gets whole."""

from django import template
from django.utils.translation import get_language

from huzheng.queueing import services

register = template.Library()


@register.inclusion_tag("queueing/marquee.html")
def marquee(office):
    messages = services.current_messages(office) if office else []
    language = get_language() or "zh-hant"
    return {"marquee_items": [{"message": m, "text": m.display_text(language)} for m in messages]}
