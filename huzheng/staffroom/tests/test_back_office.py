"""The staff room's pages: search, tests, the vote and proposals, each through the page
a staff member uses, refusing what the rules refuse."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from huzheng.core.roles import COUNTER_STAFF, DIRECTOR, ensure_roles
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.staffroom import services
from huzheng.staffroom.models import LawQuestion, LawTest, Proposal, QAEntry, Vote, VotePeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    ensure_roles()
    return OfficeFactory(code="huxi")


def signed_in(office, role):
    profile = StaffFactory(office=office, roles=[role])
    client = Client()
    client.force_login(profile.user)
    return client, profile.user


def test_the_home_finds_a_question_by_a_variant_spelling(office):
    client, user = signed_in(office, COUNTER_STAFF)
    services.save_qa(QAEntry(office=office, question="身分證補發", answer="可跨所辦理"), user=user)
    page = client.get("/admin/staffroom/?q=身份證").content.decode()
    assert "身分證補發" in page
    assert "身分證補發" not in client.get("/admin/staffroom/?q=結婚").content.decode()


def test_editing_in_the_back_office_keeps_a_version(office):
    client, user = signed_in(office, DIRECTOR)
    entry = services.save_qa(QAEntry(office=office, question="問", answer="舊答案"), user=user)
    response = client.post(
        f"/admin/staffroom/qa/edit/{entry.pk}/",
        {"office": office.pk, "question": "問", "answer": "新答案", "laws": ""},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.version, entry.answer) == (2, "新答案")
    assert "舊答案" in client.get(f"/admin/staffroom/qa/{entry.pk}/versions/").content.decode()


def test_taking_a_test_through_its_page_once(office):
    client, _user = signed_in(office, COUNTER_STAFF)
    for n in range(3):
        LawQuestion.objects.create(
            office=office, topic="戶籍法", text=f"題{n}", choices="甲\n乙", correct=1
        )
    today = timezone.localdate()
    test = LawTest.objects.create(
        office=office, title="測驗", question_count=2, minutes=10, opens_on=today, closes_on=today
    )
    url = f"/admin/staffroom/tests/{test.pk}/"
    client.post(url, {"start": "1"})
    assert client.post(url, {"p1": "1", "p2": "1", "hand_in": "1"}).status_code == 302
    assert 'data-score="100"' in client.get(url).content.decode()
    client.post(url, {"start": "1"})
    assert test.attempts.count() == 1


def test_voting_through_the_page_counts_once(office):
    client, user = signed_in(office, COUNTER_STAFF)
    colleague = StaffFactory(office=office).user
    other = StaffFactory(office=office).user
    today = timezone.localdate()
    period = VotePeriod.objects.create(
        office=office, title="本月", opens_on=today, closes_on=today + dt.timedelta(days=3)
    )
    url = f"/admin/staffroom/vote/{period.pk}/"
    assert client.post(url, {"candidate": colleague.pk}).status_code == 302
    client.post(url, {"candidate": other.pk})
    assert list(Vote.objects.values_list("candidate", flat=True)) == [colleague.pk]
    assert client.post(url, {"candidate": user.pk}).status_code == 200  # not offered: form error
    assert Vote.objects.count() == 1


def test_a_proposal_from_submitted_to_adopted_by_the_team(office):
    clerk_client, _clerk = signed_in(office, COUNTER_STAFF)
    response = clerk_client.post(
        "/admin/staffroom/proposals/new/",
        {"title": "放大鏡", "problem": "看不清", "idea": "備放大鏡", "savings": "", "needs": ""},
    )
    proposal = Proposal.objects.get()
    assert response["Location"].endswith(f"/admin/staffroom/proposals/{proposal.pk}/")
    url = f"/admin/staffroom/proposals/{proposal.pk}/"
    assert clerk_client.post(url, {"move": "1", "state": "review"}).status_code in (302, 403)
    assert Proposal.objects.get().state == "submitted"  # only the team decides
    director_client, _director = signed_in(office, DIRECTOR)
    director_client.post(url, {"move": "1", "state": "review"})
    director_client.post(url, {"move": "1", "state": "adopted", "reason": ""})
    assert Proposal.objects.get().state == "review"  # no reasons, no decision
    director_client.post(url, {"move": "1", "state": "adopted", "reason": "省時"})
    assert Proposal.objects.get().state == "adopted"
