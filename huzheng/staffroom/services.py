"""Domain operations of the staff room (同仁園地): the versioned Q&A book and its search,
sending an answer to the public FAQ for approval, law tests drawn at random and taken
once within their time, the best-staff vote, and the proposals' states.

Once-only rules (one test per person, one vote per person and period, never for oneself)
are database constraints; the services turn the refusal into a clear message."""

import random

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.text import clean_line, clean_text, fold
from huzheng.staffroom.models import (
    AttemptQuestion,
    LawQuestion,
    Proposal,
    ProposalEvent,
    ProposalState,
    QAEntry,
    QAVersion,
    TestAttempt,
    Vote,
)


class StaffroomError(Exception):
    """An operation that cannot be done; the message says why in the user's language."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


# --- the Q&A book -------------------------------------------------------------------------------


def save_qa(entry, *, user):
    """Save a new or changed Q&A entry; a change keeps the earlier wording as a version."""
    entry.question = clean_line(entry.question, 300)
    entry.answer = clean_text(entry.answer, 5000)
    entry.laws = clean_line(entry.laws, 300)
    entry.folded = fold(f"{entry.question}\n{entry.answer}\n{entry.laws}")
    with transaction.atomic():
        if entry.pk:
            before = QAEntry.objects.select_for_update().get(pk=entry.pk)
            if (before.question, before.answer, before.laws) != (
                entry.question,
                entry.answer,
                entry.laws,
            ):
                QAVersion.objects.create(
                    entry=before,
                    version=before.version,
                    question=before.question,
                    answer=before.answer,
                    laws=before.laws,
                    changed_by=before.changed_by,
                    changed_at=before.changed_at,
                )
                entry.version = before.version + 1
        entry.changed_by = user if getattr(user, "pk", None) else None
        entry.save()
        record_audit(
            user,
            AuditEntry.Action.UPDATE if entry.version > 1 else AuditEntry.Action.CREATE,
            entry,
        )
    return entry


def search_qa(queryset, query):
    """Entries whose folded text holds every word of the query, in any order: 身份證 finds
    身分證, 台 finds 臺 (core.text.fold on both sides)."""
    words = [w for w in fold(clean_line(query, 100)).split() if w]
    for word in words:
        queryset = queryset.filter(folded__contains=word)
    return queryset


def publish_to_faq(entry, *, user):
    """Send the answer to the office's public FAQ page as a new draft, submitted to the
    page's approval workflow, so it goes live only when the director approves it."""
    from django.apps import apps

    faq_model = apps.get_model("site", "FaqPage")
    page = _faq_page(faq_model, entry.office)
    if page is None:
        raise StaffroomError("no_faq_page", _("The office has no public FAQ page yet."))
    draft = page.get_latest_revision_as_object()
    entry_model = draft.entries.model
    with transaction.atomic():
        draft.entries.add(
            entry_model(
                question=entry.question,
                answer="".join(f"<p>{_escape(p)}</p>" for p in entry.answer.splitlines() if p),
                service=entry.service,
                sort_order=len(draft.entries.all()),
            )
        )
        revision = draft.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, user)
        entry.published_to = page
        entry.save(update_fields=["published_to"])
        record_audit(user, AuditEntry.Action.UPDATE, entry, reason=f"sent to FAQ page {page.pk}")
    return revision


def _faq_page(model, office):
    from wagtail.models import Site

    pages = model.objects.all()
    for site in Site.objects.all():
        settings = getattr(site, "sitesettings", None)
        if settings is not None and getattr(settings, "office_id", None) == office.pk:
            found = pages.descendant_of(site.root_page, inclusive=True).first()
            if found is not None:
                return found
    return pages.first()


def _escape(text):
    from django.utils.html import escape

    return escape(text)


# --- law tests ----------------------------------------------------------------------------------


def start_test(test, user, *, rng=None):
    """Draw the test's questions at random and start the clock; a person takes a test
    once, so a second start is refused (the database holds one attempt per person)."""
    today = timezone.localdate()
    if not test.opens_on <= today <= test.closes_on:
        raise StaffroomError("closed", _("This test is not open."))
    bank = list(
        LawQuestion.objects.filter(office=test.office, is_active=True)
        .filter(**({"topic": test.topic} if test.topic else {}))
        .values_list("pk", flat=True)
    )
    if len(bank) < test.question_count:
        raise StaffroomError(
            "too_few_questions",
            _("The question bank has too few questions for this test; please tell the director."),
        )
    drawn = (rng or random.SystemRandom()).sample(bank, test.question_count)
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = TestAttempt.objects.create(
                test=test,
                user=user,
                started_at=now,
                deadline=now + timezone.timedelta(minutes=test.minutes),
            )
            AttemptQuestion.objects.bulk_create(
                AttemptQuestion(attempt=attempt, question_id=pk, position=n)
                for n, pk in enumerate(drawn, start=1)
            )
    except IntegrityError:
        raise StaffroomError("taken", _("You have already taken this test.")) from None
    return attempt


def submit_test(attempt, choices):
    """Score the answers ({position: choice}); after the deadline nothing chosen counts.
    A finished attempt cannot be submitted again."""
    now = timezone.now()
    with transaction.atomic():
        attempt = TestAttempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.finished_at is not None:
            raise StaffroomError("taken", _("You have already taken this test."))
        late = now > attempt.deadline
        correct = 0
        rows = list(attempt.questions.select_related("question"))
        for row in rows:
            chosen = None if late else choices.get(row.position)
            valid = {n for n, _text in row.question.options()}
            row.chosen = chosen if chosen in valid else None
            correct += row.chosen == row.question.correct
        AttemptQuestion.objects.bulk_update(rows, ["chosen"])
        attempt.finished_at = now
        attempt.correct = correct
        attempt.score = round(100 * correct / len(rows)) if rows else 0
        attempt.passed = attempt.score >= attempt.test.pass_mark
        attempt.save()
    if late:
        raise StaffroomError(
            "late", _("The time was up, so the answers could not be counted. Score: 0.")
        )
    return attempt


# --- the best-staff vote ------------------------------------------------------------------------


def candidates(period):
    """The colleagues of the period's office one may vote for."""
    return (
        get_user_model()
        .objects.filter(is_active=True, staff_profile__office=period.office)
        .order_by("last_name", "first_name", "username")
    )


def cast_vote(period, voter, candidate, *, reason=""):
    """Vote once for a colleague of the same office, never for oneself, while the period
    is open. The database holds the once and the never-self; a race counts once."""
    today = timezone.localdate()
    if not period.opens_on <= today <= period.closes_on:
        raise StaffroomError("closed", _("This vote is not open."))
    if candidate.pk == voter.pk:
        raise StaffroomError("self", _("You cannot vote for yourself."))
    if _office_id(voter) != period.office_id or _office_id(candidate) != period.office_id:
        raise StaffroomError("office", _("You can vote only for a colleague of your own office."))
    try:
        with transaction.atomic():
            return Vote.objects.create(
                period=period, voter=voter, candidate=candidate, reason=clean_line(reason, 300)
            )
    except IntegrityError:
        raise StaffroomError("voted", _("You have already voted in this period.")) from None


def vote_results(period):
    """[(candidate, votes)] most first; refused until the period has closed."""
    if timezone.localdate() <= period.closes_on:
        raise StaffroomError("open", _("Results are shown after the vote closes."))
    users = {u.pk: u for u in candidates(period)}
    counts = (
        Vote.objects.filter(period=period)
        .values("candidate_id")
        .annotate(n=Count("id"))
        .order_by("-n", "candidate_id")
    )
    return [(users.get(row["candidate_id"]), row["n"]) for row in counts]


def _office_id(user):
    profile = getattr(user, "staff_profile", None)
    return getattr(profile, "office_id", None)


# --- innovation proposals -----------------------------------------------------------------------

# Where a proposal may go from each state (提案 → 審議 → 採納／不採納 → 試行 → 標準作業).
NEXT_STATES = {
    ProposalState.SUBMITTED: [ProposalState.REVIEW],
    ProposalState.REVIEW: [ProposalState.ADOPTED, ProposalState.NOT_ADOPTED],
    ProposalState.ADOPTED: [ProposalState.TRIAL],
    ProposalState.TRIAL: [ProposalState.STANDARD, ProposalState.NOT_ADOPTED],
    ProposalState.NOT_ADOPTED: [],
    ProposalState.STANDARD: [],
}
REASON_NEEDED = {ProposalState.ADOPTED, ProposalState.NOT_ADOPTED}


def submit_proposal(*, office, user, title, problem, idea, savings="", needs=""):
    """A staff member submits a proposal; the team reviews it."""
    with transaction.atomic():
        proposal = Proposal.objects.create(
            office=office,
            submitted_by=user,
            title=clean_line(title, 150),
            problem=clean_text(problem, 3000),
            idea=clean_text(idea, 3000),
            savings=clean_text(savings, 1000),
            needs=clean_text(needs, 1000),
        )
        ProposalEvent.objects.create(
            proposal=proposal, kind=ProposalEvent.Kind.STATE, state=proposal.state, by=user
        )
        record_audit(user, AuditEntry.Action.CREATE, proposal)
    return proposal


def move_proposal(proposal, state, *, user, reason=""):
    """Move a proposal to its next state; adopting or not adopting needs the reasons."""
    reason = clean_text(reason, 2000).strip()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if state not in NEXT_STATES[proposal.state]:
            raise StaffroomError(
                "wrong_state",
                _("A proposal that is %(state)s cannot go there.")
                % {"state": proposal.get_state_display()},
            )
        if state in REASON_NEEDED and not reason:
            raise StaffroomError("reason", _("Please give the reasons for the decision."))
        proposal.state = state
        if reason:
            proposal.reason = reason
        proposal.save(update_fields=["state", "reason"])
        ProposalEvent.objects.create(
            proposal=proposal, kind=ProposalEvent.Kind.STATE, state=state, note=reason, by=user
        )
        record_audit(user, AuditEntry.Action.UPDATE, proposal, fields=["state"])
    return proposal


def record_proposal_event(proposal, kind, *, user, note="", document=None, image=None):
    """A meeting, a reward or a piece of evidence in the proposal's record."""
    note = clean_text(note, 3000).strip()
    if kind not in (
        ProposalEvent.Kind.MEETING,
        ProposalEvent.Kind.REWARD,
        ProposalEvent.Kind.EVIDENCE,
    ):
        raise StaffroomError("kind", _("Unknown kind of record."))
    if not (note or document or image):
        raise StaffroomError("empty", _("Please write a note or attach a file."))
    with transaction.atomic():
        event = ProposalEvent.objects.create(
            proposal=proposal, kind=kind, note=note, document=document, image=image, by=user
        )
        if kind == ProposalEvent.Kind.REWARD:
            Proposal.objects.filter(pk=proposal.pk).update(reward=note[:200])
        record_audit(user, AuditEntry.Action.UPDATE, proposal, fields=[kind])
    return event
