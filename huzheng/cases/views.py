"""The public progress query at /cases/query/ (申辦案件查詢): case number plus the
applicant's ID number or birth date → the stage timeline, the expected date and the
office's phone. The progress page lets the applicant ask for an e-mail or text at each
move (案件進度通知), and every such message links to a page that stops it. Thin: parse,
call services, render."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from huzheng.cases import services
from huzheng.cases.forms import NotifyForm, QueryForm
from huzheng.core import freshness
from huzheng.core.ratelimit import client_key


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def query(request):
    if request.method != "POST":
        return freshness.render(request, "cases/query.html", {"form": QueryForm()})
    form = QueryForm(request.POST)
    context = {"form": form}
    if not form.is_valid():
        return freshness.render(request, "cases/query.html", context, status=422)
    data = form.cleaned_data
    birth_date = None
    if not data["national_id"].strip():
        if not data["birth_date"].strip():
            context["error"] = _("Please enter the applicant's ID number or birth date.")
            context["error_field"] = form["national_id"].id_for_label
            return freshness.render(request, "cases/query.html", context, status=422)
        try:
            birth_date = services.parse_birth_date(data["birth_date"])
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            context["error_field"] = form["birth_date"].id_for_label
            return freshness.render(request, "cases/query.html", context, status=422)
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
        return freshness.render(request, "cases/query.html", context, status=429)
    except services.CaseNotFound:
        context["error"] = services.NOT_FOUND_MESSAGE
        context["error_field"] = form["case_number"].id_for_label
        return freshness.render(request, "cases/query.html", context, status=404)
    # The facts typed are not shown back: the page may stay on a shared screen.
    return _progress_page(request, progress)


@never_cache
@require_POST
def notify(request):
    """The progress page's sign-up: the signed token stands for the look-up just made."""
    try:
        case = services.case_for_opt_in(request.POST.get("token"))
    except services.OptInError as exc:
        return _problem(request, exc.message, status=400)
    form = NotifyForm(request.POST)
    if not form.is_valid():
        return _progress_page(request, services.progress_of(case), form, status=422)
    try:
        case = services.opt_in(
            case, email=form.cleaned_data["email"], phone=form.cleaned_data["phone"]
        )
    except services.OptInError as exc:
        if exc.errors:
            for field, message in exc.errors.items():
                form.add_error(field, message)
            return _progress_page(request, services.progress_of(case), form, status=422)
        status = {"closed": 409, "too_many": 429}.get(exc.code, 400)
        return _problem(request, exc.message, status=status)
    if case.pending_channels:
        return redirect(reverse("cases:notify_done") + "?confirm=1")
    return redirect("cases:notify_done", permanent=False)


@never_cache
@require_http_methods(["GET", "HEAD"])
def notify_done(request):
    return render(request, "cases/notify_done.html", {"confirm": "confirm" in request.GET})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def notify_confirm(request, token):
    """The link sent to a new contact: GET asks to confirm and changes nothing (mail
    scanners open links); POST makes the change."""
    try:
        case, channel, _new = services.contact_change_for(token)
        if request.method == "POST":
            case, channel = services.confirm_contact_change(token)
    except services.OptInError as exc:
        status = 409 if exc.code == "closed" else 400
        return _problem(request, exc.message, status=status)
    context = {"case_number": case.number, "channel": channel}
    if request.method != "POST":
        return render(request, "cases/notify_confirm.html", context)
    return render(request, "cases/notify_confirmed.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def notify_stop(request, token):
    """A message's stop link: GET asks to confirm and changes nothing; POST stops."""
    try:
        case, channel = services.case_for_stop(token)
    except services.OptInError as exc:
        return _problem(request, exc.message, status=400)
    context = {"case_number": case.number, "channel": channel}
    if request.method != "POST":
        return render(request, "cases/notify_stop.html", context)
    services.opt_out(case, channel)
    return render(request, "cases/notify_stopped.html", context)


def _progress_page(request, progress, notify_form=None, status=200):
    if notify_form is None and progress.notify_token:
        notify_form = NotifyForm(initial={"token": progress.notify_token})
    context = {"progress": progress, "notify_form": notify_form}
    return render(request, "cases/progress.html", context, status=status)


def _problem(request, message, status):
    return render(request, "cases/notify_problem.html", {"message": message}, status=status)
