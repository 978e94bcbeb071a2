"""The public progress query (申辦案件查詢): the case number plus the applicant's ID
number or birth date gives the stage timeline, the expected date and whom to call,
behind limits on failed look-ups."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.cases.models import STAGE_ORDER, Case, CaseEvent, Stage
from huzheng.cases.services.errors import CaseNotFound, TooManyAttempts
from huzheng.cases.services.optin import opt_in_token
from huzheng.core import crypto, ratelimit, roc
from huzheng.core.identity import ALL_KINDS, parse_person_id
from huzheng.core.models import StaffProfile

NUMBER = re.compile(r"^\d{1,3}-[A-Z0-9_-]{1,32}-\d{6,9}$")
MAX_NUMBER_LENGTH = 48


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


def progress_of(case):
    """The progress page of a case already proved by a sign-up token."""
    return _progress(case)


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
