"""The register of incoming official documents (公文收文) and the public look-up of their
progress (公文進度查詢). Every write is here, in one transaction, with its audit entry.

An incoming number (收文字號) reads ``1150000012``: the ROC year of receipt and a
sequence per office and year that is never reused. The due day is the speed class's
working days after receipt (最速件 1, 速件 3, 普通件 6), which an office may change."""

import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.core import ratelimit, roc
from huzheng.core.models import AuditEntry
from huzheng.core.sequences import next_number
from huzheng.core.services import record_audit
from huzheng.core.text import clean_line, fold
from huzheng.feedback.models import (
    DEFAULT_SPEED_DAYS,
    DOCUMENT_STAGE_ORDER,
    DocumentEvent,
    DocumentStage,
    OfficialDocument,
    Speed,
    SpeedLimit,
)
from huzheng.feedback.services import FeedbackError, TooManyAttempts, due_date

LOOKUP_LIMIT, LOOKUP_WINDOW = 10, 600
SCOPE_CLIENT = "documents-lookup-client"
SCOPE_NUMBER = "documents-lookup-number"
NOT_FOUND_MESSAGE = gettext_lazy(
    "No document matches this number and sender. Please check what you typed."
)


class DocumentNotFound(Exception):
    """One answer for every wrong fact of the public look-up."""


@dataclass(frozen=True)
class DocumentProgress:
    number: str
    subject: str
    stage_label: str
    stages: list  # (label, at or None, reached)
    expected_on: object
    reply_number: str
    phone: str


def receive(*, office, sender, subject, speed, sender_number="", received_on=None, user=None):
    """Register an incoming document; FeedbackError with `errors` per field."""
    errors = {}
    sender, subject = clean_line(sender, 100), clean_line(subject, 300)
    sender_number = clean_line(sender_number, 60)
    if not sender:
        errors["sender"] = _("Please enter the sender.")
    if not subject:
        errors["subject"] = _("Please enter the subject.")
    if speed not in Speed.values:
        errors["speed"] = _("Choose a speed class.")
    received_on = received_on or roc.today()
    if received_on > roc.today():
        errors["received_on"] = _("The day received cannot be in the future.")
    if errors:
        raise FeedbackError("invalid", _("Please correct the marked fields."), errors)
    with transaction.atomic():
        year = roc.roc_year(received_on.year)
        sequence = next_number("document", office=office, period=year)
        document = OfficialDocument.objects.create(
            office=office,
            received_number=f"{year}{sequence:07d}",
            sender=sender,
            sender_number=sender_number,
            subject=subject,
            speed=speed,
            received_on=received_on,
            due_on=due_date(office, received_on, speed_days(office, speed)),
        )
        _event(document, user)
        record_audit(user, AuditEntry.Action.CREATE, document)
    return document


def speed_days(office, speed):
    limit = SpeedLimit.objects.filter(office=office, speed=speed).first()
    return limit.working_days if limit else DEFAULT_SPEED_DAYS[speed]


def move(document, stage, *, user=None, assigned_to=None, reply_number=""):
    """Move a document forward; replying needs the reply's number (發文字號)."""
    if stage not in DOCUMENT_STAGE_ORDER:
        raise FeedbackError("invalid", _("Choose a stage."))
    reply_number = clean_line(reply_number, 60)
    if stage == DocumentStage.REPLIED and not reply_number:
        raise FeedbackError(
            "invalid",
            _("Please enter the reply's number (發文字號)."),
            {"reply_number": _("Please enter the reply's number (發文字號).")},
        )
    with transaction.atomic():
        document = OfficialDocument.objects.select_for_update().get(pk=document.pk)
        if DOCUMENT_STAGE_ORDER.index(stage) <= DOCUMENT_STAGE_ORDER.index(document.stage):
            raise FeedbackError("backwards", _("A document only moves forward."))
        document.stage = stage
        if assigned_to is not None:
            document.assigned_to = assigned_to
        if stage == DocumentStage.REPLIED:
            document.reply_number = reply_number
            document.replied_on = roc.today()
        document.save()
        _event(document, user)
        record_audit(user, AuditEntry.Action.UPDATE, document, fields=["stage"])
    return document


def lookup(number, sender, *, client):
    """A document's progress for someone who knows its incoming number (or the sender's
    own number) and the sender's name; one not-found answer, rate-limited."""
    key = _normal(number)[:60]
    if ratelimit.exceeded(SCOPE_CLIENT, client, limit=LOOKUP_LIMIT) or ratelimit.exceeded(
        SCOPE_NUMBER, key, limit=LOOKUP_LIMIT
    ):
        raise TooManyAttempts
    document = None
    if key and re.fullmatch(r"[\w()（）-]{4,60}", key):
        document = (
            OfficialDocument.objects.select_related("office").filter(received_number=key).first()
        ) or OfficialDocument.objects.select_related("office").filter(sender_number=key).first()
    if document is None or fold(clean_line(sender, 100)) != fold(document.sender) or not sender:
        ratelimit.counted(SCOPE_CLIENT, client, window_seconds=LOOKUP_WINDOW)
        ratelimit.counted(SCOPE_NUMBER, key, window_seconds=LOOKUP_WINDOW)
        raise DocumentNotFound
    return progress_of(document)


def progress_of(document):
    reached = {}
    for stage, at in document.events.values_list("stage", "at"):
        reached.setdefault(stage, at)
    labels = dict(DocumentStage.choices)
    return DocumentProgress(
        number=document.received_number,
        subject=document.subject,
        stage_label=labels[document.stage],
        stages=[(labels[s], reached.get(s), s in reached) for s in DOCUMENT_STAGE_ORDER],
        expected_on=document.due_on,
        reply_number=document.reply_number,
        phone=document.office.phone,
    )


def on_time(office, first, last):
    """(replied, replied by the due day) of documents received in the span."""
    rows = OfficialDocument.objects.filter(
        office=office, received_on__range=(first, last), replied_on__isnull=False
    )
    replied = list(rows.values_list("replied_on", "due_on"))
    return len(replied), sum(1 for replied_on, due in replied if replied_on <= due)


def _event(document, user):
    DocumentEvent.objects.create(
        document=document,
        stage=document.stage,
        at=timezone.now(),
        by=user if getattr(user, "pk", None) else None,
    )


def _normal(value):
    text = unicodedata.normalize("NFKC", str(value or ""))[:120]
    return re.sub(r"\s", "", text).upper()
