"""The surveys in the back office (問卷管理): the list with links to results and to
copying, the results with filters and CSV, and staff answering a staff survey.
Thin: check who asks, call the services, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.core.services import for_staff, staff_office_ids
from huzheng.surveys import results as analysis
from huzheng.surveys import services
from huzheng.surveys.forms import AnswerForm
from huzheng.surveys.models import Audience, ImprovementAction, Survey

RESULTS_PERMISSION = "surveys.view_survey_results"
ADD_PERMISSION = "surveys.add_survey"


def dashboard(request):
    """Every survey of the staff member's offices; the open staff surveys to answer."""
    mine = _scoped(request)
    today = timezone.localdate()
    staff_surveys = [
        {"survey": survey, "answered": services.has_answered(survey, request.user)}
        for survey in Survey.objects.filter(
            audience=Audience.STAFF, opens_on__lte=today, closes_on__gte=today
        ).filter(office__in=_own_offices(request))
    ]
    return render(
        request,
        "surveys/admin/dashboard.html",
        {
            "surveys": mine.select_related("office") if _may_read(request) else [],
            "may_read": _may_read(request),
            "may_add": request.user.has_perm(ADD_PERMISSION),
            "staff_surveys": staff_surveys,
            "today": today,
        },
    )


def survey_results(request, pk):
    survey = _survey(request, pk)
    figures = analysis.results(survey, request.GET)
    return render(
        request,
        "surveys/admin/results.html",
        {
            **figures,
            "filters": {
                k: request.GET.get(k, "") for k in ("service", "counter", "month", "channel")
            },
            "query": request.GET.urlencode(),
            "actions": ImprovementAction.objects.filter(survey=survey),
            "general_url": request.build_absolute_uri(services.general_survey_url(survey))
            if survey.audience == Audience.CITIZENS
            else "",
        },
    )


def results_csv(request, pk):
    survey = _survey(request, pk)
    response = HttpResponse(
        services.export_results(survey, request.GET, user=request.user),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.csv"'
    return response


@require_POST
def copy(request, pk):
    if not request.user.has_perm(ADD_PERMISSION):
        raise PermissionDenied
    survey = _survey(request, pk)
    created = services.copy_survey(survey, user=request.user)
    messages.success(
        request, _("Copied. Check the dates and the questions of the new survey before it opens.")
    )
    return redirect("surveys_survey:edit", created.pk)


def staff_answer(request, pk):
    """A staff member answers a staff survey of their office, once; the answer keeps
    their role (for groups) and not their name."""
    survey = Survey.objects.filter(pk=pk, audience=Audience.STAFF).first()
    if survey is None or survey.office not in _own_offices(request):
        raise Http404("survey")
    error = None
    if services.has_answered(survey, request.user):
        error = _("You have already answered this survey. Thank you.")
    form = AnswerForm(survey, request.POST if request.method == "POST" else None)
    if request.method == "POST" and error is None and form.is_valid():
        try:
            services.answer_as_staff(survey, request.user, form.answers(), group=_group(request))
        except services.SurveyError as refused:
            error = refused.message
        else:
            messages.success(request, _("Thank you: your answer was received without your name."))
            return redirect("surveys_staff:dashboard")
    return render(
        request,
        "surveys/admin/staff_answer.html",
        {"survey": survey, "form": form, "error": error},
        status=422 if request.method == "POST" else 200,
    )


def _survey(request, pk):
    if not _may_read(request):
        raise PermissionDenied
    survey = _scoped(request).filter(pk=pk).first()
    if survey is None:
        raise Http404("survey")
    return survey


def _may_read(request):
    return request.user.has_perm(RESULTS_PERMISSION)


def _scoped(request):
    return for_staff(Survey.objects.all(), request.user, "office_id")


def _own_offices(request):
    from huzheng.core.models import Office

    ids = staff_office_ids(request.user)
    offices = Office.objects.all()
    return offices if ids is None else offices.filter(pk__in=ids)


def _group(request):
    """The staff member's role, the group their answer counts in."""
    names = sorted(request.user.groups.values_list("name", flat=True))
    return names[0] if names else ""
