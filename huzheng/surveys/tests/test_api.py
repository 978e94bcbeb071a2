"""The surveys API: an office's open public surveys, and a visit's one-time link answered
once (a retry with its key is told "received"; hostile input writes nothing)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from huzheng.core.tests.races import race
from huzheng.queueing.tests.factories import queue_office
from huzheng.surveys import services
from huzheng.surveys.models import Audience, Invitation, Question, Response
from huzheng.surveys.tests.factories import finished_ticket, full_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_mode(settings):
    settings.HUZHENG_DEMO = True


@pytest.fixture
def office():
    office, _series = queue_office()
    return office


def link_of(office):
    return services.ticket_survey_url(finished_ticket(office)).split("/")[-2]


def post(client, token, body):
    return client.post(f"/api/v1/surveys/links/{token}", body, content_type="application/json")


def good_answers(survey, key=None):
    questions = {q.kind: q for q in survey.questions.all()}
    body = {
        "answers": [
            {"question": questions["scale"].pk, "value": 4},
            {"question": questions["multiple"].pk, "value": [1, 3]},
            {"question": questions["long"].pk, "value": "櫃檯人員很親切"},
        ]
    }
    if key:
        body["idempotency_key"] = key
    return body


def test_the_open_public_surveys_are_listed_with_their_questions(client, office):
    survey = full_survey(office)
    full_survey(office, audience=Audience.STAFF, title="同仁滿意度")
    today = timezone.localdate()
    full_survey(
        office,
        title="去年問卷",
        opens_on=today - dt.timedelta(days=400),
        closes_on=today - dt.timedelta(days=300),
    )
    body = client.get("/api/v1/surveys/huxi/open", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["office"] == "huxi"
    assert [s["title"] for s in body["surveys"]] == ["Citizen satisfaction survey"]
    first = body["surveys"][0]
    assert first["url"] == "http://testserver" + services.general_survey_url(survey)
    kinds = {q["kind"]: q for q in first["questions"]}
    assert kinds["multiple"]["choices"][2] == {"value": 3, "label": "notices"}
    assert kinds["short"]["max_length"] == 200 and kinds["scale"]["max_length"] is None
    assert client.get("/api/v1/surveys/nowhere/open").json()["code"] == "office_not_found"

    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/surveys/{office}/open" in paths
    assert set(paths["/api/v1/surveys/links/{token}"]) == {"get", "post"}


def test_a_link_answers_once_and_a_retry_with_its_key_is_told_received(client, office):
    survey = full_survey(office)
    token = link_of(office)
    assert client.get(f"/api/v1/surveys/links/{token}").json()["title"] == survey.title

    first = post(client, token, good_answers(survey, key="k-123"))
    assert first.status_code == 201 and first.json()["status"] == "received"
    retry = post(client, token, good_answers(survey, key="k-123"))
    assert retry.status_code == 200 and retry.json()["status"] == "already_received"
    other = post(client, token, good_answers(survey, key="another"))
    assert other.status_code == 410 and other.json()["code"] == "used_link"
    assert post(client, token, good_answers(survey)).status_code == 410
    assert client.get(f"/api/v1/surveys/links/{token}").status_code == 410
    saved = Response.objects.get()
    assert (saved.channel, saved.series) == ("ticket", "A")
    assert saved.answers.count() == 4


def test_hostile_answers_are_refused_and_nothing_is_written(client, office):
    survey = full_survey(office)
    other_survey = full_survey(queue_office("magong")[0])
    token = link_of(office)
    q = {question.kind: question.pk for question in survey.questions.all()}
    foreign = other_survey.questions.first().pk
    bodies = [
        {"answers": []},  # the required scale is missing
        {"answers": [{"question": q["scale"], "value": "4"}]},
        {"answers": [{"question": q["scale"], "value": True}]},
        {"answers": [{"question": q["scale"], "value": 4.0}]},
        {"answers": [{"question": q["scale"], "value": 6}]},
        {"answers": [{"question": q["scale"], "value": 4}, {"question": foreign, "value": 1}]},
        {"answers": [{"question": q["scale"], "value": 4}, {"question": q["scale"], "value": 5}]},
        {"answers": [{"question": q["scale"], "value": 4}, {"question": q["single"], "value": 9}]},
        {
            "answers": [
                {"question": q["scale"], "value": 4},
                {"question": q["short"], "value": "長" * 201},
            ]
        },
        {"answers": [{"question": q["scale"], "value": 4}, {"question": q["long"], "value": [1]}]},
        {"answers": [{"question": q["scale"], "value": 4}] * 101},
        {"answers": [{"question": "1 OR 1=1", "value": 4}]},
        {"answers": "<script>alert(1)</script>"},
        {"answers": [{"question": q["scale"], "value": 4}], "idempotency_key": "k" * 65},
    ]
    for body in bodies:
        response = post(client, token, body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "invalid" or response.json()["code"] == "required"
    broken = client.post(
        f"/api/v1/surveys/links/{token}", "{not json", content_type="application/json"
    )
    assert 400 <= broken.status_code < 500
    unknown = post(client, "no-such-link", good_answers(survey))
    assert unknown.status_code == 404 and unknown.json()["code"] == "unknown_link"
    assert not Response.objects.exists()
    assert Invitation.objects.get(token=token).used_at is None

    # A NUL byte is refused whole; other control characters are cleaned as the form does.
    def with_short(text):
        return {
            "answers": [
                {"question": q["scale"], "value": 4},
                {"question": q["short"], "value": text},
            ]
        }

    assert post(client, token, with_short("好\x00的")).status_code == 400
    assert not Response.objects.exists()
    assert post(client, token, with_short("好\x07的\n服務")).status_code == 201
    assert Response.objects.get().answers.get(question_id=q["short"]).text == "好 的 服務"


def test_a_closed_survey_refuses_the_links_answer(client, office):
    survey = full_survey(office)
    token = link_of(office)
    today = timezone.localdate()
    survey.opens_on, survey.closes_on = today - dt.timedelta(days=60), today - dt.timedelta(days=1)
    survey.save()
    response = post(client, token, good_answers(survey))
    assert response.status_code == 410 and response.json()["code"] == "closed"
    assert not Response.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_eight_answers_through_one_link_at_the_same_moment_count_once(office):
    if connection.vendor != "postgresql":
        pytest.skip("the race is run on PostgreSQL")
    from django.test import Client

    survey = full_survey(office)
    token = link_of(office)
    scale = survey.questions.get(kind=Question.Kind.SCALE).pk

    def answer(i):
        body = {"answers": [{"question": scale, "value": 1 + i % 5}], "idempotency_key": f"k{i}"}
        response = post(Client(), token, body)
        return response.status_code

    results, errors = race(8, answer)
    assert errors == []
    assert sorted(results) == [201] + [410] * 7
    assert Response.objects.count() == 1
