"""The worklist's statistics page: items per source and month, items by state, messages
by channel and status, letters issued and mailed. Read-only; the indicators the quality
plan reads are in `indicators.py`."""

from django.db.models import Count
from django.db.models.functions import TruncMonth

from huzheng.notify.models import Message
from huzheng.outreach.models import Source, State


def figures(items, messages, letters):
    """The page's tables from already office-scoped querysets."""
    sources, states = dict(Source.choices), dict(State.choices)
    channels, statuses = dict(Message.Channel.choices), dict(Message.Status.choices)
    by_source = (
        items.annotate(month=TruncMonth("event_date"))
        .values("month", "source")
        .annotate(count=Count("pk"))
        .order_by("-month", "source")[:120]
    )
    by_state = items.values("state").annotate(count=Count("pk")).order_by("state")
    by_status = (
        messages.values("channel", "status")
        .annotate(count=Count("pk"))
        .order_by("channel", "status")
    )
    return {
        "by_source": [
            {"month": r["month"], "source": sources.get(r["source"]), "count": r["count"]}
            for r in by_source
        ],
        "by_state": [{"state": states.get(r["state"]), "count": r["count"]} for r in by_state],
        "by_status": [
            {
                "channel": channels.get(r["channel"]),
                "status": statuses.get(r["status"]),
                "count": r["count"],
            }
            for r in by_status
        ],
        "letters_total": letters.count(),
        "letters_mailed": letters.exclude(mailed_on=None).count(),
    }
