"""What the answers say (調查結果分析): per question the count, the mean and the
distribution, filtered by service, counter, month and channel; the free text; a CSV;
last year's figures beside this year's; and for staff surveys, groups too small to show.

Staff answers are shown only for groups of at least `MIN_GROUP` respondents, and the
whole survey only once that many have answered, so no one's answer can be picked out."""

import csv
import datetime as dt
import io

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from huzheng.core.charts import bar_chart
from huzheng.core.i18n import localized
from huzheng.surveys.models import Answer, Audience, Channel, Question, Response, Survey

MIN_GROUP = 5
FREE_TEXT_SHOWN = 200


def filtered_responses(survey, filters):
    """The survey's responses that match the filters: service (id), counter (number),
    month ("2026-11"), channel. Unknown or malformed filters are ignored."""
    responses = Response.objects.filter(survey=survey)
    service = str(filters.get("service") or "")
    if service.isdigit():
        responses = responses.filter(service_id=int(service))
    counter = str(filters.get("counter") or "")
    if counter.isdigit():
        responses = responses.filter(counter=int(counter))
    channel = filters.get("channel") or ""
    if channel in Channel.values:
        responses = responses.filter(channel=channel)
    month = _month(filters.get("month"))
    if month:
        responses = responses.filter(answered_on__year=month.year, answered_on__month=month.month)
    return responses


def results(survey, filters=None):
    """Everything the results page shows, computed from the filtered responses."""
    filters = filters or {}
    responses = filtered_responses(survey, filters)
    total = responses.count()
    hidden = survey.audience == Audience.STAFF and total < MIN_GROUP
    previous = previous_survey(survey)
    previous_means = _means(previous) if previous else {}
    questions = []
    for question in survey.questions.all():
        row = {"question": question, "text": question.display_text(), "kind": question.kind}
        if not hidden:
            row.update(_question_figures(question, responses))
            row["previous_mean"] = previous_means.get(question.text)
        questions.append(row)
    return {
        "survey": survey,
        "total": total,
        "hidden": hidden,
        "min_group": MIN_GROUP,
        "questions": questions,
        "groups": staff_groups(survey) if survey.audience == Audience.STAFF else [],
        "previous": previous,
        "choices": filter_choices(survey),
    }


def staff_groups(survey):
    """Per group (role) the number who answered and the mean of every scale question;
    a group of fewer than MIN_GROUP shows only that it is too small."""
    groups = []
    counts = (
        Response.objects.filter(survey=survey)
        .values("group")
        .annotate(n=Count("id"))
        .order_by("group")
    )
    for row in counts:
        shown = row["n"] >= MIN_GROUP
        means = {}
        if shown:
            for found in (
                Answer.objects.filter(
                    response__survey=survey,
                    response__group=row["group"],
                    question__kind=Question.Kind.SCALE,
                )
                .values("question_id")
                .annotate(mean=Avg("value"))
            ):
                means[found["question_id"]] = round(found["mean"], 2)
        groups.append(
            {
                "name": row["group"] or _("(no group)"),
                "count": row["n"],
                "shown": shown,
                "means": means,
            }
        )
    return groups


def previous_survey(survey):
    """Last year's survey of the same office and audience (the one it was copied from,
    else the latest that opened a year or more before)."""
    if survey.copied_from_id:
        return survey.copied_from
    return (
        Survey.objects.filter(
            office_id=survey.office_id,
            audience=survey.audience,
            opens_on__lte=survey.opens_on - dt.timedelta(days=300),
        )
        .order_by("-opens_on")
        .first()
    )


def filter_choices(survey):
    """The values the filters offer: those that occur in the survey's responses."""
    responses = Response.objects.filter(survey=survey)
    services = (
        responses.filter(service__isnull=False)
        .values("service_id", "service__name", "service__name_en")
        .distinct()
        .order_by("service__name")
    )
    months = sorted({d.strftime("%Y-%m") for d in responses.dates("answered_on", "month")})
    return {
        "services": [
            (
                row["service_id"],
                localized({"n": row["service__name"], "n_en": row["service__name_en"]}, "n"),
            )
            for row in services
        ],
        "counters": sorted(
            c for c in responses.values_list("counter", flat=True).distinct() if c is not None
        ),
        "months": months,
        "channels": [
            (value, label)
            for value, label in Channel.choices
            if responses.filter(channel=value).exists()
        ],
    }


def csv_export(survey, filters=None):
    """One row per response and one column per question; text as typed, formula-safe.
    A staff survey with fewer than MIN_GROUP answers exports nothing but the header."""
    responses = filtered_responses(survey, filters or {}).order_by("answered_on", "pk")
    questions = list(survey.questions.all())
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("answered on"),
            _("channel"),
            _("service"),
            _("series"),
            _("counter"),
            _("wait"),
            _("group"),
        ]
        + [q.display_text() for q in questions]
    )
    if survey.audience == Audience.STAFF and responses.count() < MIN_GROUP:
        return out.getvalue()
    answers = {}
    for answer in Answer.objects.filter(response__in=responses).order_by("pk"):
        answers.setdefault((answer.response_id, answer.question_id), []).append(answer)
    for response in responses.select_related("service"):
        row = [
            response.answered_on.isoformat(),
            response.channel,
            response.service.name if response.service else "",
            response.series,
            response.counter or "",
            response.wait_band,
            response.group,
        ]
        for question in questions:
            found = answers.get((response.pk, question.pk), [])
            row.append(_cell(question, found))
        writer.writerow([_safe(value) for value in row])
    return out.getvalue()


def _question_figures(question, responses):
    answers = Answer.objects.filter(question=question, response__in=responses)
    if question.kind in (Question.Kind.SHORT, Question.Kind.LONG):
        texts = list(
            answers.order_by("-response__answered_on", "-pk").values_list("text", flat=True)
        )
        return {
            "count": len(texts),
            "texts": texts[:FREE_TEXT_SHOWN],
            "more": max(0, len(texts) - FREE_TEXT_SHOWN),
        }
    counts = dict(answers.values_list("value").annotate(n=Count("id")).values_list("value", "n"))
    if question.kind == Question.Kind.SCALE:
        options = [(n, str(n)) for n in range(1, 6)]
    else:
        options = question.display_choices()
    rows = [{"label": label, "value": counts.get(value, 0)} for value, label in options]
    answered = (
        answers.values("response_id").distinct().count()
        if question.kind == Question.Kind.MULTIPLE
        else sum(counts.values())
    )
    for row in rows:
        row["share"] = round(100 * row["value"] / answered, 1) if answered else 0
    figures = {
        "count": answered,
        "rows": rows,
        "chart": bar_chart(rows, label="label", value="value", label_width=120),
    }
    if question.kind == Question.Kind.SCALE:
        mean = answers.aggregate(mean=Avg("value"))["mean"]
        figures["mean"] = round(mean, 2) if mean is not None else None
    return figures


def _means(survey):
    """{question text: mean} of a survey's scale questions, matched by wording."""
    return {
        row["question__text"]: round(row["mean"], 2)
        for row in Answer.objects.filter(
            question__survey=survey, question__kind=Question.Kind.SCALE
        )
        .values("question__text")
        .annotate(mean=Avg("value"))
    }


def _cell(question, answers):
    if not answers:
        return ""
    if question.kind in (Question.Kind.SHORT, Question.Kind.LONG):
        return answers[0].text
    if question.kind == Question.Kind.SCALE:
        return answers[0].value
    labels = dict(question.display_choices())
    return "; ".join(str(labels.get(a.value, a.value)) for a in answers)


def _safe(value):
    # A cell a spreadsheet would run as a formula is written as text.
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _month(value):
    text = str(value or "")
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        month = int(text[5:])
        if 1 <= month <= 12:
            return dt.date(int(text[:4]), month, 1)
    return None
