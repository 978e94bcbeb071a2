"""Citizens answer once per visit: the link a finished ticket carries, the general link,
and every way an answer is refused with nothing written."""

import datetime as dt

import pytest
from django.utils import timezone

from huzheng.queueing.tests.factories import queue_office
from huzheng.surveys import services
from huzheng.surveys.models import Answer, Invitation, Question, Response
from huzheng.surveys.tests.factories import finished_ticket, full_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True


@pytest.fixture
def office():
    office, _series = queue_office()
    return office


def answers_for(survey, **overrides):
    questions = {q.kind: q for q in survey.questions.all()}
    data = {f"q{questions['scale'].pk}": "4", f"q{questions['multiple'].pk}": ["1", "3"]}
    data[f"q{questions['long'].pk}"] = "櫃檯人員很親切"
    data.update(overrides)
    return data


def test_a_ticket_has_no_survey_link_before_it_is_finished(client, office):
    full_survey(office)
    from huzheng.queueing import services as queue

    ticket, _ = queue.issue_ticket(office)
    body = client.get(f"/api/v1/queue/huxi/tickets/{ticket.pk}").json()
    assert body["survey_url"] is None
    assert "data-survey-link" not in client.get(f"/queue/huxi/t/{ticket.pk}/").content.decode()


def test_a_finished_ticket_carries_one_link_with_its_context_and_no_person(client, office):
    survey = full_survey(office)
    ticket = finished_ticket(office, counter_number=2)
    body = client.get(f"/api/v1/queue/huxi/tickets/{ticket.pk}").json()
    assert body["survey_url"].startswith("http://testserver/surveys/a/")
    page = client.get(f"/queue/huxi/t/{ticket.pk}/").content.decode()
    assert body["survey_url"].removeprefix("http://testserver") in page
    assert 'role="img"' in page  # the QR code
    # Asking again gives the same link.
    assert (
        client.get(f"/api/v1/queue/huxi/tickets/{ticket.pk}").json()["survey_url"]
        == body["survey_url"]
    )

    response = client.post(body["survey_url"], answers_for(survey))
    assert response.status_code == 200
    assert "已收到" in response.content.decode() or "received" in response.content.decode()
    saved = Response.objects.get()
    assert (saved.channel, saved.series, saved.counter, saved.wait_band) == (
        "ticket",
        "A",
        2,
        "0-5",
    )
    assert not hasattr(saved, "invitation") and not hasattr(saved, "user")
    assert sorted(Answer.objects.filter(value__isnull=False).values_list("value", flat=True)) == [
        1,
        3,
        4,
    ]


def test_a_used_link_is_refused_and_nothing_more_is_written(client, office):
    survey = full_survey(office)
    url = services.ticket_survey_url(finished_ticket(office))
    assert client.post(url, answers_for(survey)).status_code == 200
    again = client.post(url, answers_for(survey))
    assert again.status_code == 410
    assert "已使用" in again.content.decode()
    assert client.get(url).status_code == 410
    assert Response.objects.count() == 1


def test_an_unknown_link_is_not_found_with_a_clear_message(client, office):
    full_survey(office)
    response = client.get("/surveys/a/no-such-link/")
    assert response.status_code == 404
    assert 'data-code="unknown_link"' in response.content.decode()


def test_a_closed_survey_takes_no_answer(client, office):
    survey = full_survey(office)
    url = services.ticket_survey_url(finished_ticket(office))
    today = timezone.localdate()
    survey.opens_on, survey.closes_on = today - dt.timedelta(days=60), today - dt.timedelta(days=1)
    survey.save()
    response = client.post(url, answers_for(survey))
    assert response.status_code == 410
    assert 'data-code="closed"' in response.content.decode()
    assert not Response.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_no_survey_open_means_no_link(office):
    assert services.ticket_survey_url(finished_ticket(office)) is None


def test_a_missing_required_answer_is_named_and_nothing_is_written(client, office):
    survey = full_survey(office)
    url = services.ticket_survey_url(finished_ticket(office))
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    response = client.post(url, answers_for(survey, **{f"q{scale.pk}": ""}))
    assert response.status_code == 422
    assert "error-summary" in response.content.decode()
    assert not Response.objects.exists()
    assert Invitation.objects.get().used_at is None


@pytest.mark.parametrize(
    "kind,value",
    [
        ("long", "長" * 2001),
        ("short", "短" * 201),
        ("scale", "6"),
        ("single", "9"),
        ("multiple", ["1", "x"]),
    ],
)
def test_over_long_text_and_unknown_choices_are_refused(client, office, kind, value):
    survey = full_survey(office)
    url = services.ticket_survey_url(finished_ticket(office))
    question = survey.questions.get(kind=kind)
    response = client.post(url, answers_for(survey, **{f"q{question.pk}": value}))
    assert response.status_code == 422
    assert not Response.objects.exists()


def test_the_service_checks_answers_too(office):
    survey = full_survey(office)
    invitation = Invitation.objects.get(
        token=services.ticket_survey_url(finished_ticket(office)).split("/")[-2]
    )
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    with pytest.raises(services.SurveyError) as refused:
        services.answer_by_link(invitation, {scale.pk: 9})
    assert refused.value.code == "invalid"
    assert not Response.objects.exists()


def test_the_general_link_takes_many_answers_without_context(client, office):
    survey = full_survey(office)
    url = services.general_survey_url(survey, "counter")
    assert client.get(url).status_code == 200
    for _ in range(2):
        assert client.post(url, answers_for(survey)).status_code == 200
    assert list(Response.objects.values_list("channel", "counter")) == [("counter", None)] * 2


def test_copying_last_years_survey_keeps_the_questions_a_year_on(office):
    survey = full_survey(office)
    copy = services.copy_survey(survey)
    assert copy.opens_on == survey.opens_on.replace(year=survey.opens_on.year + 1)
    assert [q.text for q in copy.questions.all()] == [q.text for q in survey.questions.all()]
    assert copy.public_token != survey.public_token


def test_a_closed_case_carries_its_link_in_the_progress_api(client):
    from huzheng.cases import services as cases
    from huzheng.cases.models import Stage
    from huzheng.cases.tests.factories import NATIONAL_ID, case_desk, make_case

    case = make_case(case_desk())
    full_survey(case.office)
    cases.move_stage(case, Stage.REVIEW)
    cases.close(case)
    body = client.post(
        "/api/v1/cases/query",
        {"case_number": case.number, "national_id": NATIONAL_ID},
        content_type="application/json",
    ).json()
    assert body["survey_url"].startswith("http://testserver/surveys/a/")
    assert Invitation.objects.get().channel == "case"
