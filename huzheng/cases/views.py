"""The public progress query at /cases/query/ (申辦案件查詢): case number plus the
applicant's ID number or birth date → the stage timeline, the expected date and the
office's phone. Thin: parse, call services.guarded_query, render."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.cases import services
from huzheng.cases.forms import QueryForm
from huzheng.core.ratelimit import client_key


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def query(request):
    if request.method != "POST":
        return render(request, "cases/query.html", {"form": QueryForm()})
    form = QueryForm(request.POST)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "cases/query.html", context, status=422)
    data = form.cleaned_data
    birth_date = None
    if not data["national_id"].strip():
        if not data["birth_date"].strip():
            context["error"] = _("Please enter the applicant's ID number or birth date.")
            context["error_field"] = form["national_id"].id_for_label
            return render(request, "cases/query.html", context, status=422)
        try:
            birth_date = services.parse_birth_date(data["birth_date"])
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            context["error_field"] = form["birth_date"].id_for_label
            return render(request, "cases/query.html", context, status=422)
    try:
        progress = services.guarded_query(
            data["case_number"],
            client=client_key(request),
            national_id=data["national_id"].strip() or None,
            birth_date=birth_date,
        )
    except services.TooManyAttempts:
        context["error"] = services.TOO_MANY_MESSAGE
        context["error_field"] = form["case_number"].id_for_label
        return render(request, "cases/query.html", context, status=429)
    except services.CaseNotFound:
        context["error"] = services.NOT_FOUND_MESSAGE
        context["error_field"] = form["case_number"].id_for_label
        return render(request, "cases/query.html", context, status=404)
    # The facts typed are not shown back: the page may stay on a shared screen.
    return render(request, "cases/progress.html", {"progress": progress})
