"""The plan on the office's public site: the years, one year's plan, its PDF and its
indicators as CSV and JSON (the site's office is `request.office`)."""

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from huzheng.core import roc
from huzheng.core.indicators import Period
from huzheng.core.pagecache import public_page
from huzheng.core.pdf import render_pdf
from huzheng.quality import services
from huzheng.quality.models import Plan


@public_page("quality", "site")
def plan_list(request):
    """The years of the office's published plans (提升服務品質執行計畫)."""
    office = _office(request)
    plans = Plan.objects.filter(office=office, is_published=True).order_by("-year")
    return render(request, "quality/plan_list.html", {"office": office, "plans": plans})


@public_page("quality", "site")
def plan_detail(request, roc_year):
    plan = _plan(request, roc_year)
    return render(request, "quality/plan_detail.html", _plan_context(plan))


@public_page("quality", "site")
def plan_pdf(request, roc_year):
    plan = _plan(request, roc_year)
    context = {**_plan_context(plan), "title": plan.title, "printed_on": roc.today()}
    response = HttpResponse(
        render_pdf("quality/plan_pdf.html", context, request=request),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="quality-plan-{plan.roc_year}.pdf"'
    return response


def plan_indicators(request, roc_year, fmt):
    """The published plan's indicators with their values over `?period=` (a month or a
    year; the plan's year by default), as CSV or JSON."""
    plan = _plan(request, roc_year)
    try:
        period = services.parse_period(request.GET.get("period"), default=Period.year(plan.year))
    except ValueError:
        return JsonResponse(
            {
                "code": "invalid_period",
                "message": _("The period is a month such as 2026-11 or a year such as 2026."),
            },
            status=400,
        )
    keys = {indicator.key for indicator, _target in services.plan_indicators(plan)}
    rows = services.indicator_figures(plan.office, period, plan=plan, keys=keys)
    if fmt == "json":
        return JsonResponse(
            {"office": plan.office.code, "plan_year": plan.year, "indicators": rows},
            json_dumps_params={"ensure_ascii": False},
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="quality-indicators-{plan.roc_year}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs in Taiwan read the Chinese
    columns = ["key", "name", "value", "unit", "target", "period", "computed_at"]
    writer = csv.writer(response)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row[column]) for column in columns])
    return response


def _office(request):
    office = getattr(request, "office", None)
    if office is None:
        raise Http404("no office for this site")
    return office


def _plan(request, roc_year):
    office = _office(request)
    if not 1 <= roc_year <= 300:  # a year the database's column cannot even hold
        raise Http404(str(roc_year)[:10])
    plan = (
        Plan.objects.filter(office=office, year=roc_year + 1911, is_published=True)
        .select_related("office")
        .first()
    )
    if plan is None:
        raise Http404(str(roc_year))
    return plan


def _plan_context(plan):
    indicators = services.plan_indicators(plan)
    names = {indicator.key: str(indicator.name) for indicator, _target in indicators}
    tree = services.plan_tree(plan)
    for area in tree:
        for strategy in area["children"]:
            for indicator in strategy["children"]:
                for sub in indicator["children"]:
                    for measure in sub["children"]:
                        keys = measure["item"].indicator_keys or []
                        measure["indicator_names"] = [names[k] for k in keys if k in names]
    return {
        "office": plan.office,
        "plan": plan,
        "tree": tree,
        "total": plan.total_points(),
        "indicators": indicators,
    }


def _csv_cell(value):
    if value is None:
        return ""
    text = str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return (
        "'" + text
        if text[:1] in ("=", "+", "@") or (text[:1] == "-" and not _number(text))
        else text
    )


def _number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True
