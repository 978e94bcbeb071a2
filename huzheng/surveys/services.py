"""Domain operations of the surveys (滿意度調查): handing out a visit's one-time link,
taking an answer once, copying last year's survey, and the results.

An answer is written without the person: a citizen's answer keeps the visit's context
(service, series, counter, wait band, channel) copied from the link, and the link is
marked used by a compare-and-set update in the same transaction, so a link answers once
even when two submissions race. A staff member's answer is counted once by a separate
participation row the database keeps unique per person, and the answer itself holds no
person. Answers are never written to the audit log, which records addresses and agents.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.surveys import results
from huzheng.surveys.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Answer,
    Audience,
    Channel,
    Invitation,
    Question,
    Response,
    StaffParticipation,
    Survey,
    wait_band,
)


class SurveyError(Exception):
    """A survey answer that cannot be taken; the message says why in the user's language."""

    def __init__(self, code, message, status=409):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


# --- links --------------------------------------------------------------------------------------


def visit_survey_url(
    office, source, *, channel, service_id=None, series="", counter=None, wait_minutes=None
):
    """The one-time link (a path) for a finished visit named by `source` ("ticket:<id>"),
    made on first asking and the same afterwards; None when the office has no citizen
    survey open today. Queueing, appointments and cases call this with their context."""
    survey = open_survey(office, Audience.CITIZENS)
    if survey is None:
        return None
    source = str(source)[:80]
    invitation = Invitation.objects.filter(source=source).only("token").first()
    if invitation is None:
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    office=office,
                    survey=survey,
                    source=source,
                    channel=channel,
                    service_id=service_id,
                    series=(series or "")[:2],
                    counter=counter,
                    wait_band=wait_band(wait_minutes),
                )
        except IntegrityError:
            # Two pages asked for the visit's link at once; the first one made it.
            invitation = Invitation.objects.get(source=source)
    return reverse("surveys:answer", args=[invitation.token])


def general_survey_url(survey, channel=Channel.WEBSITE):
    """The general link (website, counter poster) of a citizen survey."""
    return reverse("surveys:general", args=[survey.public_token]) + f"?via={channel}"


def open_public_surveys(office, day=None):
    """The office's citizen surveys open on the day, the latest opened first."""
    day = day or timezone.localdate()
    return (
        Survey.objects.filter(
            office=office, audience=Audience.CITIZENS, opens_on__lte=day, closes_on__gte=day
        )
        .prefetch_related("questions")
        .order_by("-opens_on", "-pk")
    )


def open_survey(office, audience, day=None):
    """The office's survey for this audience open on the day (the latest opened), or None."""
    day = day or timezone.localdate()
    return (
        Survey.objects.filter(
            office=office, audience=audience, opens_on__lte=day, closes_on__gte=day
        )
        .order_by("-opens_on", "-pk")
        .first()
    )


def invitation_for(token):
    """The unused link with this token and its open survey; SurveyError otherwise."""
    invitation = (
        Invitation.objects.select_related("survey", "office").filter(token=str(token)[:40]).first()
    )
    if invitation is None:
        raise SurveyError(
            "unknown_link",
            _(
                "This survey link is not known. Please check the address or use the "
                "survey on our website."
            ),
            status=404,
        )
    if invitation.used_at is not None:
        raise SurveyError(
            "used_link",
            _("This survey link has already been used. Thank you: your answer was received."),
            status=410,
        )
    ensure_open(invitation.survey)
    return invitation


def ensure_open(survey, day=None):
    day = day or timezone.localdate()
    if not survey.is_open_on(day):
        raise SurveyError(
            "closed",
            _("This survey is closed. It was open from %(first)s to %(last)s.")
            % {"first": survey.opens_on.isoformat(), "last": survey.closes_on.isoformat()},
            status=410,
        )


# --- answering ----------------------------------------------------------------------------------


def answer_by_link(invitation, answers, *, idempotency_key=""):
    """Take a citizen's answer through a one-time link: the link is used at most once.
    With an idempotency key (the API's), a retry carrying the key that used the link
    returns None (already received) instead of the used-link refusal."""
    survey = invitation.survey
    key = str(idempotency_key or "")[:64]
    if invitation.used_at is not None and _replayed(invitation, key):
        return None
    ensure_open(survey)
    check_answers(survey, answers)
    with transaction.atomic():
        taken = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now(), idempotency_key=key
        )
        if not taken:
            if _replayed(invitation, key):
                return None
            raise SurveyError(
                "used_link",
                _("This survey link has already been used. Thank you: your answer was received."),
                status=410,
            )
        return _write(
            survey,
            answers,
            channel=invitation.channel,
            service_id=invitation.service_id,
            series=invitation.series,
            counter=invitation.counter,
            wait_band=invitation.wait_band,
        )


def link_for_answering(token, *, idempotency_key=""):
    """The link with this token for answering: unknown, closed or used links are refused
    as `invitation_for` does, except a used link whose answer carried this key."""
    key = str(idempotency_key or "")[:64]
    invitation = (
        Invitation.objects.select_related("survey", "office").filter(token=str(token)[:40]).first()
    )
    if invitation is not None and invitation.used_at is not None and _replayed(invitation, key):
        return invitation
    return invitation_for(token)


def _replayed(invitation, key):
    if not key:
        return False
    return Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=False, idempotency_key=key
    ).exists()


def answer_general(survey, answers, *, channel=Channel.WEBSITE):
    """Take an answer through the general link (website, counter): no visit context."""
    if survey.audience != Audience.CITIZENS:
        raise SurveyError("not_found", _("This survey is not known."), status=404)
    if channel not in (Channel.WEBSITE, Channel.COUNTER):
        channel = Channel.WEBSITE
    ensure_open(survey)
    check_answers(survey, answers)
    with transaction.atomic():
        return _write(survey, answers, channel=channel)


def answer_as_staff(survey, user, answers, *, group=""):
    """Take a staff member's answer once; the answer itself keeps no person."""
    if survey.audience != Audience.STAFF:
        raise SurveyError("not_found", _("This survey is not known."), status=404)
    ensure_open(survey)
    check_answers(survey, answers)
    try:
        with transaction.atomic():
            StaffParticipation.objects.create(survey=survey, user=user)
            return _write(survey, answers, channel=Channel.STAFF, group=group[:40])
    except IntegrityError:
        raise SurveyError(
            "already_answered", _("You have already answered this survey. Thank you.")
        ) from None


def has_answered(survey, user):
    return StaffParticipation.objects.filter(survey=survey, user=user).exists()


def check_answers(survey, answers):
    """Every required question answered, every value one the question offers, no text
    over its length: a SurveyError naming the question otherwise, so nothing is written."""
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, "", []):
            if question.required:
                raise SurveyError(
                    "required",
                    _("Please answer the question: %(question)s")
                    % {"question": question.display_text()},
                    status=422,
                )
            continue
        if question.kind == Question.Kind.SCALE:
            valid = isinstance(value, int) and 1 <= value <= 5
        elif question.kind == Question.Kind.SINGLE:
            valid = isinstance(value, int) and 1 <= value <= len(question.choice_list())
        elif question.kind == Question.Kind.MULTIPLE:
            count = len(question.choice_list())
            valid = isinstance(value, list) and all(
                isinstance(v, int) and 1 <= v <= count for v in value
            )
        else:
            limit = SHORT_TEXT_MAX if question.kind == Question.Kind.SHORT else LONG_TEXT_MAX
            valid = isinstance(value, str) and len(value) <= limit
        if not valid:
            raise SurveyError(
                "invalid",
                _("The answer to this question cannot be taken: %(question)s")
                % {"question": question.display_text()},
                status=422,
            )


# --- the builder --------------------------------------------------------------------------------


def copy_survey(survey, *, user=None):
    """Copy a survey with its questions a year on (沿用去年問卷), ready to edit."""
    with transaction.atomic():
        copy = Survey.objects.create(
            office=survey.office,
            audience=survey.audience,
            title=survey.title,
            title_en=survey.title_en,
            intro=survey.intro,
            intro_en=survey.intro_en,
            opens_on=_a_year_on(survey.opens_on),
            closes_on=_a_year_on(survey.closes_on),
            copied_from=survey,
        )
        for question in survey.questions.all():
            question.pk = None
            question.survey = copy
            question.save()
        record_audit(user, AuditEntry.Action.CREATE, copy, reason=f"copy of survey {survey.pk}")
    return copy


def export_results(survey, filters, *, user):
    """The survey's results as CSV (filtered as the results page is) for a staff member,
    logged as an export."""
    record_audit(user, AuditEntry.Action.EXPORT, survey, reason="survey results CSV")
    return results.csv_export(survey, filters)


def _a_year_on(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + dt.timedelta(days=365)


def _write(
    survey, answers, *, channel, service_id=None, series="", counter=None, wait_band="", group=""
):
    response = Response.objects.create(
        survey=survey,
        office_id=survey.office_id,
        answered_on=timezone.localdate(),
        channel=channel,
        service_id=service_id,
        series=series,
        counter=counter,
        wait_band=wait_band,
        group=group,
    )
    rows = []
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, "", []):
            continue
        if question.kind == Question.Kind.MULTIPLE:
            rows += [
                Answer(response=response, question=question, value=v) for v in sorted(set(value))
            ]
        elif question.kind in (Question.Kind.SHORT, Question.Kind.LONG):
            rows.append(Answer(response=response, question=question, text=value))
        else:
            rows.append(Answer(response=response, question=question, value=value))
    Answer.objects.bulk_create(rows)
    return response


# --- the visits that hand out links (called by queueing, appointments and cases) ---------------


def ticket_survey_url(ticket):
    """A finished ticket's one-time link, or None: the context is its service, series,
    counter and how long it waited to be called."""
    if ticket.status != "done":
        return None
    waited = None
    if ticket.called_at and ticket.issued_at:
        waited = int((ticket.called_at - ticket.issued_at).total_seconds() // 60)
    return visit_survey_url(
        ticket.office,
        f"ticket:{ticket.pk}",
        channel=Channel.TICKET,
        service_id=ticket.service_id,
        series=ticket.series.letter,
        counter=ticket.counter.number if ticket.counter_id else None,
        wait_minutes=waited,
    )


def booking_survey_url(booking):
    """An attended booking's one-time link, or None. A booking checked in at the kiosk
    was one visit with its ticket: once the ticket is finished the link is the ticket's
    (one link a visit, with the counter and wait it knows)."""
    ticket = booking.ticket if booking.ticket_id else None
    if ticket is not None and ticket.status == "done":
        return ticket_survey_url(ticket)
    if booking.status != "attended":
        return None
    return visit_survey_url(
        booking.office,
        f"booking:{booking.pk}",
        channel=Channel.BOOKING,
        service_id=booking.service_id,
    )


def booking_survey_message(booking):
    """The after-visit message line with the booking's one-time link (absolute), or ""."""
    return _survey_line(booking_survey_url(booking))


def case_survey_url(case):
    """A closed case's one-time link, or None."""
    if case.stage != "closed":
        return None
    return visit_survey_url(
        case.office, f"case:{case.pk}", channel=Channel.CASE, service_id=case.service_id
    )


def case_survey_message(case):
    """The closed case's message line with its one-time link (absolute), or ""."""
    return _survey_line(case_survey_url(case))


def _survey_line(path):
    from django.conf import settings

    if not path:
        return ""
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return _("How did we do? A short anonymous survey (the link works once): %(url)s") % {
        "url": url
    }
