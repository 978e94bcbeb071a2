"""The surveys' and staff room's figures for the plan."""

import pytest
from django.utils import timezone

from huzheng.core.indicators import Period, get_indicator
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.staffroom import services as staffroom
from huzheng.surveys import services
from huzheng.surveys.models import Audience, Channel
from huzheng.surveys.tests.factories import full_survey

pytestmark = pytest.mark.django_db


def this_month():
    today = timezone.localdate()
    return Period.month(today.year, today.month)


def scale_answers(survey, scores):
    scale = survey.questions.get(kind="scale")
    for score in scores:
        services._write(survey, {scale.pk: score}, channel=Channel.WEBSITE)


def test_citizen_satisfaction_is_the_share_answering_four_or_five():
    office = OfficeFactory(code="huxi")
    scale_answers(full_survey(office), [5, 4, 2, 1])
    assert get_indicator("surveys.citizen_satisfaction").value(office, this_month()) == 50.0
    assert get_indicator("surveys.citizen_mean").value(office, this_month()) == 3.0
    assert (
        get_indicator("surveys.citizen_satisfaction").value(OfficeFactory(), this_month()) is None
    )


def test_staff_satisfaction_needs_five_answers():
    office = OfficeFactory(code="huxi")
    survey = full_survey(office, audience=Audience.STAFF)
    scale_answers(survey, [5, 5, 5, 5])
    assert get_indicator("surveys.staff_satisfaction").value(office, this_month()) is None
    scale_answers(survey, [1])
    assert get_indicator("surveys.staff_satisfaction").value(office, this_month()) == 80.0


def test_proposals_adopted_are_counted_in_their_month():
    office = OfficeFactory(code="huxi")
    user = StaffFactory(office=office).user
    proposal = staffroom.submit_proposal(office=office, user=user, title="t", problem="p", idea="i")
    staffroom.move_proposal(proposal, "review", user=user)
    staffroom.move_proposal(proposal, "adopted", user=user, reason="好")
    assert get_indicator("staffroom.proposals_adopted").value(office, this_month()) == 1
    assert get_indicator("staffroom.trainings_held").value(office, this_month()) == 0
    assert get_indicator("staffroom.law_tests_passed").value(office, this_month()) is None
