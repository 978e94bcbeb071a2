"""The staff room's figures for the service-quality plan: proposals adopted, law tests
passed, trainings held."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import indicator
from huzheng.staffroom.models import ProposalEvent, ProposalState, TestAttempt, TrainingSession


@indicator(
    "staffroom.proposals_adopted",
    name=_("Innovation proposals adopted"),
    unit=_("count"),
    source=_("proposals the innovation team adopted in the period"),
)
def proposals_adopted(office, period):
    return (
        ProposalEvent.objects.filter(
            proposal__office=office,
            kind=ProposalEvent.Kind.STATE,
            state=ProposalState.ADOPTED,
            at__gte=period.start(),
            at__lt=period.end(),
        )
        .values("proposal_id")
        .distinct()
        .count()
    )


@indicator(
    "staffroom.law_tests_passed",
    name=_("Law tests passed"),
    unit="%",
    source=_("law tests handed in during the period: the share passed"),
    target=80,
)
def law_tests_passed(office, period):
    counts = TestAttempt.objects.filter(
        test__office=office,
        finished_at__gte=period.start(),
        finished_at__lt=period.end(),
    ).aggregate(all=Count("id"), passed=Count("id", filter=Q(passed=True)))
    if not counts["all"]:
        return None
    return round(100 * counts["passed"] / counts["all"], 1)


@indicator(
    "staffroom.trainings_held",
    name=_("Training sessions held"),
    unit=_("count"),
    source=_("training sessions and law seminars recorded in the period"),
)
def trainings_held(office, period):
    return TrainingSession.objects.filter(
        office=office, date__range=(period.first, period.last)
    ).count()
