"""The director's side: building, copying, results with filters and CSV, and the staff
survey whose small groups stay hidden."""

import pytest
from django.test import Client

from huzheng.core.roles import COUNTER_STAFF, DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.surveys import services
from huzheng.surveys.models import Audience, Channel, Question, Response, StaffParticipation
from huzheng.surveys.tests.factories import full_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


def signed_in(office, *roles):
    from huzheng.core.roles import ensure_roles

    ensure_roles()
    profile = StaffFactory(office=office, roles=list(roles))
    client = Client()
    client.force_login(profile.user)
    return client, profile.user


def answer(survey, score, *, counter=None, channel=Channel.TICKET, text=""):
    questions = {q.kind: q for q in survey.questions.all()}
    with_context = dict(channel=channel, counter=counter)
    response = services._write(
        survey,
        {questions["scale"].pk: score, questions["long"].pk: text},
        **with_context,
    )
    return response


def test_results_show_counts_means_and_a_filter_by_counter(office):
    survey = full_survey(office)
    answer(survey, 5, counter=1, text="很好")
    answer(survey, 3, counter=1)
    answer(survey, 1, counter=2, text="=HYPERLINK(evil)")
    client, _user = signed_in(office, DIRECTOR)
    page = client.get(f"/admin/surveys-desk/{survey.pk}/results/").content.decode()
    assert "data-mean>3.0<" in page
    assert "很好" in page
    filtered = client.get(f"/admin/surveys-desk/{survey.pk}/results/?counter=1").content.decode()
    assert "data-mean>4.0<" in filtered
    assert (
        client.get(f"/admin/surveys-desk/{survey.pk}/results/?month=x&counter=';").status_code
        == 200
    )

    csv = client.get(f"/admin/surveys-desk/{survey.pk}/results.csv?counter=2").content.decode()
    lines = csv.strip().splitlines()
    assert len(lines) == 2 and "'=HYPERLINK(evil)" in lines[1]


def test_counter_staff_may_not_read_results(office):
    survey = full_survey(office)
    client, _user = signed_in(office, COUNTER_STAFF)
    refused = client.get(f"/admin/surveys-desk/{survey.pk}/results/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal


def test_another_offices_director_cannot_read_the_results(office):
    survey = full_survey(office)
    client, _user = signed_in(OfficeFactory(code="magong"), DIRECTOR)
    assert client.get(f"/admin/surveys-desk/{survey.pk}/results/").status_code == 404


def test_the_director_copies_last_years_survey_from_the_desk(office):
    survey = full_survey(office)
    client, _user = signed_in(office, DIRECTOR)
    response = client.post(f"/admin/surveys-desk/{survey.pk}/copy/")
    assert response.status_code == 302
    copy = survey.__class__.objects.exclude(pk=survey.pk).get()
    assert copy.copied_from == survey
    assert client.get(response["Location"]).status_code == 200  # the builder opens it


def test_the_builder_opens_for_the_director(office):
    client, _user = signed_in(office, DIRECTOR)
    assert client.get("/admin/surveys/new/").status_code == 200
    assert client.get("/admin/surveys-desk/").status_code == 200


def test_a_staff_member_answers_once_and_the_answer_holds_no_person(office):
    survey = full_survey(office, audience=Audience.STAFF)
    client, user = signed_in(office, COUNTER_STAFF)
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    url = f"/admin/surveys-desk/{survey.pk}/answer/"
    assert client.post(url, {f"q{scale.pk}": "4"}).status_code == 302
    again = client.post(url, {f"q{scale.pk}": "1"})
    assert again.status_code == 422
    assert Response.objects.count() == 1
    assert StaffParticipation.objects.filter(user=user).count() == 1
    assert Response.objects.get().group == COUNTER_STAFF
    fields = {f.name for f in Response._meta.get_fields()}
    assert not {"user", "invitation", "participation"} & fields


def test_the_staff_survey_hides_groups_of_fewer_than_five(office):
    survey = full_survey(office, audience=Audience.STAFF)
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    for _n in range(5):
        services._write(survey, {scale.pk: 4}, channel=Channel.STAFF, group=COUNTER_STAFF)
    services._write(survey, {scale.pk: 1}, channel=Channel.STAFF, group=DIRECTOR)
    client, _user = signed_in(office, DIRECTOR)
    page = client.get(f"/admin/surveys-desk/{survey.pk}/results/").content.decode()
    assert f'data-group="{COUNTER_STAFF}"' in page
    director_row = page.split(f'data-group="{DIRECTOR}"')[1].split("</tr>")[0]
    assert "data-group-hidden" in director_row
    assert "data-hidden" not in page  # six in all: the whole survey is shown
    # Filtered down to fewer than five, nothing is shown, and it says why.
    few = client.get(f"/admin/surveys-desk/{survey.pk}/results/?channel=ticket").content.decode()
    assert "data-hidden" in few and "data-mean" not in few


def test_a_staff_survey_of_another_office_cannot_be_answered(office):
    survey = full_survey(office, audience=Audience.STAFF)
    client, _user = signed_in(OfficeFactory(code="magong"), REGISTRAR)
    assert client.get(f"/admin/surveys-desk/{survey.pk}/answer/").status_code == 404
