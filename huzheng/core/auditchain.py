"""The audit log's hash chain (稽核紀錄防竄改鏈).

The database triggers make the log append-only for the app's own role; the chain makes
it tamper-evident against whoever can get round them (a table owner, a SQLite file's
owner). Each entry carries a keyed hash (HMAC-SHA256, a key derived from
HUZHENG_DATA_KEY) of its content and of the previous entry's hash. Changing, removing
or inserting an entry without the key breaks the chain at that entry, and
`verify()` (`manage.py verify_audit_log`) reports the first break."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import transaction

from huzheng.core.models import AuditChainHead, AuditEntry


def append(**values):
    """Create one audit entry, chained to the newest one. The chain head is locked until
    the surrounding transaction ends, so entries appended at once still form one chain."""
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(**values, previous_hash=head.last_hash)
        entry.entry_hash = entry_hash(entry)
        entry.save(force_insert=True)
        head.last_id, head.last_hash = entry.pk, entry.entry_hash
        head.save(update_fields=["last_id", "last_hash"])
    return entry


@dataclass
class Break:
    entry_id: int
    problem: str


def verify():
    """(entries checked, the first Break or None)."""
    previous = ""
    checked = 0
    last_id = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.previous_hash != previous:
            return checked, Break(entry.pk, "previous_hash")
        if not hmac.compare_digest(entry.entry_hash, entry_hash(entry)):
            return checked, Break(entry.pk, "entry_hash")
        previous, last_id = entry.entry_hash, entry.pk
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_id, head.last_hash) != (last_id, previous):
        return checked, Break(head.last_id, "missing_at_end")
    return checked, None


def entry_hash(entry):
    ip_field = AuditEntry._meta.get_field("ip_address")
    content = {
        "previous": entry.previous_hash,
        "at": entry.at.isoformat(),
        "user": entry.user_id,
        "username": entry.username,
        "office": entry.office_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "fields": entry.fields,
        "reason": entry.reason,
        "ip_address": ip_field.get_prep_value(entry.ip_address),
        "user_agent": entry.user_agent,
        "path": entry.path,
    }
    message = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hmac.new(_key(settings.HUZHENG_DATA_KEY), message, hashlib.sha256).hexdigest()


def _locked_head():
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        # First entry ever (or a test database emptied by a flush): start from the
        # newest entry there is.
        last = AuditEntry.objects.order_by("-id").first()
        head, _created = AuditChainHead.objects.get_or_create(
            pk=1,
            defaults={
                "last_id": last.pk if last else 0,
                "last_hash": last.entry_hash if last else "",
            },
        )
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


@lru_cache(maxsize=4)
def _key(secret):
    return hashlib.sha256(b"huzheng-audit-chain-v1\x00" + secret.encode()).digest()
