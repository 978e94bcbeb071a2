"""The display board (叫號顯示看板) and its event stream.

The board is rendered whole from the queue's state, so it is never blank; board.js then
listens to the office's server-sent events, which only say "something changed" (with
the newest event id), and fetches the state from the API each time.
"""

import asyncio
import json
import time

from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from huzheng.core import broadcast
from huzheng.core.i18n import localized
from huzheng.core.services import get_office_or_404
from huzheng.queueing import services

# A heartbeat at least this often keeps proxies from closing a quiet stream, and lets the
# board's watchdog (10 s without a message) tell a live stream from a dead one.
HEARTBEAT_SECONDS = 5
# Streams end after a while and the browser reconnects by itself: load balancers and
# deployments prefer connections that do not live for hours.
ASGI_LIFETIME_SECONDS = 300
# A sync server (runserver, the tests' live server) spends a thread per stream.
WSGI_LIFETIME_SECONDS = 30
RETRY_MILLISECONDS = 2000
# The heartbeat: a comment for proxies, and a `ping` event because EventSource hides
# comments from the page, whose watchdog must see that the stream is alive.
PING = b": ping\nevent: ping\ndata: {}\n\n"


@require_GET
def display(request, office):
    """The full-screen display board of an office: latest calls, now serving, waiting."""
    office = get_office_or_404(office)
    if request.GET.get("part") == "marquee":
        # board.js refreshes the announcements from this, rendered as on first load.
        return render(request, "queueing/display_marquee.html", {"office": office})
    state = services.queue_status(office)
    series_names = {s["letter"]: localized(s) for s in state["series"]}
    calls = state["calls"]
    newest = calls[0] if calls else None
    api_root = reverse("api-v1:api-root")
    return render(
        request,
        "queueing/display.html",
        {
            "office": office,
            "office_name": office.display_name(),
            "today": timezone.localdate(),
            "newest_call": newest,
            "counter_rows": counter_rows(state),
            "series": [{**s, "display_name": series_names[s["letter"]]} for s in state["series"]],
            "board_config": {
                "office": office.code,
                "events_url": reverse("queueing:events", args=[office.code]),
                "status_url": f"{api_root}queue/{office.code}/status",
                "marquee_url": request.path + "?part=marquee",
                "last_call_id": newest["id"] if newest else 0,
                "event_id": state["event_id"],
                "date": state["date"],
                "series_names": series_names,
                "text": {
                    "counter": gettext("Counter %(number)s"),
                    "call": gettext("Ticket %(ticket)s, please go to counter %(counter)s."),
                    "recall": gettext(
                        "Calling again: ticket %(ticket)s, please go to counter %(counter)s."
                    ),
                    "paused": gettext("Service paused"),
                    "closed": gettext("Not in service"),
                    "none": gettext("No calls yet today"),
                },
            },
        },
    )


def counter_rows(state):
    """Per counter the ticket it called last (or serves), newest call flagged."""
    calls = state["calls"]
    newest = calls[0]["counter"] if calls else None
    last_called = {}
    for call in calls:
        last_called.setdefault(call["counter"], call["ticket"])
    return [
        {
            "number": c["number"],
            "state": c["state"],
            "ticket": last_called.get(c["number"]) or c["serving"],
            "is_newest": c["number"] == newest,
            # A closed or paused counter with nobody at it shows that, not a stale number.
            "is_out": c["state"] != "open" and not c["serving"],
        }
        for c in state["counters"]
    ]


@require_GET
def events(request, office):
    """Server-sent events: `changed` with the newest event id whenever the queue changes."""
    office = get_office_or_404(office)
    channel = services.channel(office)
    latest = broadcast.latest_id(channel)
    last_seen = _last_event_id(request)
    # A new client fetches the state at once; a reconnecting one only if it missed something.
    announce = last_seen is None or last_seen != latest
    if isinstance(request, ASGIRequest):
        stream = _async_stream(channel, latest, announce, ASGI_LIFETIME_SECONDS)
    else:
        stream = _sync_stream(channel, latest, announce, WSGI_LIFETIME_SECONDS)
    response = StreamingHttpResponse(stream, content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


async def _async_stream(channel, latest, announce, lifetime):
    # Under ASGI Django cancels this generator when the client goes away; the broadcaster's
    # wait_for_change unsubscribes in its own `finally`, so nothing is left behind.
    yield _retry()
    if announce:
        yield _changed(latest)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + lifetime
    while (remaining := deadline - loop.time()) > 0:
        newest = await broadcast.wait_for_change(channel, latest, min(HEARTBEAT_SECONDS, remaining))
        if newest > latest:
            latest = newest
            yield _changed(latest)
        else:
            yield PING


def _sync_stream(channel, latest, announce, lifetime):
    # A sync server notices a gone client only when a write fails, so the heartbeat also
    # bounds how long a dead stream holds its thread.
    yield _retry()
    if announce:
        yield _changed(latest)
    deadline = time.monotonic() + lifetime
    while (remaining := deadline - time.monotonic()) > 0:
        newest = broadcast.wait_for_change_sync(channel, latest, min(HEARTBEAT_SECONDS, remaining))
        if newest > latest:
            latest = newest
            yield _changed(latest)
        else:
            yield PING


def _last_event_id(request):
    value = request.headers.get("Last-Event-ID", "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def _retry():
    return f"retry: {RETRY_MILLISECONDS}\n\n".encode()


def _changed(event_id):
    data = json.dumps({"id": event_id})
    return f"event: changed\nid: {event_id}\ndata: {data}\n\n".encode()
