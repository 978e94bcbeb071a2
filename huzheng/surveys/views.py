"""Citizens answer a survey (填寫問卷): through a visit's one-time link or a general link.
Thin: the form parses, the service checks and writes."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.surveys import services
from huzheng.surveys.forms import AnswerForm
from huzheng.surveys.models import Audience, Survey


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def answer_by_link(request, token):
    try:
        invitation = services.invitation_for(token)
    except services.SurveyError as error:
        return _refused(request, error)
    return _answer(
        request,
        invitation.survey,
        lambda answers: services.answer_by_link(invitation, answers),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def answer_general(request, token):
    survey = get_object_or_404(Survey, public_token=str(token)[:40], audience=Audience.CITIZENS)
    via = request.GET.get("via", "website")
    try:
        services.ensure_open(survey)
    except services.SurveyError as error:
        return _refused(request, error)
    return _answer(
        request, survey, lambda answers: services.answer_general(survey, answers, channel=via)
    )


def _answer(request, survey, submit):
    form = AnswerForm(survey, request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            submit(form.answers())
        except services.SurveyError as refused:
            if refused.code in ("used_link", "closed"):
                return _refused(request, refused)
            error = refused.message
        else:
            return render(request, "surveys/thanks.html", {"survey": survey})
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "error": error},
        status=422 if request.method == "POST" else 200,
    )


def _refused(request, error):
    return render(request, "surveys/refused.html", {"error": error}, status=error.status)
