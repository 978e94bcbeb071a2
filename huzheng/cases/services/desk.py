"""The case desk (案件管理): registering and numbering a case, its due date in working
days, moving it through its stages, notes, assignment, closing with the reply letter,
the staff's reads and the dashboard.

Case numbers read ``115-HUXI-000123``: the ROC year the case was received, the office
code, and a six-digit sequence per office and year that is never reused."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.cases.models import STAGE_ORDER, Case, CaseEvent, Stage
from huzheng.cases.services.errors import CaseError
from huzheng.cases.services.optin import notify_applicant
from huzheng.core import crypto, roc
from huzheng.core.i18n import person_name
from huzheng.core.identity import ALL_KINDS, parse_person_id
from huzheng.core.models import AuditEntry
from huzheng.core.pdf import render_pdf
from huzheng.core.sequences import next_number
from huzheng.core.services import (
    add_working_days,
    for_staff,
    record_audit,
    staff_office,
    working_days_between,
)
from huzheng.core.signals import registration_completed
from huzheng.core.text import clean_line, clean_text
from huzheng.core.validators import clean_email, clean_phone
from huzheng.queueing.models import VisitRecord
from huzheng.queueing.services import link_record

DUE_SOON_WORKING_DAYS = 3


def register_case(
    *,
    office,
    service,
    applicant_name,
    national_id,
    birth_date,
    received_on=None,
    phone="",
    email="",
    documents=(),
    ticket=None,
    needs_reply=False,
    notify_email=False,
    notify_sms=False,
    assigned_to=None,
    user=None,
):
    """Register a case, number it and link it to the visit's ticket; one transaction."""
    person = parse_person_id(national_id, kinds=ALL_KINDS)
    name = clean_line(applicant_name, 100)
    if not name:
        raise CaseError("invalid", _("Please enter the applicant's name."))
    received_on = received_on or roc.today()
    if birth_date is None or birth_date > received_on:
        raise CaseError(
            "invalid", _("The birth date cannot be after the day the case is received.")
        )
    try:
        email = clean_email(email)
    except ValidationError:
        raise CaseError("invalid", _("Please enter a valid e-mail address.")) from None
    try:
        phone = clean_phone(phone) if clean_line(phone) else ""
    except ValidationError as exc:
        raise CaseError("invalid", exc.messages[0]) from None
    if notify_email and not email:
        raise CaseError("invalid", _("An e-mail address is needed to send e-mail updates."))
    if notify_sms and not phone:
        raise CaseError("invalid", _("A phone number is needed to send text messages."))
    if ticket is not None and ticket.office_id != office.pk:
        raise CaseError("invalid", _("This ticket belongs to another office."))
    documents = [clean_line(d, 200) for d in documents if clean_line(d, 200)][:50]
    with transaction.atomic():
        year = roc.roc_year(received_on.year)
        sequence = _next_sequence(office, year)
        case = Case.objects.create(
            number=f"{year}-{office.code.upper()}-{sequence:06d}",
            office=office,
            year=year,
            sequence=sequence,
            service=service,
            applicant_name=name,
            national_id_hash=crypto.lookup_hash(person.number),
            national_id_encrypted=crypto.encrypt(person.number),
            national_id_masked=person.masked,
            birth_date=birth_date,
            phone=phone,
            email=email,
            received_on=received_on,
            documents=documents,
            ticket=ticket,
            due_on=due_date(office, service, received_on),
            needs_reply=needs_reply,
            notify_email=notify_email,
            notify_sms=notify_sms,
            assigned_to=assigned_to,
        )
        CaseEvent.objects.create(
            case=case, stage=Stage.RECEIVED, at=timezone.now(), by=acting_user(user)
        )
        record_audit(user, AuditEntry.Action.CREATE, case, fields=["national_id"])
        if ticket is not None and ticket.date == timezone.localdate():
            link_record(ticket, kind=VisitRecord.Kind.CASE, reference=case.number, user=user)
    return case


def due_date(office, service, received_on):
    """The received day plus the catalog's processing limit in working days (the received
    day not counted); None when the catalog sets no limit."""
    days = service.processing_working_days
    if days is None:
        return None
    return add_working_days(office, received_on, days)


def next_stages(case):
    """The stages the case may move to: any later one (a stage may be skipped, say no
    inquiry to other agencies was needed), never back; closing goes through close()."""
    if case.stage == Stage.CLOSED:
        return []
    current = STAGE_ORDER.index(case.stage)
    return [
        (value, label)
        for value, label in Stage.choices
        if STAGE_ORDER.index(value) > current and value != Stage.CLOSED
    ]


def move_stage(case, stage, *, user=None, note=""):
    """Move a case forward to one of its next_stages(), audited."""
    if stage not in STAGE_ORDER or stage == Stage.CLOSED:
        raise CaseError("invalid_stage", _("Choose a stage to move the case to."))
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if stage not in dict(next_stages(case)):
            raise CaseError(
                "backwards",
                _("The case is already at “%(stage)s”; a case only moves forward.")
                % {"stage": case.get_stage_display()},
            )
        case.stage = stage
        case.save(update_fields=["stage"])
        CaseEvent.objects.create(
            case=case, stage=stage, at=timezone.now(), by=acting_user(user), note=clean_text(note)
        )
        record_audit(user, AuditEntry.Action.UPDATE, case, fields=["stage"])
        transaction.on_commit(lambda: notify_applicant(case))
    return case


def add_note(case, note, *, user=None):
    text = clean_text(note)
    if not text:
        raise CaseError("invalid", _("Please write the note."))
    return CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.Kind.NOTE,
        stage=case.stage,
        at=timezone.now(),
        by=acting_user(user),
        note=text,
    )


def assign(case, clerk, *, user=None):
    """Give the case to a clerk of its office."""
    profile = getattr(clerk, "staff_profile", None)
    if (
        clerk is None
        or not clerk.is_active
        or getattr(profile, "office_id", None) != case.office_id
    ):
        raise CaseError("invalid_clerk", _("Choose a clerk of this office."))
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(assigned_to=clerk)
        case.assigned_to = clerk
        CaseEvent.objects.create(
            case=case,
            kind=CaseEvent.Kind.ASSIGN,
            stage=case.stage,
            at=timezone.now(),
            by=acting_user(user),
            note=person_name(clerk),
        )
        record_audit(user, AuditEntry.Action.UPDATE, case, fields=["assigned_to"])
    return case


def close(case, *, user=None, subject="", explanation=""):
    """Close the case; one that needs a written reply gets its reply letter (公文函覆) as a
    PDF, made before anything is saved so a failed letter leaves the case open."""
    if case.needs_reply and not clean_line(subject, 200):
        raise CaseError(
            "invalid", _("A case that needs a written reply needs the letter's subject.")
        )
    letter = None
    now = timezone.now()
    if case.needs_reply:
        letter = reply_letter_pdf(case, subject=subject, explanation=explanation, on=now)
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.is_closed:
            raise CaseError("closed", _("The case is already closed."))
        locked.stage = Stage.CLOSED
        locked.closed_at = now
        locked.reply_letter = letter
        locked.save(update_fields=["stage", "closed_at", "reply_letter"])
        CaseEvent.objects.create(
            case=locked,
            stage=Stage.CLOSED,
            at=now,
            by=acting_user(user),
            note=clean_text(explanation),
        )
        record_audit(user, AuditEntry.Action.UPDATE, locked, fields=["stage"])
        registration_completed.send(
            sender=Case,
            office=locked.office,
            service=locked.service,
            national_id_hash=locked.national_id_hash,
            reference=locked.number,
            on=timezone.localdate(now),
        )
        transaction.on_commit(lambda: notify_applicant(locked))
    return locked


def read_case(case, *, user):
    """A staff member opens a case's page: the applicant's details are personal data, so
    the read goes to the audit log."""
    record_audit(
        user,
        AuditEntry.Action.READ,
        case,
        fields=["applicant_name", "national_id_masked", "phone", "email", "birth_date"],
    )
    return case


def read_reply_letter(case, *, user):
    """The reply letter's PDF for a staff member, audited; None when there is none."""
    if not case.reply_letter:
        return None
    record_audit(user, AuditEntry.Action.READ, case, fields=["reply_letter"])
    return bytes(case.reply_letter)


def reply_letter_pdf(case, *, subject, explanation, on=None):
    paragraphs = [p.strip() for p in str(explanation or "").splitlines() if p.strip()]
    return render_pdf(
        "cases/reply_letter.html",
        {
            "case": case,
            "office": case.office,
            "subject": clean_line(subject, 200),
            "paragraphs": paragraphs,
            "dated": timezone.localtime(on or timezone.now()).date(),
        },
    )


def dashboard(user, today=None):
    """My cases, due soon (within 3 working days) and overdue, of the open cases the
    staff member may see; the director's lists cover the whole office."""
    today = today or roc.today()
    open_cases = for_staff(
        Case.objects.exclude(stage=Stage.CLOSED).select_related("service", "office"), user
    )
    mine = list(open_cases.filter(assigned_to=user).order_by("due_on", "sequence")[:200])
    dated = open_cases.filter(due_on__isnull=False)
    overdue = list(dated.filter(due_on__lt=today).order_by("due_on", "sequence")[:200])
    soon = [
        case
        for case in dated.filter(
            due_on__gte=today, due_on__lte=today + dt.timedelta(days=DUE_SOON_WORKING_DAYS * 3)
        ).order_by("due_on", "sequence")[:500]
        if working_days_between(case.office, today, case.due_on) <= DUE_SOON_WORKING_DAYS
    ]
    lists = {"mine": mine, "due_soon": soon, "overdue": overdue}
    if any(lists.values()):
        # Applicants' names are personal data: a list of them is a staff read.
        record_audit(
            user,
            AuditEntry.Action.READ,
            staff_office(user) or user,
            fields=["applicant_name"],
            reason="case dashboard",
        )
    return lists


def _next_sequence(office, year):
    """The office's next case number of the ROC year, never given twice."""
    return next_number("case", office=office, period=year)


def acting_user(user):
    return user if getattr(user, "pk", None) else None


def receipt_pdf(case, *, user, query_url):
    """The case receipt (收件收據) the counter prints for the applicant: the case number and
    what the public progress query asks for with it (the applicant's ID number or birth
    date), the service, the day received and the day due. The ID number is masked; the
    print is audited as a read of the case's personal data."""
    record_audit(user, AuditEntry.Action.READ, case, fields=["receipt"])
    return render_pdf(
        "cases/receipt.html",
        {
            "case": case,
            "office": case.office,
            "documents": list(case.documents or []),
            "query_url": query_url,
            "printed": timezone.localtime(timezone.now()),
        },
    )
