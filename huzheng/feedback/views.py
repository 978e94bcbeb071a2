"""Public pages of the citizens' voice at /feedback/: the opinion mailbox, the director's
mailbox, the e-mailed confirmation link, tracking and the satisfaction question.
Thin: parse, call services, render. Nothing a citizen wrote is marked safe."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from huzheng.core.ratelimit import client_key
from huzheng.core.services import get_office_or_404
from huzheng.feedback import intake, services, statistics, tracking
from huzheng.feedback.forms import MessageForm, RateForm, TrackForm
from huzheng.feedback.models import Category, Mailbox

# Reading more than this of one upload is refused before it reaches memory whole.
MAX_UPLOAD_READ = intake.MAX_ATTACHMENT_BYTES + 1


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def write(request, mailbox=Mailbox.OPINION):
    office = _office(request)
    categories = list(Category.objects.filter(office=office))
    context = {"mailbox": mailbox, "office": office, "director": mailbox == Mailbox.DIRECTOR}
    if request.method != "POST":
        context["form"] = MessageForm(categories=categories)
        return render(request, "feedback/write.html", context)
    form = MessageForm(request.POST, categories=categories)
    context["form"] = form
    if not form.is_valid():
        return render(request, "feedback/write.html", context, status=422)
    data = form.cleaned_data
    category = next((c for c in categories if str(c.pk) == data["category"]), None)
    uploads = [
        intake.Upload(name=f.name, data=f.read(MAX_UPLOAD_READ))
        for f in request.FILES.getlist("attachments")[: intake.MAX_ATTACHMENTS + 1]
    ]
    try:
        message = services.submit_web_message(
            office=office,
            mailbox=mailbox,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            subject=data["subject"],
            body=data["body"],
            category=category,
            uploads=uploads,
            honeypot=data["website"],
            client=client_key(request),
        )
    except services.TooManyAttempts:
        context["error"] = services.TOO_MANY_MESSAGE
        return render(request, "feedback/write.html", context, status=429)
    except services.FeedbackError as exc:
        for field, text in exc.errors.items():
            form.add_error(field if field in form.fields else None, text)
        if not exc.errors:
            context["error"] = exc.message
        return render(request, "feedback/write.html", context, status=422)
    request.session["feedback_sent"] = message.number
    return redirect("feedback:sent")


@never_cache
def sent(request):
    number = request.session.get("feedback_sent")
    if not number:
        return redirect("feedback:write")
    return render(request, "feedback/sent.html", {"number": number})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET asks to confirm and changes nothing (mail scanners follow links); POST confirms."""
    if request.method != "POST":
        return render(request, "feedback/confirm.html", {"token": token})
    try:
        message = services.confirm(token)
    except services.FeedbackError as exc:
        return render(request, "feedback/problem.html", {"message": exc.message}, status=400)
    return render(request, "feedback/confirmed.html", {"message": message})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request):
    if request.method != "POST":
        return render(request, "feedback/track.html", {"form": TrackForm()})
    form = TrackForm(request.POST)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "feedback/track.html", context, status=422)
    try:
        message = tracking.track(
            form.cleaned_data["number"], form.cleaned_data["email"], client=client_key(request)
        )
    except services.TooManyAttempts:
        context["error"] = services.TOO_MANY_LOOKUPS_MESSAGE
        return render(request, "feedback/track.html", context, status=429)
    except services.MessageNotFound:
        context["error"] = services.NOT_FOUND_MESSAGE
        return render(request, "feedback/track.html", context, status=404)
    rate_form = None
    if message.status == message.Status.CLOSED and message.rated_at is None:
        rate_form = RateForm()
    return render(
        request,
        "feedback/progress.html",
        {
            "message": message,
            "timeline": tracking.public_timeline(message),
            "rate_form": rate_form,
            "rate_token": services.rate_token(message) if rate_form else "",
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def rate(request, token):
    form = RateForm(request.POST or None)
    context = {"form": form, "token": token}
    if request.method != "POST":
        return render(request, "feedback/rate.html", context)
    if not form.is_valid():
        return render(request, "feedback/rate.html", context, status=422)
    try:
        services.rate(token, form.cleaned_data["score"], form.cleaned_data["comment"])
    except services.FeedbackError as exc:
        for field, text in exc.errors.items():
            form.add_error(field, text)
        if exc.errors:
            return render(request, "feedback/rate.html", context, status=422)
        return render(request, "feedback/problem.html", {"message": exc.message}, status=400)
    return render(request, "feedback/rated.html")


def _office(request):
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    return office


@require_http_methods(["GET", "HEAD"])
def open_data(request, code, fmt):
    """The office's monthly figures as open data (counts only), CSV or JSON."""
    if fmt not in ("csv", "json"):
        raise Http404
    office = get_office_or_404(code)
    rows = statistics.monthly(office, months=24)
    if fmt == "json":
        return JsonResponse({"office": office.code, "months": rows})
    response = HttpResponse(statistics.as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="feedback-{office.code}.csv"'
    return response
