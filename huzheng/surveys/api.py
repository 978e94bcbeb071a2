"""Surveys in the API (滿意度調查): the office's open public surveys, and answering a
visit's one-time link. GET /api/v1/surveys/<office>/open, GET and POST
/api/v1/surveys/links/<token>. Thin: parse, call services.py, shape the reply.

An answer through a link is taken once. A client that sends an `idempotency_key` and
retries after a lost reply gets "already_received" for the same key; any other second
answer is refused with 410 used_link, and nothing more is written."""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from pydantic import StrictInt, StrictStr

from huzheng.core.errors import ApiError
from huzheng.core.services import get_office
from huzheng.core.text import clean_line, clean_text
from huzheng.surveys import services
from huzheng.surveys.models import LONG_TEXT_MAX, SHORT_TEXT_MAX, Question

router = Router(tags=["surveys"], auth=None)

MAX_ANSWERS = 100


class ChoiceOut(Schema):
    value: int = Field(..., description="what to send as the answer (1, 2, …)")
    label: str


class QuestionOut(Schema):
    id: int
    kind: str = Field(..., description="scale (1–5), single, multiple, short or long")
    text: str
    required: bool
    choices: list[ChoiceOut] = Field(..., description="for single and multiple choice")
    low_label: str = Field("", description="the scale's label of 1")
    high_label: str = Field("", description="the scale's label of 5")
    max_length: int | None = Field(None, description="for short and long text")


class SurveyOut(Schema):
    title: str
    intro: str
    opens_on: str = Field(..., description="YYYY-MM-DD")
    closes_on: str = Field(..., description="YYYY-MM-DD")
    url: str | None = Field(None, description="the survey's general link (website, counter)")
    questions: list[QuestionOut]


class OpenSurveysOut(Schema):
    office: str
    surveys: list[SurveyOut]


class AnswerIn(Schema):
    question: StrictInt = Field(..., description="a question's id")
    value: StrictInt | list[StrictInt] | StrictStr | None = Field(
        None,
        description="scale 1–5 or a choice's value; a list of values for multiple choice; "
        "text for short and long questions",
    )


class AnswersIn(Schema):
    answers: list[AnswerIn] = Field(..., max_length=MAX_ANSWERS)
    idempotency_key: str | None = Field(
        None,
        max_length=64,
        description="sent again with a retry, so a lost reply does not turn into a refusal",
    )


class ReceivedOut(Schema):
    status: str = Field(..., description="received, or already_received for a retry")
    message: str


@router.get(
    "/{office}/open",
    response={200: OpenSurveysOut},
    summary="An office's citizen surveys open today",
)
def open_surveys(request, office: str):
    target = get_office(office)  # OfficeNotFound: the API answers 404 office_not_found
    return {
        "office": target.code,
        "surveys": [
            _survey(survey, request.build_absolute_uri(services.general_survey_url(survey)))
            for survey in services.open_public_surveys(target)
        ],
    }


@router.get(
    "/links/{token}",
    response={200: SurveyOut},
    summary="The survey of a visit's one-time link",
    openapi_extra={"responses": {410: {"description": "the link is used or the survey closed"}}},
)
def link_survey(request, token: str):
    invitation = _refusing(services.invitation_for, token)
    return _survey(invitation.survey, None)


@router.post(
    "/links/{token}",
    response={201: ReceivedOut, 200: ReceivedOut},
    summary="Answer a survey through a visit's one-time link (once)",
    openapi_extra={"responses": {410: {"description": "the link is used or the survey closed"}}},
)
def answer_link(request, token: str, payload: AnswersIn):
    key = (payload.idempotency_key or "").strip()
    invitation = _refusing(services.link_for_answering, token, idempotency_key=key)
    answers = _parse(invitation.survey, payload.answers)
    response = _refusing(services.answer_by_link, invitation, answers, idempotency_key=key)
    if response is None:
        return 200, {
            "status": "already_received",
            "message": _("Your answer was already received. Thank you."),
        }
    return 201, {"status": "received", "message": _("Thank you: your answer was received.")}


def _refusing(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except services.SurveyError as refused:
        raise ApiError(refused.status, refused.code, refused.message) from None


def _parse(survey, rows):
    """{question id: value} from the rows sent; a question not of this survey, or named
    twice, is refused; text is cleaned as the form cleans it."""
    questions = {q.pk: q for q in survey.questions.all()}
    answers = {}
    for row in rows:
        question = questions.get(row.question)
        if question is None or row.question in answers:
            raise ApiError(
                422, "invalid", _("An answer names a question this survey does not have.")
            )
        value = row.value
        if isinstance(value, str):
            value = (
                clean_line(value)
                if question.kind == Question.Kind.SHORT
                else clean_text(value).strip()
            )
        answers[row.question] = value
    return answers


def _survey(survey, url):
    return {
        "title": survey.display_title(),
        "intro": survey.display_intro(),
        "opens_on": survey.opens_on.isoformat(),
        "closes_on": survey.closes_on.isoformat(),
        "url": url,
        "questions": [_question(q) for q in survey.questions.all()],
    }


def _question(question):
    low, high = question.scale_labels()
    is_text = question.kind in (Question.Kind.SHORT, Question.Kind.LONG)
    return {
        "id": question.pk,
        "kind": question.kind,
        "text": question.display_text(),
        "required": question.required,
        "choices": [{"value": i, "label": label} for i, label in question.display_choices()],
        "low_label": low if question.kind == Question.Kind.SCALE else "",
        "high_label": high if question.kind == Question.Kind.SCALE else "",
        "max_length": (SHORT_TEXT_MAX if question.kind == Question.Kind.SHORT else LONG_TEXT_MAX)
        if is_text
        else None,
    }
