"""The marquee (跑馬燈): short messages shown on the home page and the display boards."""

import datetime as dt

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from huzheng.core import pagecache
from huzheng.core.cache import Generation
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit, staff_office_ids
from huzheng.queueing.models import (
    MarqueeMessage,
)

# `current_messages()` is read on every home page view and by every display board, so it
# is cached in the "default" cache for CACHE_SECONDS. The cache holds every message that
# may show during that time, and the exact moment is filtered in Python, so a message
# still starts and ends on the second. A change clears the cache on this app server at
# once (on all of them when the cache is Redis); other local-memory servers catch up
# within CACHE_SECONDS, as the site chrome does.

CACHE_SECONDS = 30
_generation = Generation("marquee")


def current_messages(office, at=None):
    """The messages showing at `office` at a moment (now by default): system outages
    first, then the newest. Messages for every office (no office) are included."""
    if at is not None:
        return _ordered(_window(office, at, at))
    pagecache.depends_on("marquee")
    now = timezone.now()
    key = f"marquee:{_generation.current()}:{office.pk if office else 0}"
    cached = cache.get(key)
    if cached is None or not (cached[0] <= now < cached[1]):
        until = now + dt.timedelta(seconds=CACHE_SECONDS)
        cached = (now, until, _window(office, now, until))
        cache.set(key, cached, CACHE_SECONDS)
    # A kept page showing the marquee is right until the next message starts or ends.
    pagecache.valid_until(
        min((t for m in cached[2] for t in (m.starts_at, m.ends_at) if t > now), default=None)
    )
    return _ordered(m for m in cached[2] if m.starts_at <= now < m.ends_at)


@transaction.atomic
def save_message(message, *, user=None):
    """Check and save a marquee message; the first save records who wrote it.

    It shows only once approved. The director's messages, a counter clerk's system outage
    (it is down now) and messages saved by the system (no user) are approved as saved;
    anything else — an editor's notice or outage banner — waits for the director, and
    an edit of an approved message by such a user waits again."""
    if message.pk is None and user is not None and user.is_authenticated:
        message.created_by = user
    if goes_live_at_once(message, user):
        message.approved_at = timezone.now()
        message.approved_by = user if user is not None and user.is_authenticated else None
    else:
        message.approved_at = None
        message.approved_by = None
    message.full_clean()
    message.save()
    clear_cache()
    return message


def goes_live_at_once(message, user):
    if user is None:
        return True
    if user.has_perm(APPROVE):
        return True
    return message.is_outage and user.has_perm("queueing.serve_ticket")


APPROVE = "queueing.approve_marqueemessage"


def may_approve(user, message):
    """Whether this member of staff may approve (核可) the message: the director's
    permission, for a message of their own office; a message for every office only by
    staff who see every office (county staff)."""
    if not user.has_perm(APPROVE):
        return False
    office_ids = staff_office_ids(user)
    return office_ids is None or message.office_id in office_ids


@transaction.atomic
def approve_message(message, *, user):
    """The director approves (核可) a waiting message: it shows from its start time.
    Approving an approved message changes nothing (two directors, or a second click);
    the approval is written to the audit log."""
    if not may_approve(user, message):
        raise PermissionError(APPROVE)
    locked = MarqueeMessage.objects.select_for_update().get(pk=message.pk)
    if locked.approved_at is not None:
        return locked, False
    locked.approved_at = timezone.now()
    locked.approved_by = user
    locked.save(update_fields=["approved_at", "approved_by", "updated_at"])
    record_audit(user, AuditEntry.Action.UPDATE, locked, fields=["approved_at"], reason="approve")
    return locked, True


def clear_cache(**kwargs):
    """Forget the cached messages of every office: a new generation hides the old keys."""
    _generation.bump()
    pagecache.changed("marquee")


def _window(office, start, end):
    """Messages for the office that show at some moment in [start, end]."""
    where = Q(office__isnull=True)
    if office is not None:
        where |= Q(office=office)
    return list(
        MarqueeMessage.objects.filter(
            where, starts_at__lte=end, ends_at__gt=start, approved_at__isnull=False
        ).order_by("-starts_at", "-pk")
    )


def _ordered(messages):
    # Sorting is stable: within each kind the newest-first order of the query stays.
    return sorted(messages, key=lambda m: not m.is_outage)


post_save.connect(clear_cache, sender=MarqueeMessage, dispatch_uid="marquee-save")
post_delete.connect(clear_cache, sender=MarqueeMessage, dispatch_uid="marquee-delete")
