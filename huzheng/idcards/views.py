"""Public ID card pages at /idcards/ (namespace idcards): loss report, how to cancel one,
the validity check and the issue status. Thin: parse, call services, render."""

from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

# Django's render, with the footer's "last updated" date: these pages show their own words
# and what the citizen typed, so the date is when their template last changed here.
from huzheng.core.freshness import render
from huzheng.core.ratelimit import client_key
from huzheng.idcards import services
from huzheng.idcards.forms import IssueStatusForm, LossReportForm, ValidityForm
from huzheng.idcards.services import IdCardError, RateLimited


def index(request):
    return render(request, "idcards/index.html")


def cancel_info(request):
    return render(request, "idcards/cancel_info.html")


@never_cache
@require_http_methods(["GET", "POST"])
def report_lost(request):
    form = LossReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report, created = services.report_loss_online(
                data["national_id"].number,
                data["name"],
                data["birth_date"],
                client=client_key(request),
            )
        except IdCardError as exc:
            return _form_error(request, "idcards/report_lost.html", form, exc)
        context = {
            "report": report,
            "created": created,
            "timestamp": services.roc_timestamp(report.created_at),
        }
        return render(request, "idcards/report_lost_done.html", context)
    return render(request, "idcards/report_lost.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def validity(request):
    form = ValidityForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.check_validity(
                data["national_id"].number,
                data["issue_date"],
                data["issue_type"],
                data["issue_place"],
                client=client_key(request),
            )
        except IdCardError as exc:
            return _form_error(request, "idcards/validity.html", form, exc)
    return render(request, "idcards/validity.html", {"form": form, "result": result})


@never_cache
@require_http_methods(["GET", "POST"])
def issue_status(request):
    form = IssueStatusForm(request.POST or None)
    status = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            status = services.issue_status(
                data["national_id"].number, data["birth_date"], client=client_key(request)
            )
        except IdCardError as exc:
            return _form_error(request, "idcards/issue_status.html", form, exc)
    return render(request, "idcards/issue_status.html", {"form": form, "status": status})


def _form_error(request, template, form, exc):
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)
    return render(
        request, template, {"form": form}, status=429 if isinstance(exc, RateLimited) else 200
    )
