"""The surveys' figures for the service-quality plan: citizen and staff satisfaction."""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import indicator
from huzheng.surveys.models import Answer, Audience, Question


@indicator(
    "surveys.citizen_satisfaction",
    name=_("Citizen satisfaction"),
    unit="%",
    source=_("citizen survey answers on the 1–5 scale: the share answering 4 or 5"),
    description=_("Every scale question of the office's citizen surveys answered in the period."),
    target=85,
)
def citizen_satisfaction(office, period):
    return _satisfied_share(office, period, Audience.CITIZENS)


@indicator(
    "surveys.citizen_mean",
    name=_("Citizen satisfaction, mean score"),
    unit=_("points (1–5)"),
    source=_("citizen survey answers on the 1–5 scale"),
)
def citizen_mean(office, period):
    mean = _scale_answers(office, period, Audience.CITIZENS).aggregate(mean=Avg("value"))["mean"]
    return round(mean, 2) if mean is not None else None


@indicator(
    "surveys.staff_satisfaction",
    name=_("Staff satisfaction"),
    unit="%",
    source=_("staff survey answers on the 1–5 scale: the share answering 4 or 5"),
    description=_("Shown only when at least 5 staff answered, as the results page does."),
    target=80,
)
def staff_satisfaction(office, period):
    answers = _scale_answers(office, period, Audience.STAFF)
    if answers.values("response_id").distinct().count() < 5:
        return None
    return _satisfied_share(office, period, Audience.STAFF)


def _scale_answers(office, period, audience):
    return Answer.objects.filter(
        question__kind=Question.Kind.SCALE,
        response__office=office,
        response__survey__audience=audience,
        response__answered_on__range=(period.first, period.last),
    )


def _satisfied_share(office, period, audience):
    counts = _scale_answers(office, period, audience).aggregate(
        all=Count("id"), satisfied=Count("id", filter=Q(value__gte=4))
    )
    if not counts["all"]:
        return None
    return round(100 * counts["satisfied"] / counts["all"], 1)
