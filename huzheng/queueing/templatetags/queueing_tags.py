"""{% marquee office %}: the marquee (跑馬燈) of an office, as a list any reader gets whole."""

from django import template
from django.utils.translation import get_language

from huzheng.core.i18n import localized
from huzheng.queueing import services

register = template.Library()


@register.inclusion_tag("queueing/marquee.html")
def marquee(office):
    messages = services.current_messages(office) if office else []
    language = get_language() or "zh-hant"
    return {"marquee_items": [{"message": m, "text": m.display_text(language)} for m in messages]}


@register.inclusion_tag("queueing/queue_widget.html")
def queue_now(office):
    """{% queue_now office %}: the line at the office now, for the home page."""
    if office is None:
        return {"office": None}
    state = services.queue_status(office)
    return {
        "office": office,
        "series": [{**s, "label": localized(s)} for s in state["series"]],
        "waiting_total": state["waiting_total"],
        "open_counters": sum(1 for c in state["counters"] if c["state"] == "open"),
    }
