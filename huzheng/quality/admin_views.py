"""The plan in the back office: the monthly meetings (所務會議) and the yearly
self-evaluation (自評) with its PDF. Thin: check who asks, call services, render."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from huzheng.core import roc
from huzheng.core.pdf import render_pdf
from huzheng.core.services import staff_office
from huzheng.quality import services
from huzheng.quality.forms import (
    ActionFormSet,
    CountyScoreForm,
    MeetingForm,
    ScoreForm,
    SpotCheckFormSet,
)
from huzheng.quality.models import Meeting, Plan, SelfScore

VIEW_MEETINGS = "quality.view_meeting"
ADD_MEETING = "quality.add_meeting"
VIEW_SCORES = "quality.view_selfscore"
CHANGE_SCORES = "quality.change_selfscore"


def meetings(request):
    office = _office(request, VIEW_MEETINGS)
    return render(
        request,
        "quality/admin/meetings.html",
        {
            "office": office,
            "meetings": Meeting.objects.filter(office=office)[:60],
            "may_add": request.user.has_perm(ADD_MEETING),
        },
    )


def meeting_new(request):
    office = _office(request, ADD_MEETING)
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, initial={"date": roc.today()})
    checks = SpotCheckFormSet(data, prefix="check")
    actions = ActionFormSet(data, prefix="action")
    if data is not None and form.is_valid() and checks.is_valid() and actions.is_valid():
        try:
            meeting = services.record_meeting(
                office,
                form.cleaned_data["date"],
                user=request.user,
                chair=form.cleaned_data["chair"],
                notes=form.cleaned_data["notes"],
                decisions=form.cleaned_data["decisions"],
                spot_checks=[c for c in checks.cleaned_data if c.get("subject")],
                actions=[a for a in actions.cleaned_data if a.get("action")],
            )
        except ValidationError as exc:
            form.add_error("date", exc)
        else:
            messages.success(request, _("The meeting is recorded with this month's indicators."))
            return redirect("quality_admin:meeting", meeting.pk)
    return render(
        request,
        "quality/admin/meeting_form.html",
        {"form": form, "checks": checks, "actions": actions, "office": office},
    )


def meeting_detail(request, pk):
    office = _office(request, VIEW_MEETINGS)
    meeting = get_object_or_404(Meeting.objects.filter(office=office), pk=_id(pk))
    return render(
        request,
        "quality/admin/meeting_detail.html",
        {
            "meeting": meeting,
            "figures": [dict(f, meets=services.meets_target(f)) for f in meeting.figures],
            "checks": meeting.spot_checks.all(),
            "actions": meeting.actions.all(),
        },
    )


def evaluation(request, year=None):
    office = _office(request, VIEW_SCORES)
    plan = _plan(office, year)
    may_change = request.user.has_perm(CHANGE_SCORES)
    rows = _rows(plan, request.POST if request.method == "POST" and may_change else None)
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if all(row["form"].is_valid() for row in rows):
            try:
                for row in rows:
                    services.set_self_score(
                        row["item"],
                        user=request.user,
                        self_score=row["form"].cleaned_data["self_score"],
                        text=row["form"].cleaned_data["text"],
                    )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The self-evaluation is saved."))
                return redirect("quality_admin:evaluation_year", plan.year)
    return render(
        request,
        "quality/admin/evaluation.html",
        {
            "plan": plan,
            "rows": rows,
            "may_change": may_change,
            "totals": _totals(rows),
            "years": Plan.objects.filter(office=office).values_list("year", flat=True),
        },
    )


def evaluation_pdf(request, year):
    office = _office(request, VIEW_SCORES)
    return _evaluation_pdf(request, office, _plan(office, year))


def _evaluation_pdf(request, office, plan):
    rows = _rows(plan, None)
    pdf = render_pdf(
        "quality/evaluation_pdf.html",
        {
            "office": office,
            "plan": plan,
            "rows": rows,
            "totals": _totals(rows),
            "title": _("Self-evaluation of the service-quality plan, ROC year %(year)s")
            % {"year": plan.roc_year},
            "printed_on": roc.today(),
        },
        request=request,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="self-evaluation-{plan.roc_year}.pdf"'
    return response


def county(request):
    """The county's comparison (縣府): the same indicators for every office side by side,
    a rank per indicator, and the plans' scores. Read-only; for staff of no one office."""
    from huzheng.core.indicators import Period
    from huzheng.quality import county as county_view

    if not request.user.has_perm("quality.view_plan"):
        raise PermissionDenied
    offices = county_view.county_offices(request.user)
    if not offices:
        raise PermissionDenied
    today = roc.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    try:
        period = services.parse_period(
            request.GET.get("period"), default=Period.month(last.year, last.month)
        )
        note = ""
    except ValueError:
        period = Period.month(last.year, last.month)
        note = _("The period is a month such as 2026-11 or a year such as 2026.")
    return render(
        request,
        "quality/admin/county.html",
        {
            "offices": offices,
            "period": period,
            "note": note,
            "rows": county_view.comparison(offices, period),
            "scores": county_view.scores(offices, period.first.year),
        },
    )


def county_scores(request, office, year):
    """The county scores one office's self-evaluation (縣府評分), item by item beside the
    office's own score; the office's text, evidence and indicators are read-only here."""
    office = _county_office(request, VIEW_SCORES, office)
    plan = _plan(office, year)
    may_score = request.user.has_perm(CHANGE_SCORES)
    data = request.POST if request.method == "POST" else None
    if data is not None and not may_score:
        raise PermissionDenied
    rows = _rows(plan, None)
    for row in rows:
        score = row["score"]
        initial = (
            {"county_score": score.county_score, "comment": score.county_comment} if score else {}
        )
        row["county_form"] = CountyScoreForm(data, prefix=f"item{row['item'].pk}", initial=initial)
    if data is not None and all(row["county_form"].is_valid() for row in rows):
        try:
            for row in rows:
                services.set_self_score(
                    row["item"],
                    user=request.user,
                    self_score=row["county_form"].cleaned_data["county_score"],
                    county=True,
                    comment=row["county_form"].cleaned_data["comment"],
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The county's scores are saved."))
            return redirect("quality_admin:county_scores", office.code, plan.year)
    return render(
        request,
        "quality/admin/county_scores.html",
        {
            "office": office,
            "plan": plan,
            "rows": rows,
            "may_score": may_score,
            "totals": _totals(rows),
        },
        status=422 if data is not None else 200,
    )


def county_scores_csv(request, office, year):
    """The office's self-scores and the county's scores as CSV, in the plan's order."""
    import csv

    office = _county_office(request, VIEW_SCORES, office)
    plan = _plan(office, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="scores-{office.code}-{plan.roc_year}.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 Chinese only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Number"),
            _("Scored item"),
            _("Points"),
            _("Self-score"),
            _("County's score"),
            _("Difference"),
            _("County's comment"),
        ]
    )
    rows = _rows(plan, None)
    for row in rows:
        score = row["score"]
        own = score.self_score if score else None
        county_score = score.county_score if score else None
        writer.writerow(
            [
                row["item"].number,
                _csv_safe(row["item"].title),
                row["item"].points,
                "" if own is None else own,
                "" if county_score is None else county_score,
                "" if own is None or county_score is None else county_score - own,
                _csv_safe(score.county_comment if score else ""),
            ]
        )
    totals = _totals(rows)
    writer.writerow(["", _("Total"), totals["points"], totals["self"], totals["county"], "", ""])
    return response


def county_scores_pdf(request, office, year):
    office = _county_office(request, VIEW_SCORES, office)
    return _evaluation_pdf(request, office, _plan(office, year))


def _county_office(request, permission, code):
    from huzheng.quality import county as county_view

    if not request.user.has_perm(permission):
        raise PermissionDenied
    offices = {o.code: o for o in county_view.county_offices(request.user)}
    if not offices:
        raise PermissionDenied
    office = offices.get(str(code)[:32])
    if office is None:
        raise Http404("no such office")
    return office


def _csv_safe(text):
    """A cell a spreadsheet will not run as a formula."""
    text = str(text or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _office(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    office = staff_office(request.user)
    if office is None:  # county staff read through the comparison, not an office's records
        raise PermissionDenied
    return office


def _plan(office, year):
    if year is not None and not 1912 <= year <= 2200:
        raise Http404("no plan")
    plans = Plan.objects.filter(office=office)
    plan = plans.filter(year=year).first() if year else plans.filter(year=roc.today().year).first()
    plan = plan or (None if year else plans.order_by("-year").first())
    if plan is None:
        raise Http404("no plan")
    return plan


def _rows(plan, data):
    """Each scored item in the plan's order with its score row, form and indicators."""
    from huzheng.core.indicators import Period

    items = services.scored_items(plan)
    scores = {s.item_id: s for s in SelfScore.objects.filter(item__in=items)}
    figures = {
        f["key"]: f
        for f in services.indicator_figures(
            plan.office,
            Period.year(plan.year),
            plan=plan,
            keys={ind.key for ind, _t in services.plan_indicators(plan)},
        )
    }
    rows = []
    for item in items:
        score = scores.get(item.pk)
        measures = list(
            plan.items.filter(parent__parent=item, level=5).prefetch_related("evidence")
        )
        keys = [key for measure in measures for key in measure.indicator_keys or []]
        evidence = [e for measure in measures for e in measure.evidence.all()]
        initial = {"self_score": score.self_score, "text": score.text} if score else {}
        rows.append(
            {
                "item": item,
                "area": _area_of(item),
                "score": score,
                "form": ScoreForm(data, prefix=f"item{item.pk}", initial=initial),
                "indicators": [figures[k] for k in dict.fromkeys(keys) if k in figures],
                "evidence": evidence,
            }
        )
    return rows


def _area_of(item):
    strategy = item.parent
    return strategy.parent if strategy is not None else None


def _totals(rows):
    points = sum((row["item"].points or 0) for row in rows)
    own = sum((row["score"].self_score or 0) for row in rows if row["score"])
    county = sum((row["score"].county_score or 0) for row in rows if row["score"])
    return {"points": points, "self": own, "county": county}


def _id(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number < 2**63:
        raise Http404
    return number
