"""Official documents (公文): the public look-up at /cases/documents/ and the register in
the back office (/admin/feedback/documents/). Thin: parse, call documents, render."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from huzheng.core.ratelimit import client_key
from huzheng.core.roc import RocDateField
from huzheng.core.services import for_staff, staff_office
from huzheng.feedback import documents
from huzheng.feedback.models import DOCUMENT_STAGE_ORDER, DocumentStage, OfficialDocument, Speed
from huzheng.feedback.services import TooManyAttempts

VIEW_PERMISSION = "feedback.view_officialdocument"
ADD_PERMISSION = "feedback.add_officialdocument"
CHANGE_PERMISSION = "feedback.change_officialdocument"
MAX_DB_ID = 2**63 - 1


class LookupForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Document number"),
        max_length=120,
        help_text=gettext_lazy("Our incoming number (收文字號) or your own number (發文字號)"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    sender = forms.CharField(
        label=gettext_lazy("Sender"),
        max_length=200,
        help_text=gettext_lazy("The agency, company or person who sent the document"),
    )


class ReceiveForm(forms.Form):
    sender = forms.CharField(label=gettext_lazy("Sender"), max_length=300)
    sender_number = forms.CharField(
        label=gettext_lazy("Sender's number (來文字號)"), max_length=200, required=False
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=900)
    speed = forms.ChoiceField(label=gettext_lazy("Speed class"), choices=Speed.choices)
    received_on = RocDateField(
        label=gettext_lazy("Received on"), required=False, allow_future=False
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def lookup(request):
    if request.method != "POST":
        return render(request, "feedback/documents/lookup.html", {"form": LookupForm()})
    form = LookupForm(request.POST)
    context = {"form": form}
    if not form.is_valid():
        return render(request, "feedback/documents/lookup.html", context, status=422)
    try:
        progress = documents.lookup(
            form.cleaned_data["number"], form.cleaned_data["sender"], client=client_key(request)
        )
    except TooManyAttempts:
        context["error"] = _(
            "Too many look-ups that found nothing. Please try again later (in about 10 minutes)."
        )
        return render(request, "feedback/documents/lookup.html", context, status=429)
    except documents.DocumentNotFound:
        context["error"] = documents.NOT_FOUND_MESSAGE
        return render(request, "feedback/documents/lookup.html", context, status=404)
    return render(request, "feedback/documents/progress.html", {"progress": progress})


def register(request):
    _require(request, VIEW_PERMISSION)
    rows = for_staff(OfficialDocument.objects.select_related("office", "assigned_to"), request.user)
    form = None
    office = staff_office(request.user)
    if request.user.has_perm(ADD_PERMISSION) and office is not None:
        form = ReceiveForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                document = documents.receive(office=office, user=request.user, **form.cleaned_data)
            except documents.FeedbackError as exc:
                for field, text in exc.errors.items():
                    form.add_error(field if field in form.fields else None, text)
            else:
                messages.success(
                    request,
                    _("Document %(number)s is registered.") % {"number": document.received_number},
                )
                return redirect("feedback_staff:document", pk=document.pk)
    return render(request, "feedback/admin/documents.html", {"rows": rows[:100], "form": form})


def document(request, pk):
    _require(request, VIEW_PERMISSION)
    item = _document(request, pk)
    current = DOCUMENT_STAGE_ORDER.index(item.stage)
    return render(
        request,
        "feedback/admin/document.html",
        {
            "document": item,
            "events": item.events.select_related("by"),
            "next_stages": [
                (v, label)
                for v, label in DocumentStage.choices
                if DOCUMENT_STAGE_ORDER.index(v) > current
            ],
            "may_change": request.user.has_perm(CHANGE_PERMISSION),
            "clerks": get_user_model()
            .objects.filter(is_active=True, staff_profile__office=item.office)
            .order_by("username"),
        },
    )


@require_POST
def move(request, pk):
    _require(request, CHANGE_PERMISSION)
    item = _document(request, pk)
    clerk = None
    clerk_id = request.POST.get("clerk", "")
    if clerk_id.isdigit() and int(clerk_id) <= MAX_DB_ID:
        clerk = (
            get_user_model()
            .objects.filter(pk=int(clerk_id), staff_profile__office=item.office)
            .first()
        )
    try:
        documents.move(
            item,
            request.POST.get("stage", "")[:20],
            user=request.user,
            assigned_to=clerk,
            reply_number=request.POST.get("reply_number", "")[:200],
        )
    except documents.FeedbackError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The document has moved on."))
    return redirect("feedback_staff:document", pk=item.pk)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _document(request, pk):
    if pk > MAX_DB_ID:
        raise Http404
    rows = for_staff(OfficialDocument.objects.select_related("office"), request.user)
    item = rows.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item
