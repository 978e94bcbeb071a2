"""ID card rules (國民身分證): loss reports and their cancellation, the validity check
banks and shops use (領補換資料查詢), the issue status of a card applied for
(初補換查詢) and the counter's record of those applications, from registration to
hand-over. Views, the API and the back office all call these functions.

No answer to the public ever tells whether an ID number is in the registry: wrong facts
and an unknown number get the same answer. Public look-ups are limited per client and
per target number in the shared cache (core.ratelimit), so the limit holds across app
servers.
"""

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huzheng.core import ratelimit, roc
from huzheng.core.crypto import encrypt, lookup_hash
from huzheng.core.identity import NATIONAL_ID, parse_person_id
from huzheng.core.models import AuditEntry
from huzheng.core.sequences import next_number
from huzheng.core.services import for_staff, record_audit, reveal, staff_may_see
from huzheng.core.text import strip_controls
from huzheng.core.validators import clean_email, mobile_number, normalize_phone, validate_phone
from huzheng.idcards.models import (
    CardStatus,
    IdCardApplication,
    IssueType,
    LossReport,
)
from huzheng.idcards.places import place_code
from huzheng.idcards.registry import get_registry
from huzheng.notify import services as notify

# 10 failures in 10 minutes, per client address and per target ID number. The national
# site locks a number for a day after 3 wrong tries (reference marked unverified), which
# would let anyone lock a stranger's card check; so the same limit as per client here.
LIMIT = 10
WINDOW_SECONDS = 10 * 60

LATEST, NOT_LATEST, REPORTED_LOST = "latest", "not_latest", "reported_lost"
VALIDITY_RESULTS = (LATEST, NOT_LATEST, REPORTED_LOST)

NOT_MATCHED_MESSAGE = _(
    "The ID number, name and birth date do not match our records together. Please check "
    "them, or report the loss at any household registration office."
)
NOT_FOUND_MESSAGE = _(
    "We found no ID card application for this ID number and birth date. Please check "
    "both, or ask the office where you applied."
)
RATE_LIMITED_MESSAGE = _(
    "Too many unsuccessful look-ups. Please try again later (in about 10 minutes)."
)
MAX_NAME_LENGTH = 100
MAX_ANSWER_LENGTH = 200
LOSS_REFERENCE = re.compile(r"L-\d{2,3}-\d{6}")


class IdCardError(Exception):
    """A request that cannot be answered as asked; `status` is the HTTP status for APIs."""

    status = 400
    code = "error"

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message, self.field = message, field


class InvalidInput(IdCardError):
    status, code = 422, "invalid"


class RateLimited(IdCardError):
    status, code = 429, "rate_limited"


class NotMatched(IdCardError):
    status, code = 404, "not_matched"


class NotFound(IdCardError):
    status, code = 404, "not_found"


@dataclass(frozen=True)
class IssueStatus:
    application: IdCardApplication

    @property
    def ready(self):
        return self.application.status == IdCardApplication.Status.READY


# --- the validity check (領補換資料查詢) ----------------------------------------------------


def check_validity(national_id, issue_date, issue_type, issue_place, *, client):
    """latest / not_latest / reported_lost for the card described; raise InvalidInput
    for a malformed request and RateLimited after too many failures."""
    scope = "idcards-validity"
    _refuse_if_limited(scope, client=client)
    try:
        number = _national_id(national_id)
        day = _past_date(issue_date, field="issue_date")
        if issue_type not in IssueType.values:
            raise InvalidInput(
                _("Please choose the issue type: first issue, reissue or replacement."),
                field="issue_type",
            )
        code = place_code(issue_place)
        if code is None:
            raise InvalidInput(_("Please choose the place the card was issued."), "issue_place")
    except InvalidInput:
        ratelimit.counted(f"{scope}-client", client, window_seconds=WINDOW_SECONDS)
        raise
    _refuse_if_limited(scope, target=number)
    person = get_registry().find_person(number)
    card = person.card if person else None
    if card and (card.issue_date, card.issue_type, card.issue_place_code) == (
        day,
        issue_type,
        code,
    ):
        return REPORTED_LOST if card.status == CardStatus.REPORTED_LOST else LATEST
    _count_failure(scope, client=client, target=number)
    return NOT_LATEST


# --- loss reports (掛失) -----------------------------------------------------------------


def report_loss_online(national_id, name, birth_date, *, client):
    """Report a card lost after checking ID number, name and birth date together.

    Returns (report, created); a repeated report gets the open one back. Any mismatch
    raises NotMatched with one message that never says which fact was wrong."""
    scope = "idcards-loss"
    _refuse_if_limited(scope, client=client)
    try:
        number, name, birth_date = _loss_facts(national_id, name, birth_date)
    except InvalidInput:
        ratelimit.counted(f"{scope}-client", client, window_seconds=WINDOW_SECONDS)
        raise
    _refuse_if_limited(scope, target=number)
    if not _facts_match(number, name, birth_date):
        _count_failure(scope, client=client, target=number)
        raise NotMatched(NOT_MATCHED_MESSAGE)
    return _open_report(number, channel=LossReport.Channel.ONLINE)


def report_loss_by_phone(national_id, name, birth_date, *, staff, office, answers):
    """A loss reported by phone (電話掛失): staff type the caller's facts and answers to the
    verification questions; the same facts check as online, the answers kept encrypted."""
    number, name, birth_date = _loss_facts(national_id, name, birth_date)
    clean_answers = {}
    for question, answer in answers.items():
        answer = strip_controls(unicodedata.normalize("NFKC", str(answer or ""))).strip()
        if len(answer) > MAX_ANSWER_LENGTH:
            raise InvalidInput(_("An answer is too long."), field=question)
        if answer:
            clean_answers[str(question)] = answer
    if not clean_answers:
        raise InvalidInput(
            _("Please record the caller's answers to the verification questions."),
            field="answers",
        )
    if not _facts_match(number, name, birth_date):
        raise NotMatched(NOT_MATCHED_MESSAGE)
    report, created = _open_report(
        number,
        channel=LossReport.Channel.PHONE,
        staff=staff,
        office=office,
        verification=clean_answers,
    )
    if created:
        record_audit(
            staff,
            AuditEntry.Action.CREATE,
            report,
            fields=["national_id", "verification"],
            reason="phone loss report",
            office=office,
        )
    return report, created


@transaction.atomic
def cancel_loss_report(report, *, staff, identity_check):
    """Cancel a loss report (撤銷掛失) at the counter after checking who the person is;
    what was checked is recorded with the cancellation."""
    identity_check = strip_controls(str(identity_check or "")).strip()
    if not identity_check:
        raise InvalidInput(
            _("Please record how the person's identity was checked."), field="identity_check"
        )
    if len(identity_check) > 200:
        raise InvalidInput(_("Please keep this under 200 characters."), field="identity_check")
    report = LossReport.objects.select_for_update().get(pk=report.pk)
    if report.status != LossReport.Status.REPORTED:
        raise InvalidInput(_("This loss report has already been cancelled."))
    report.status = LossReport.Status.CANCELLED
    report.cancelled_at = timezone.now()
    report.cancelled_by = staff
    report.cancel_identity_check = identity_check
    report.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_identity_check"])
    _set_card_status_by_hash(report, CardStatus.VALID, staff=staff)
    record_audit(
        staff,
        AuditEntry.Action.UPDATE,
        report,
        fields=["status", "cancel_identity_check"],
        reason="loss report cancelled",
        office=report.office,
    )
    return report


def roc_timestamp(moment):
    """民國115年11月27日 14:05, the loss report's time stamp as the office writes it."""
    local = timezone.localtime(moment)
    return f"{roc.format_long(local)} {local:%H:%M}"


# --- issue status (初補換查詢) -----------------------------------------------------------


def issue_status(national_id, birth_date, *, client):
    """The latest card application for these two facts, or NotFound (one answer)."""
    scope = "idcards-status"
    _refuse_if_limited(scope, client=client)
    try:
        number = _national_id(national_id)
        birth_date = _past_date(birth_date, field="birth_date")
    except InvalidInput:
        ratelimit.counted(f"{scope}-client", client, window_seconds=WINDOW_SECONDS)
        raise
    _refuse_if_limited(scope, target=number)
    # The birth date is encrypted at rest: the keyed hash finds the person's
    # applications, the date is compared after reading.
    applications = (
        IdCardApplication.objects.select_related("collect_at")
        .filter(national_id_hash=lookup_hash(number))
        .order_by("-applied_at")
    )
    application = next((a for a in applications if a.birth_date == birth_date), None)
    if application is None:
        _count_failure(scope, client=client, target=number)
        raise NotFound(NOT_FOUND_MESSAGE)
    return IssueStatus(application)


# --- card applications (staff) (初補換受理) ---------------------------------------------


class NotAllowed(IdCardError):
    status, code = 403, "forbidden"


def register_application(national_id, birth_date, kind, *, office, staff, phone="", email=""):
    """Record a card applied for at the counter (受理初領/補領/換領), to be collected at
    `office`; the ID number and birth date must match the household register."""
    _refuse_other_office(staff, office)
    number = _national_id(national_id)
    birth_date = _past_date(birth_date, field="birth_date")
    if kind not in IssueType.values:
        raise InvalidInput(
            _("Please choose the issue type: first issue, reissue or replacement."), field="kind"
        )
    phone, email = _contact(phone, email)
    person = get_registry().find_person(number)
    if person is None or person.birth_date != birth_date:
        raise InvalidInput(
            _("The ID number and birth date do not match the household register."),
            field="birth_date",
        )
    digest = lookup_hash(number)
    try:
        with transaction.atomic():
            application = IdCardApplication.objects.create(
                national_id_hash=digest,
                national_id_masked=parse_person_id(number).masked,
                birth_date=birth_date,
                kind=kind,
                applied_at=timezone.now(),
                collect_at=office,
                phone=phone,
                email=email,
                registered_by=staff,
            )
            record_audit(
                staff,
                AuditEntry.Action.CREATE,
                application,
                fields=["national_id", "birth_date", "phone", "email"],
                reason="ID card application registered",
                office=office,
            )
    except IntegrityError:
        # The partial unique index: a card for this person is still being made or waiting.
        raise InvalidInput(
            _(
                "This person already has a card being made or waiting to be collected. "
                "Hand that one over first."
            ),
            field="national_id",
        ) from None
    return application


def mark_ready(application, *, staff):
    """The new card has arrived at the office (製證完成待領): processing → ready; the
    applicant is told by e-mail or text once the move is committed."""
    return _move(
        application,
        staff,
        to=IdCardApplication.Status.READY,
        stamp="ready",
        reason="ID card ready to collect",
        then=notify_card_ready,
    )


def mark_collected(application, *, staff):
    """The card is handed over at the counter (領證): ready → collected."""
    return _move(
        application,
        staff,
        to=IdCardApplication.Status.COLLECTED,
        stamp="collected",
        reason="ID card collected",
    )


def notify_card_ready(application):
    """Tell the applicant, in the office's language, where to collect the card; a failed
    delivery is recorded by notify and never undoes the move."""
    if not (application.email or application.phone):
        return
    office = application.collect_at
    reference = f"idcard-application-{application.pk}"
    with translation.override(settings.LANGUAGE_CODE):
        note = gettext("Questions: %(phone)s.") % {"phone": office.phone} if office.phone else ""
    # The words are the notify templates idcard.ready-email and idcard.ready-sms.
    values = {
        "office": office.name,
        "office_address": office.address or "—",
        "note": f" {note}" if note else "",
    }
    fields = {
        "language": settings.LANGUAGE_CODE,
        "topic": "idcard.ready",
        "reference": reference,
        "office": office,
    }
    if application.email:
        notify.send_template("idcard.ready-email", application.email, values, **fields)
    # A landline cannot take a text message: only mobiles get the SMS.
    if mobile_number(application.phone):
        notify.send_template("idcard.ready-sms", application.phone, values, **fields)


def find_loss_reports(staff, query="", *, limit=50):
    """The latest loss reports, or those with this reference (L-115-000001) or full ID
    number, for the back office. Showing their masked numbers is a staff read, logged."""
    reports = LossReport.objects.select_related("office", "staff")
    if query:
        reports = reports.filter(**_loss_report_search(query))
    reports = list(reports[:limit])
    if reports:
        record_audit(
            staff,
            AuditEntry.Action.READ,
            reports[0],
            fields=["national_id_masked"],
            reason=f"loss report list ({len(reports)})",
        )
    return reports


def find_applications(staff, query="", status="", *, limit=50):
    """The card applications a staff member may see, of one status or with this full ID
    number; the list is a staff read of personal data, logged."""
    applications = applications_for(staff).select_related(
        "registered_by", "ready_by", "collected_by"
    )
    if status:
        applications = applications.filter(status=status)
    if query:
        applications = applications.filter(**_id_number_search(query))
    applications = list(applications[:limit])
    if applications:
        record_audit(
            staff,
            AuditEntry.Action.READ,
            applications[0],
            fields=["national_id_masked", "birth_date"],
            reason=f"ID card application list ({len(applications)})",
            office=applications[0].collect_at,
        )
    return applications


def applications_for(staff):
    """The applications a staff member may see: those collected at their office(s)."""
    applications = IdCardApplication.objects.select_related("collect_at")
    return for_staff(applications, staff, "collect_at")


# Each status an application moves to, and the one it must be in before.
_MOVES_FROM = {
    IdCardApplication.Status.READY: IdCardApplication.Status.PROCESSING,
    IdCardApplication.Status.COLLECTED: IdCardApplication.Status.READY,
}


def _move(application, staff, *, to, stamp, reason, then=None):
    """One step forward under a row lock, stamped `<stamp>_at`/`<stamp>_by` and audited;
    `then(application)` runs after the commit, and its failure never undoes the move."""
    with transaction.atomic():
        locked = _locked_application(application, staff)
        if locked.status != _MOVES_FROM[to]:
            raise InvalidInput(_already_message(locked))
        locked.status = to
        setattr(locked, f"{stamp}_at", timezone.now())
        setattr(locked, f"{stamp}_by", staff)
        locked.save(update_fields=["status", f"{stamp}_at", f"{stamp}_by"])
        record_audit(
            staff,
            AuditEntry.Action.UPDATE,
            locked,
            fields=["status", f"{stamp}_at"],
            reason=reason,
            office=locked.collect_at,
        )
        if then is not None:
            transaction.on_commit(lambda: then(locked), robust=True)
    return locked


def _locked_application(application, staff):
    locked = (
        IdCardApplication.objects.select_for_update()
        .select_related("collect_at")
        .get(pk=application.pk)
    )
    _refuse_other_office(staff, locked.collect_at)
    return locked


def _refuse_other_office(staff, office):
    if not staff_may_see(staff, office):
        raise NotAllowed(_("This application belongs to another office."))


def _already_message(application):
    if application.status == IdCardApplication.Status.READY:
        return _("This card is already marked ready to collect.")
    if application.status == IdCardApplication.Status.COLLECTED:
        return _("This card has already been collected.")
    return _("This card is still being made; mark it ready before handing it over.")


def _contact(phone, email):
    if not isinstance(phone, str | type(None)) or not isinstance(email, str | type(None)):
        raise InvalidInput(_("Please check the phone number and e-mail."))
    phone = normalize_phone(phone)
    if phone:
        if len(phone) > 30:
            raise InvalidInput(_("This phone number is too long."), field="phone")
        try:
            validate_phone(phone)
        except ValidationError as exc:
            raise InvalidInput(" ".join(exc.messages), field="phone") from None
    try:
        email = clean_email(unicodedata.normalize("NFKC", email or ""))
    except ValidationError:
        raise InvalidInput(_("Please enter a valid e-mail address."), field="email") from None
    return phone, email


# --- helpers -----------------------------------------------------------------------------


def _loss_report_search(query):
    text = query.upper()
    if LOSS_REFERENCE.fullmatch(text):
        return {"reference": text}
    return _id_number_search(text)


def _id_number_search(query):
    try:
        number = parse_person_id(query.upper(), kinds=(NATIONAL_ID,)).number
    except ValidationError:  # only a full ID number finds a person's records
        return {"pk__in": []}
    return {"national_id_hash": lookup_hash(number)}


def _refuse_if_limited(scope, *, client=None, target=None):
    if client is not None and ratelimit.exceeded(f"{scope}-client", client, limit=LIMIT):
        raise RateLimited(RATE_LIMITED_MESSAGE)
    if target is not None and ratelimit.exceeded(f"{scope}-target", target, limit=LIMIT):
        raise RateLimited(RATE_LIMITED_MESSAGE)


def _count_failure(scope, *, client, target):
    ratelimit.counted(f"{scope}-client", client, window_seconds=WINDOW_SECONDS)
    ratelimit.counted(f"{scope}-target", target, window_seconds=WINDOW_SECONDS)


def _national_id(value):
    if not isinstance(value, str | type(None)) or len(str(value or "")) > 40:
        raise InvalidInput(_("Please enter a national ID number."), field="national_id")
    try:
        return parse_person_id(value, kinds=(NATIONAL_ID,)).number
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), field="national_id") from None


def _past_date(value, *, field):
    """A date given as a date, or as text roc.parse reads (ROC or ISO); never in the
    future."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = roc.parse(value)
        except ValidationError as exc:
            raise InvalidInput(" ".join(exc.messages), field=field) from None
    if value > roc.today():
        raise InvalidInput(_("This date cannot be in the future."), field=field)
    if value.year < 1900:
        raise InvalidInput(_("Please check the year of this date."), field=field)
    return value


def _loss_facts(national_id, name, birth_date):
    number = _national_id(national_id)
    name = _clean_name(name)
    if not name:
        raise InvalidInput(_("Please enter the name on the card."), field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(_("This name is too long."), field="name")
    return number, name, _past_date(birth_date, field="birth_date")


def _clean_name(value):
    text = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"\s+", "", strip_controls(text))


def _facts_match(number, name, birth_date):
    person = get_registry().find_person(number)
    return bool(person and _clean_name(person.name) == name and person.birth_date == birth_date)


def _open_report(number, *, channel, staff=None, office=None, verification=None):
    digest = lookup_hash(number)
    existing = _open_report_for(digest)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = LossReport.objects.create(
                reference=_next_reference(),
                national_id_hash=digest,
                national_id_encrypted=encrypt(number),
                national_id_masked=parse_person_id(number).masked,
                channel=channel,
                staff=staff,
                office=office,
                verification_encrypted=(
                    encrypt(json.dumps(verification, ensure_ascii=False)) if verification else ""
                ),
            )
            get_registry().set_card_status(number, CardStatus.REPORTED_LOST)
    except IntegrityError:
        # Two reports at the same instant: the database let one in; answer with it.
        existing = _open_report_for(digest)
        if existing is None:
            raise
        return existing, False
    return report, True


def _open_report_for(digest):
    return LossReport.objects.filter(
        national_id_hash=digest, status=LossReport.Status.REPORTED
    ).first()


def _next_reference():
    """L-115-000123: per ROC year, from a locked counter row, never reused."""
    year = roc.roc_year(roc.today().year)
    return f"L-{year}-{next_number('loss-report', period=year):06d}"


def _set_card_status_by_hash(report, status, *, staff):
    number = reveal(
        report.national_id_encrypted,
        user=staff,
        subject=report,
        field="national_id",
        reason="loss report cancelled: card status back to valid",
    )
    get_registry().set_card_status(number, status)
