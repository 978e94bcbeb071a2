"""Domain operations of the case desk (案件管理) and the public progress query
(申辦案件查詢). Every rule is here; views, the API and the back office call it.

Case numbers read ``115-HUXI-000123``: the ROC year the case was received, the office
code, and a six-digit sequence per office and year that is never reused.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.cases.models import STAGE_ORDER, Case, CaseEvent, Stage
from huzheng.core import crypto, ratelimit, roc
from huzheng.core.i18n import person_name
from huzheng.core.identity import ALL_KINDS, parse_person_id
from huzheng.core.models import AuditEntry, StaffProfile
from huzheng.core.pdf import render_pdf
from huzheng.core.sequences import next_number
from huzheng.core.services import for_staff, is_working_day, record_audit, staff_office
from huzheng.core.signals import registration_completed
from huzheng.core.text import clean_line, clean_text
from huzheng.core.validators import MAX_EMAIL_LENGTH, clean_email, clean_phone, mobile_number
from huzheng.notify import services as notify
from huzheng.queueing.models import VisitRecord
from huzheng.queueing.services import link_record
from huzheng.surveys.services import case_survey_message

NUMBER = re.compile(r"^\d{1,3}-[A-Z0-9_-]{1,32}-\d{6,9}$")
MAX_NUMBER_LENGTH = 48
DUE_SOON_WORKING_DAYS = 3
# Public look-ups: 10 failures in 10 minutes per client, and per case number, so that
# neither one address nor many addresses can guess the facts of one case.
FAILURE_LIMIT = 10
FAILURE_WINDOW = 600
SCOPE_CLIENT = "cases-query-client"
SCOPE_NUMBER = "cases-query-number"

NOT_FOUND_MESSAGE = gettext_lazy(
    "No case matches this case number and these details. Please check what you typed."
)
TOO_MANY_MESSAGE = gettext_lazy(
    "Too many look-ups that found nothing. Please try again later (in about 10 minutes)."
)

# Opting in online: the progress page carries a signed token of the case, good for 30
# minutes, so the sign-up proves a recent successful look-up without a second one. The
# stop links in messages are signed with another salt and never expire.
OPT_IN_SALT = "cases.notify"
OPT_IN_MAX_AGE = 30 * 60
STOP_SALT = "cases.notify.stop"
CHANNEL_EMAIL = "email"
CHANNEL_SMS = "sms"
CHANNELS = (CHANNEL_EMAIL, CHANNEL_SMS)
# At most this many sign-ups per case in the token's lifetime, so a token cannot be used
# to send confirmations to a stream of strangers' addresses.
OPT_IN_LIMIT = 5
SCOPE_OPT_IN = "cases-opt-in"
MAX_CONTACT_INPUT = 300

BAD_TOKEN_MESSAGE = gettext_lazy(
    "This link is not valid. Please look up the case again and use the form on its page."
)
EXPIRED_TOKEN_MESSAGE = gettext_lazy(
    "This page has expired (after 30 minutes). Please look up the case again."
)
CLOSED_MESSAGE = gettext_lazy("This case is closed, so there will be no more updates to send.")
BAD_STOP_MESSAGE = gettext_lazy(
    "This stop link is not valid. Please copy the whole link from the message, or call the office."
)


class CaseError(Exception):
    """A case-desk operation was refused; the message says why, for the staff member."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


class CaseNotFound(Exception):
    """One answer for every wrong fact of a public query: nothing tells which was wrong."""


class TooManyAttempts(Exception):
    """The client or the case number has used up its failed look-ups for now."""


class OptInError(CaseError):
    """An online sign-up was refused; `errors` maps each bad field to its message."""

    def __init__(self, code, message, errors=None):
        super().__init__(code, message)
        self.errors = errors or {}


@dataclass(frozen=True)
class StageLine:
    stage: str
    label: str
    at: dt.datetime | None
    reached: bool
    current: bool


@dataclass(frozen=True)
class Progress:
    """All that the public query tells: the timeline, the expected date, whom to call."""

    number: str
    stage: str
    stage_label: str
    timeline: list
    expected_on: dt.date | None
    phone: str  # the office's
    # The assigned clerk's phone (承辦人電話) when their staff profile has one.
    clerk_phone: str = ""
    # The signed opt-in token for the "tell me when it moves" form; empty once closed.
    notify_token: str = ""


# --- the case desk ------------------------------------------------------------------------


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
        CaseEvent.objects.create(case=case, stage=Stage.RECEIVED, at=timezone.now(), by=_user(user))
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
    day = received_on
    counted = 0
    for _step in range(days * 7 + 60):  # bounded: even a month of typhoons ends
        if counted >= days:
            break
        day += dt.timedelta(days=1)
        if is_working_day(office, day):
            counted += 1
    return day


def working_days_until(office, first, last):
    """Working days after `first` up to and including `last` (0 when last <= first)."""
    count, day = 0, first
    while day < last:
        day += dt.timedelta(days=1)
        if is_working_day(office, day):
            count += 1
    return count


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
            case=case, stage=stage, at=timezone.now(), by=_user(user), note=clean_text(note)
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
        by=_user(user),
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
            by=_user(user),
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
            case=locked, stage=Stage.CLOSED, at=now, by=_user(user), note=clean_text(explanation)
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


def notify_applicant(case):
    """An e-mail and/or a text message to an applicant who asked for them, each with its
    channel's stop link; a failed delivery is recorded by notify and never stops the case."""
    if not (case.notify_email or case.notify_sms):
        return
    text = _(
        "Your case %(number)s at %(office)s is now at the stage “%(stage)s”. "
        "Follow it online with the case number."
    ) % {"number": case.number, "office": case.office.name, "stage": case.get_stage_display()}
    survey = case_survey_message(case)
    text = f"{text} {survey}" if survey else text
    if case.notify_email and case.email:
        notify.send_email(
            case.email,
            _("Case %(number)s has moved") % {"number": case.number},
            f"{text}\n\n{_stop_line(case, CHANNEL_EMAIL)}",
            topic="case",
            reference=case.number,
        )
    if case.notify_sms and case.phone:
        notify.send_sms(
            case.phone,
            f"{text} {_stop_line(case, CHANNEL_SMS)}",
            topic="case",
            reference=case.number,
        )


# --- opting in online (案件進度通知) --------------------------------------------------------


def opt_in_token(case):
    """The signed token the progress page's sign-up form carries (30 minutes)."""
    return signing.dumps(case.pk, salt=OPT_IN_SALT)


def case_for_opt_in(token):
    """The case a sign-up token names; OptInError when it is expired, tampered or gone."""
    try:
        pk = signing.loads(_token_text(token), salt=OPT_IN_SALT, max_age=OPT_IN_MAX_AGE)
    except signing.SignatureExpired:
        raise OptInError("expired", EXPIRED_TOKEN_MESSAGE) from None
    except signing.BadSignature:
        raise OptInError("bad_token", BAD_TOKEN_MESSAGE) from None
    case = Case.objects.select_related("office").filter(pk=pk).first() if type(pk) is int else None
    if case is None:
        raise OptInError("bad_token", BAD_TOKEN_MESSAGE)
    return case


def opt_in(case, *, email="", phone=""):
    """The applicant asks online for an e-mail and/or a text message when the case moves
    (案件進度通知): each contact given replaces the one on file, and each channel chosen gets
    one confirmation with its stop link. OptInError names every bad field at once."""
    if case.is_closed:
        raise OptInError("closed", CLOSED_MESSAGE)
    errors = {}
    clean_email = _opt_in_email(email, errors)
    clean_phone = _opt_in_mobile(phone, errors)
    if errors:
        raise OptInError("invalid", next(iter(errors.values())), errors)
    if not (clean_email or clean_phone):
        message = _("Please enter an e-mail address or a mobile phone number, or both.")
        raise OptInError("empty", message, {"email": message})
    if ratelimit.exceeded(SCOPE_OPT_IN, case.pk, limit=OPT_IN_LIMIT):
        raise OptInError(
            "too_many",
            _("This case has had too many sign-ups just now. Please try again later."),
        )
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("office").get(pk=case.pk)
        if locked.is_closed:
            raise OptInError("closed", CLOSED_MESSAGE)
        fields = []
        if clean_email:
            locked.email, locked.notify_email = clean_email, True
            fields += ["email", "notify_email"]
        if clean_phone:
            locked.phone, locked.notify_sms = clean_phone, True
            fields += ["phone", "notify_sms"]
        locked.save(update_fields=fields)
        channels = [c for c, v in ((CHANNEL_EMAIL, clean_email), (CHANNEL_SMS, clean_phone)) if v]
        transaction.on_commit(lambda: _confirm_opt_in(locked, channels))
    ratelimit.counted(SCOPE_OPT_IN, case.pk, window_seconds=OPT_IN_MAX_AGE)
    return locked


def stop_token(case, channel):
    """The signed, never-expiring token of a message's stop link: the case and channel."""
    return signing.dumps([case.pk, channel], salt=STOP_SALT)


def stop_url(case, channel):
    path = reverse("cases:notify_stop", kwargs={"token": stop_token(case, channel)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def case_for_stop(token):
    """(case, channel) of a stop link; OptInError when the link is tampered or the case gone."""
    try:
        value = signing.loads(_token_text(token), salt=STOP_SALT)
    except signing.BadSignature:
        raise OptInError("bad_token", BAD_STOP_MESSAGE) from None
    if not (
        isinstance(value, list)
        and len(value) == 2
        and type(value[0]) is int
        and value[1] in CHANNELS
    ):
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    case = Case.objects.select_related("office").filter(pk=value[0]).first()
    if case is None:
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    return case, value[1]


def opt_out(case, channel):
    """Stop one channel's updates for the case; stopping twice is no error."""
    if channel not in CHANNELS:
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    field = "notify_email" if channel == CHANNEL_EMAIL else "notify_sms"
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if getattr(locked, field):
            setattr(locked, field, False)
            locked.save(update_fields=[field])
    return locked


def progress_of(case):
    """The progress page of a case already proved by a sign-up token."""
    return _progress(case)


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
        if working_days_until(case.office, today, case.due_on) <= DUE_SOON_WORKING_DAYS
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


# --- the public query ---------------------------------------------------------------------


def query(number, national_id=None, birth_date=None):
    """The case's progress for someone who knows its number and the applicant's ID number
    or birth date; CaseNotFound for any wrong or malformed fact."""
    number = normalize_number(number)
    if not NUMBER.fullmatch(number):
        raise CaseNotFound
    case = (
        Case.objects.select_related("office")
        .only(
            "number",
            "stage",
            "due_on",
            "national_id_hash",
            "birth_date",
            "assigned_to_id",
            "office__phone",
        )
        .filter(number=number)
        .first()
    )
    if case is None:
        raise CaseNotFound
    if national_id:
        try:
            person = parse_person_id(national_id, kinds=ALL_KINDS)
        except ValidationError:
            raise CaseNotFound from None
        matches = crypto.lookup_hash(person.number) == case.national_id_hash
    elif isinstance(birth_date, dt.date):
        matches = birth_date == case.birth_date
    else:
        matches = False
    if not matches:
        raise CaseNotFound
    return _progress(case)


def guarded_query(number, *, client, national_id=None, birth_date=None):
    """query() behind the rate limits: TooManyAttempts before looking when the client or
    the case number has failed too often, and each failure counted against both."""
    number_key = normalize_number(number)[:MAX_NUMBER_LENGTH]
    if ratelimit.exceeded(SCOPE_CLIENT, client, limit=FAILURE_LIMIT) or ratelimit.exceeded(
        SCOPE_NUMBER, number_key, limit=FAILURE_LIMIT
    ):
        raise TooManyAttempts
    try:
        return query(number, national_id=national_id, birth_date=birth_date)
    except CaseNotFound:
        ratelimit.counted(SCOPE_CLIENT, client, window_seconds=FAILURE_WINDOW)
        ratelimit.counted(SCOPE_NUMBER, number_key, window_seconds=FAILURE_WINDOW)
        raise


def parse_birth_date(text):
    """A birth date typed in the ROC calendar or as ISO; ValidationError with a clear
    message when it cannot be read or lies in the future."""
    value = roc.parse(text)
    if value > roc.today():
        raise ValidationError(_("The birth date cannot be in the future."), code="future")
    return value


def normalize_number(value):
    text = unicodedata.normalize("NFKC", str(value or ""))[: MAX_NUMBER_LENGTH * 2]
    return re.sub(r"\s", "", text).upper()


# --- helpers ------------------------------------------------------------------------------


def _progress(case):
    reached = {}
    for stage, at in CaseEvent.objects.filter(
        case_id=case.pk, kind=CaseEvent.Kind.STAGE
    ).values_list("stage", "at"):
        reached.setdefault(stage, at)
    labels = dict(Stage.choices)
    current = STAGE_ORDER.index(case.stage)
    timeline = [
        StageLine(
            stage=stage,
            label=str(labels[stage]),
            at=reached.get(stage),
            reached=index <= current,
            current=index == current,
        )
        for index, stage in enumerate(STAGE_ORDER)
        # A skipped stage (no inquiry needed) is left out once the case is past it.
        if stage in reached or index > current
    ]
    return Progress(
        number=case.number,
        stage=case.stage,
        stage_label=str(labels[case.stage]),
        timeline=timeline,
        expected_on=case.due_on,
        phone=case.office.phone,
        clerk_phone=_clerk_phone(case),
        notify_token="" if case.stage == Stage.CLOSED else opt_in_token(case),
    )


def _clerk_phone(case):
    """The assigned clerk's phone from their staff profile; one query, only when assigned."""
    if not case.assigned_to_id:
        return ""

    phone = (
        StaffProfile.objects.filter(user_id=case.assigned_to_id)
        .values_list("phone", flat=True)
        .first()
    )
    return phone or ""


def _confirm_opt_in(case, channels):
    values = {"number": case.number, "office": case.office.name}
    if CHANNEL_EMAIL in channels:
        text = (
            _(
                "You will get an e-mail each time case %(number)s at %(office)s moves to a new "
                "stage. If you did not ask for this, or to stop, open the link below."
            )
            % values
        )
        notify.send_email(
            case.email,
            _("Updates for case %(number)s") % values,
            f"{text}\n\n{_stop_line(case, CHANNEL_EMAIL)}",
            topic="case",
            reference=case.number,
        )
    if CHANNEL_SMS in channels:
        text = (
            _("You will get a text each time case %(number)s at %(office)s moves to a new stage.")
            % values
        )
        notify.send_sms(
            case.phone,
            f"{text} {_stop_line(case, CHANNEL_SMS)}",
            topic="case",
            reference=case.number,
        )


def _stop_line(case, channel):
    if channel == CHANNEL_EMAIL:
        return _("To stop these e-mails: %(url)s") % {"url": stop_url(case, channel)}
    return _("To stop these texts: %(url)s") % {"url": stop_url(case, channel)}


def _token_text(token):
    text = str(token or "")
    # Real tokens are well under 100 characters; a long one is refused before any work.
    if len(text) > 500:
        raise signing.BadSignature("too long")
    return text


def _opt_in_email(value, errors):
    raw = str(value or "")
    try:
        # An over-long input is refused, not cut short.
        return clean_email(raw if len(raw) <= MAX_CONTACT_INPUT else "x" * (MAX_EMAIL_LENGTH + 1))
    except ValidationError:
        errors["email"] = _("Please enter a valid e-mail address, for example name@example.com.")
        return ""


def _opt_in_mobile(value, errors):
    raw = str(value or "")
    if not raw.strip():
        return ""
    number = mobile_number(raw) if len(raw) <= MAX_CONTACT_INPUT else ""
    if not number:
        errors["phone"] = _(
            "Please enter a Taiwan mobile phone number of 10 digits, for example 0912345678."
        )
    return number


def _next_sequence(office, year):
    """The office's next case number of the ROC year, never given twice."""
    return next_number("case", office=office, period=year)


def _user(user):
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
