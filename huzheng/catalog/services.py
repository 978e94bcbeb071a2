"""Domain operations of the catalog: the checklist for a service, deadlines and late
fines, and issuing one-time notice slips (一次告知單)."""

import calendar
import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from huzheng.catalog.models import FineRule, NoticeSlip, RegistrationService
from huzheng.core import roc
from huzheng.core.sequences import next_number
from huzheng.core.services import is_working_day

# 戶籍法 第79條 with the 罰鍰基準表: the late-filing fine's article, as FineRule stores it.
LATE_FILING_ARTICLE = "第79條"
# Letters a person cannot confuse (no 0/O, 1/I/L): the random end of a slip number.
_SLIP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class ServiceNotFound(Exception):
    """No service has this slug."""


class SlipNotFound(Exception):
    """No notice slip has this number."""


@dataclass
class Checklist:
    """What one applicant needs for one service, given their answers."""

    service: RegistrationService
    answers: dict
    bring: list = field(default_factory=list)
    looked_up: list = field(default_factory=list)

    @property
    def fees(self):
        return list(self.service.fees.all())


def get_service(slug):
    try:
        # A service created in the back office and not yet approved is not public.
        return RegistrationService.objects.get(slug=str(slug or "")[:80], live=True)
    except RegistrationService.DoesNotExist:
        raise ServiceNotFound(slug) from None


def checklist(service, answers=None):
    """The documents to bring and the ones the office looks up itself, for the answers
    given to the service's checklist questions (unknown keys are ignored)."""
    keys = {q.key for q in service.questions.all()}
    answers = {k: v for k, v in (answers or {}).items() if k in keys and v in ("yes", "no")}
    result = Checklist(service=service, answers=answers)
    for document in service.documents.all():
        if not document.applies(answers):
            continue
        (result.looked_up if document.office_looks_up else result.bring).append(document)
    return result


def deadline(service, event_date, office=None):
    """The last day to apply: the event day not counted, months then days added; a last
    day the office is closed moves to its next working day (行政程序法 第48條)."""
    if service.deadline_days is None or event_date is None:
        return None
    last = _add_months(event_date, service.deadline_months or 0)
    last += dt.timedelta(days=service.deadline_days)
    if office is not None:
        for _ in range(30):
            if is_working_day(office, last):
                break
            last += dt.timedelta(days=1)
    return last


def late_fine(service, event_date, filed_on, *, reminded=False, office=None):
    """The fine for applying on `filed_on` (0 when in time or when the service has no
    fine), from the late-filing lines of the fine schedule."""
    due = deadline(service, event_date, office)
    if not service.late_fine_applies or due is None or filed_on <= due:
        return 0
    rules = FineRule.objects.filter(article=LATE_FILING_ARTICLE)
    if reminded:
        reminded_rule = rules.filter(min_days_late__isnull=True).order_by("-amount").first()
        if reminded_rule is not None:
            return reminded_rule.amount
    days_late = (filed_on - due).days
    for rule in rules.filter(min_days_late__isnull=False).order_by("min_days_late"):
        if days_late >= rule.min_days_late and (
            rule.max_days_late is None or days_late <= rule.max_days_late
        ):
            return rule.amount
    return 0


def issue_slip(
    *,
    office,
    service,
    brought_ids=(),
    answers=None,
    event_date=None,
    applicant_label="",
    note="",
    user=None,
    idempotency_key=None,
):
    """Issue a one-time notice slip: everything still missing, the fees and the last day
    to apply, frozen as they are today. The same idempotency key returns the same slip."""
    if idempotency_key:
        existing = NoticeSlip.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    result = checklist(service, answers)
    brought_ids = {int(i) for i in brought_ids}
    missing = [_document_entry(d) for d in result.bring if d.pk not in brought_ids]
    brought = [_document_entry(d) for d in result.bring if d.pk in brought_ids]
    fees = [
        {
            "label": f.label,
            "label_en": f.label_en,
            "amount": f.amount,
            "unit": f.unit,
            "additional_amount": f.additional_amount,
            "note": f.note,
        }
        for f in service.fees.all()
    ]
    try:
        with transaction.atomic():
            number = _next_slip_number(office)
            return NoticeSlip.objects.create(
                number=number,
                office=office,
                service=service,
                service_name=service.name,
                missing=missing,
                brought=brought,
                fees=fees,
                deadline=deadline(service, event_date, office),
                event_date=event_date,
                applicant_label=applicant_label.strip()[:40],
                note=note.strip()[:300],
                created_by=user if getattr(user, "pk", None) else None,
                idempotency_key=idempotency_key or None,
            )
    except IntegrityError:
        # Two submissions with one key raced; the first one's slip is the answer.
        if idempotency_key:
            return NoticeSlip.objects.get(idempotency_key=idempotency_key)
        raise


def get_slip(number):
    try:
        return NoticeSlip.objects.select_related("office", "service").get(
            number=str(number or "").strip().upper()[:40]
        )
    except NoticeSlip.DoesNotExist:
        raise SlipNotFound(number) from None


def _next_slip_number(office):
    """HUXI-1151127-003-7KQ2: office, ROC date, the day's sequence, four random letters so
    that nobody can walk through other people's slips by counting."""
    today = timezone.localdate()
    sequence = next_number("slip", office=office, period=today)
    suffix = "".join(secrets.choice(_SLIP_ALPHABET) for _ in range(4))
    date_part = roc.format_short(today).replace("/", "")
    return f"{office.code.upper()}-{date_part}-{sequence:03d}-{suffix}"


def _document_entry(document):
    return {
        "name": document.name,
        "name_en": document.name_en,
        "note": document.note,
        "alternatives": document.alternatives,
        "where_to_get": document.where_to_get,
    }


def _add_months(day, months):
    if not months:
        return day
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def facts_to_verify():
    """The services with a figure no source confirms yet (their `unverified` lines, or a
    fee not marked verified): the office's review list, never shown to citizens."""
    from django.db.models import Prefetch, Q

    from huzheng.catalog.models import Fee

    return (
        RegistrationService.objects.filter(~Q(unverified="") | Q(fees__verified=False))
        .distinct()
        .prefetch_related(Prefetch("fees", queryset=Fee.objects.filter(verified=False)))
        .order_by("category", "sort_order", "name")
    )
