"""The staff room in the back office (同仁園地): its home with the Q&A search, the law
tests, the vote and the proposals. Thin: check who asks, call the services, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.core.services import for_staff, staff_office
from huzheng.staffroom import services
from huzheng.staffroom.forms import EventForm, MoveForm, ProposalForm, VoteForm, test_form
from huzheng.staffroom.models import (
    LawTest,
    Proposal,
    QAEntry,
    TestAttempt,
    TrainingSession,
    Vote,
    VotePeriod,
)

REVIEW_PERMISSION = "staffroom.review_proposal"
MANAGE_PERMISSION = "staffroom.change_lawtest"


def home(request):
    query = request.GET.get("q", "")
    entries = _scoped(request, QAEntry).select_related("service")
    if query:
        entries = services.search_qa(entries, query)
    today = timezone.localdate()
    taken = dict(TestAttempt.objects.filter(user=request.user).values_list("test_id", "score"))
    tests = [
        {"test": t, "taken": t.pk in taken, "score": taken.get(t.pk)}
        for t in _scoped(request, LawTest).filter(opens_on__lte=today, closes_on__gte=today)
    ]
    voted = set(Vote.objects.filter(voter=request.user).values_list("period_id", flat=True))
    periods = [
        {"period": p, "voted": p.pk in voted, "closed": p.closes_on < today}
        for p in _scoped(request, VotePeriod)[:6]
    ]
    return render(
        request,
        "staffroom/home.html",
        {
            "query": query,
            "entries": entries[:50],
            "tests": tests,
            "periods": periods,
            "may_manage": request.user.has_perm(MANAGE_PERMISSION),
            "may_publish": request.user.has_perm("staffroom.change_qaentry"),
        },
    )


@require_POST
def publish_qa(request, pk):
    if not request.user.has_perm("staffroom.change_qaentry"):
        raise PermissionDenied
    entry = _get(request, QAEntry, pk)
    try:
        services.publish_to_faq(entry, user=request.user)
    except services.StaffroomError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("Sent to the public FAQ page; it goes live when the director approves it.")
        )
    return redirect("staffroom:home")


def qa_versions(request, pk):
    entry = _get(request, QAEntry, pk)
    return render(
        request,
        "staffroom/qa_versions.html",
        {"entry": entry, "versions": entry.versions.select_related("changed_by")},
    )


def take_test(request, pk):
    test = _get(request, LawTest, pk)
    attempt = TestAttempt.objects.filter(test=test, user=request.user).first()
    if request.method == "POST" and "start" in request.POST:
        try:
            services.start_test(test, request.user)
        except services.StaffroomError as refused:
            messages.error(request, refused.message)
        return redirect("staffroom:take_test", pk)
    form = None
    if attempt is not None and attempt.finished_at is None:
        form = test_form(attempt, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            choices = {int(name[1:]): value for name, value in form.cleaned_data.items() if value}
            try:
                attempt = services.submit_test(attempt, choices)
            except services.StaffroomError as refused:
                messages.error(request, refused.message)
            return redirect("staffroom:take_test", pk)
    return render(
        request,
        "staffroom/take_test.html",
        {"test": test, "attempt": attempt, "form": form, "now": timezone.now()},
    )


def test_results(request, pk):
    if not request.user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied
    test = _get(request, LawTest, pk)
    attempts = test.attempts.select_related("user").order_by("user__username")
    by_topic = {}
    for attempt in attempts:
        for row in attempt.questions.select_related("question"):
            figures = by_topic.setdefault(row.question.topic, [0, 0])
            figures[0] += row.chosen == row.question.correct
            figures[1] += 1
    topics = [
        {"topic": topic, "right": right, "asked": asked, "share": round(100 * right / asked)}
        for topic, (right, asked) in sorted(by_topic.items())
    ]
    return render(
        request,
        "staffroom/test_results.html",
        {"test": test, "attempts": attempts, "topics": topics},
    )


def my_record(request):
    """A staff member's own record of tests and trainings (學習紀錄)."""
    return render(
        request,
        "staffroom/record.html",
        {
            "attempts": TestAttempt.objects.filter(user=request.user).select_related("test"),
            "sessions": TrainingSession.objects.filter(attendees=request.user),
        },
    )


def vote(request, pk):
    period = _get(request, VotePeriod, pk)
    today = timezone.localdate()
    closed = period.closes_on < today
    mine = (
        Vote.objects.filter(period=period, voter=request.user).select_related("candidate").first()
    )
    colleagues = services.candidates(period).exclude(pk=request.user.pk)
    form = VoteForm(colleagues, request.POST or None)
    if request.method == "POST" and form.is_valid():
        candidate = colleagues.filter(pk=form.cleaned_data["candidate"]).first()
        try:
            if candidate is None:
                raise services.StaffroomError(
                    "office", _("You can vote only for a colleague of your own office.")
                )
            services.cast_vote(period, request.user, candidate, reason=form.cleaned_data["reason"])
        except services.StaffroomError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Thank you: your vote is counted."))
        return redirect("staffroom:vote", pk)
    results = services.vote_results(period) if closed else None
    return render(
        request,
        "staffroom/vote.html",
        {
            "period": period,
            "closed": closed,
            "open": period.opens_on <= today <= period.closes_on,
            "mine": mine,
            "form": form,
            "results": results,
            "satisfaction": _counter_satisfaction(period) if closed else [],
        },
    )


def proposals(request):
    return render(
        request,
        "staffroom/proposals.html",
        {
            "proposals": _scoped(request, Proposal).select_related("submitted_by"),
            "states": Proposal.State.choices,
        },
    )


def new_proposal(request):
    office = staff_office(request.user)
    if office is None:
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.submit_proposal(office=office, user=request.user, **form.cleaned_data)
        messages.success(
            request, _("Thank you: your proposal is submitted to the innovation team.")
        )
        return redirect("staffroom:proposal", proposal.pk)
    return render(request, "staffroom/new_proposal.html", {"form": form})


def proposal(request, pk):
    found = _get(request, Proposal, pk)
    may_review = request.user.has_perm(REVIEW_PERMISSION)
    move_form = MoveForm(request.POST if "move" in request.POST else None)
    event_form = EventForm(
        request.POST if "record" in request.POST else None,
        request.FILES if "record" in request.POST else None,
    )
    if request.method == "POST":
        if not may_review:
            raise PermissionDenied
        try:
            if "move" in request.POST and move_form.is_valid():
                services.move_proposal(
                    found,
                    move_form.cleaned_data["state"],
                    user=request.user,
                    reason=move_form.cleaned_data["reason"],
                )
                messages.success(request, _("The proposal's state is changed."))
                return redirect("staffroom:proposal", pk)
            if "record" in request.POST and event_form.is_valid():
                services.record_proposal_event(
                    found,
                    event_form.cleaned_data["kind"],
                    user=request.user,
                    note=event_form.cleaned_data["note"],
                    document=_document(event_form.cleaned_data["file"], found, request.user),
                )
                messages.success(request, _("Recorded."))
                return redirect("staffroom:proposal", pk)
        except services.StaffroomError as refused:
            messages.error(request, refused.message)
    return render(
        request,
        "staffroom/proposal.html",
        {
            "proposal": found,
            "events": found.events.select_related("by", "document"),
            "may_review": may_review,
            "next_states": [
                (s, Proposal.State(s).label) for s in services.NEXT_STATES[found.state]
            ],
            "move_form": move_form,
            "event_form": event_form,
        },
    )


def _document(upload, proposal, user):
    if not upload:
        return None
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=f"{proposal.title[:80]} · {upload.name[:80]}", file=upload, uploaded_by_user=user
    )


def _counter_satisfaction(period):
    """Citizens' mean overall satisfaction per counter during the period, shown beside
    the votes (the surveys' first scale question)."""
    from django.db.models import Avg, Count

    from huzheng.surveys.models import Answer

    return list(
        Answer.objects.filter(
            question__kind="scale",
            question__sort_order=0,
            response__office=period.office,
            response__answered_on__range=(period.opens_on, period.closes_on),
            response__counter__isnull=False,
        )
        .values("response__counter")
        .annotate(mean=Avg("value"), n=Count("id"))
        .order_by("response__counter")
    )


def _scoped(request, model):
    return for_staff(model.objects.all(), request.user, "office_id")


def _get(request, model, pk):
    found = _scoped(request, model).filter(pk=pk).first()
    if found is None:
        raise Http404(model._meta.model_name)
    return found
