"""The staff room's rules: the Q&A book keeps versions and finds 身份證 as 身分證; a law
test is drawn at random, taken once, scored, and late answers do not count; the vote is
once per person and period, same office, never oneself, results after closing; proposals
move only along their states, with reasons for a decision."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.core.tests.races import race
from huzheng.staffroom import services
from huzheng.staffroom.models import (
    LawQuestion,
    LawTest,
    Proposal,
    QAEntry,
    TestAttempt,
    Vote,
    VotePeriod,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


def staff(office, n=1):
    return [StaffFactory(office=office).user for _ in range(n)]


def period(office, *, closed=False):
    today = TODAY()
    if closed:
        return VotePeriod.objects.create(
            office=office,
            title="第3季",
            opens_on=today - dt.timedelta(days=90),
            closes_on=today - dt.timedelta(days=1),
        )
    return VotePeriod.objects.create(
        office=office,
        title="12月",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=5),
    )


# --- the Q&A book ----------------------------------------------------------------------------


def test_a_changed_answer_keeps_the_earlier_wording_with_who_changed_it(office):
    clerk, director = staff(office, 2)
    entry = services.save_qa(
        QAEntry(office=office, question="身份證遺失怎麼辦？", answer="請至戶政事務所申請補發。"),
        user=clerk,
    )
    entry.answer = "可先電話掛失，再至任一戶政事務所申請補發。"
    services.save_qa(entry, user=director)
    entry.refresh_from_db()
    assert entry.version == 2 and entry.changed_by == director
    old = entry.versions.get()
    assert (old.version, old.answer, old.changed_by) == (1, "請至戶政事務所申請補發。", clerk)


def test_the_search_folds_variants_and_matches_words_in_any_order(office):
    services.save_qa(
        QAEntry(office=office, question="國民身分證遺失補發", answer="台灣地區設有戶籍者可申請。"),
        user=None,
    )
    services.save_qa(QAEntry(office=office, question="出生登記期限", answer="60日內"), user=None)
    found = QAEntry.objects.all()
    assert [e.question for e in services.search_qa(found, "身份證")] == ["國民身分證遺失補發"]
    assert services.search_qa(found, "臺灣 補發").count() == 1
    assert services.search_qa(found, "結婚").count() == 0


# --- law tests -------------------------------------------------------------------------------


def law_test(office, *, count=3, bank=5, minutes=20):
    for n in range(bank):
        LawQuestion.objects.create(
            office=office,
            topic="戶籍法",
            article=f"第{n + 1}條",
            text=f"題目{n}",
            choices="甲\n乙\n丙",
            correct=2,
        )
    return LawTest.objects.create(
        office=office,
        title="法規測驗",
        question_count=count,
        minutes=minutes,
        opens_on=TODAY() - dt.timedelta(days=1),
        closes_on=TODAY() + dt.timedelta(days=1),
    )


def test_a_test_draws_n_questions_and_is_scored(office):
    (clerk,) = staff(office)
    test = law_test(office)
    attempt = services.start_test(test, clerk)
    rows = list(attempt.questions.all())
    assert len(rows) == 3 and len({r.question_id for r in rows}) == 3
    attempt = services.submit_test(attempt, {1: 2, 2: 2, 3: 1})
    assert (attempt.correct, attempt.score, attempt.passed) == (2, 67, True)


def test_a_test_is_taken_once(office):
    (clerk,) = staff(office)
    test = law_test(office)
    attempt = services.submit_test(services.start_test(test, clerk), {})
    with pytest.raises(services.StaffroomError) as again:
        services.start_test(test, clerk)
    assert again.value.code == "taken"
    with pytest.raises(services.StaffroomError):
        services.submit_test(attempt, {1: 2})
    assert TestAttempt.objects.count() == 1


def test_answers_after_the_time_do_not_count(office):
    (clerk,) = staff(office)
    attempt = services.start_test(law_test(office), clerk)
    TestAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - dt.timedelta(seconds=1)
    )
    with pytest.raises(services.StaffroomError) as late:
        services.submit_test(attempt, {1: 2, 2: 2, 3: 2})
    assert late.value.code == "late"
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)


def test_a_bank_too_small_for_the_test_is_said_plainly(office):
    (clerk,) = staff(office)
    with pytest.raises(services.StaffroomError) as refused:
        services.start_test(law_test(office, count=6, bank=5), clerk)
    assert refused.value.code == "too_few_questions"
    assert not TestAttempt.objects.exists()


# --- the best-staff vote ---------------------------------------------------------------------


def test_one_vote_per_person_and_period(office):
    voter, first, second = staff(office, 3)
    open_period = period(office)
    services.cast_vote(open_period, voter, first)
    with pytest.raises(services.StaffroomError) as again:
        services.cast_vote(open_period, voter, second)
    assert again.value.code == "voted"
    assert Vote.objects.count() == 1


def test_never_for_oneself_nor_another_office(office):
    voter, _colleague = staff(office, 2)
    (stranger,) = staff(OfficeFactory(code="magong"))
    open_period = period(office)
    for candidate, code in ((voter, "self"), (stranger, "office")):
        with pytest.raises(services.StaffroomError) as refused:
            services.cast_vote(open_period, voter, candidate)
        assert refused.value.code == code
    with pytest.raises(IntegrityError):  # the database holds the rule too
        Vote.objects.create(period=open_period, voter=voter, candidate=voter)


def test_results_only_after_the_vote_closes(office):
    voter, colleague = staff(office, 2)
    open_period = period(office)
    services.cast_vote(open_period, voter, colleague)
    with pytest.raises(services.StaffroomError):
        services.vote_results(open_period)
    closed = period(office, closed=True)
    Vote.objects.create(period=closed, voter=voter, candidate=colleague)
    assert services.vote_results(closed) == [(colleague, 1)]
    with pytest.raises(services.StaffroomError) as late:
        services.cast_vote(closed, colleague, voter)
    assert late.value.code == "closed"


@pytest.mark.django_db(transaction=True)
def test_two_votes_by_one_person_at_the_same_moment_count_once():
    if connection.vendor != "postgresql":
        pytest.skip("the race is run on PostgreSQL")
    office = OfficeFactory(code="huxi")
    voter, first, second = staff(office, 3)
    open_period = period(office)
    candidates = [first, second] * 4

    def vote(i):
        try:
            services.cast_vote(open_period, voter, candidates[i])
            return "counted"
        except services.StaffroomError as refused:
            return refused.code

    results, errors = race(8, vote)
    assert errors == []
    assert sorted(results) == ["counted"] + ["voted"] * 7
    assert Vote.objects.filter(period=open_period, voter=voter).count() == 1


# --- proposals -------------------------------------------------------------------------------


def test_a_proposal_goes_from_submitted_to_standard_practice(office):
    clerk, director = staff(office, 2)
    proposal = services.submit_proposal(
        office=office,
        user=clerk,
        title="櫃檯增設放大鏡",
        problem="長輩看不清表格",
        idea="每櫃檯備放大鏡",
    )
    assert proposal.state == Proposal.State.SUBMITTED
    services.move_proposal(proposal, Proposal.State.REVIEW, user=director)
    with pytest.raises(services.StaffroomError) as no_reason:
        services.move_proposal(proposal, Proposal.State.ADOPTED, user=director)
    assert no_reason.value.code == "reason"
    services.move_proposal(
        proposal, Proposal.State.ADOPTED, user=director, reason="花費少、長輩受益"
    )
    services.move_proposal(proposal, Proposal.State.TRIAL, user=director)
    proposal = services.move_proposal(proposal, Proposal.State.STANDARD, user=director)
    assert proposal.state == "standard"
    services.record_proposal_event(proposal, "reward", user=director, note="嘉獎一次")
    proposal.refresh_from_db()
    assert proposal.reward == "嘉獎一次"
    assert [e.state for e in proposal.events.filter(kind="state")] == [
        "submitted",
        "review",
        "adopted",
        "trial",
        "standard",
    ]


def test_a_proposal_cannot_skip_its_review(office):
    (director,) = staff(office)
    proposal = services.submit_proposal(
        office=office, user=director, title="t", problem="p", idea="i"
    )
    with pytest.raises(services.StaffroomError) as refused:
        services.move_proposal(proposal, Proposal.State.STANDARD, user=director, reason="x")
    assert refused.value.code == "wrong_state"
    assert Proposal.objects.get().state == "submitted"
