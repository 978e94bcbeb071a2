"""The case desk in the back office (案件管理): the dashboard (my cases, due soon,
overdue), registering a case at the counter, and a case's page with its stage buttons,
notes, assignment and closing. Thin: check who asks, call services, render. Every page
that shows an applicant's details writes a read to the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.cases import services
from huzheng.cases.forms import AssignForm, CloseForm, NoteForm, RegisterForm
from huzheng.cases.models import Case
from huzheng.core.services import for_staff, staff_office
from huzheng.queueing.services import todays_ticket

VIEW_PERMISSION = "cases.view_case"
ADD_PERMISSION = "cases.add_case"
CHANGE_PERMISSION = "cases.change_case"
MAX_DB_ID = 2**63 - 1


def dashboard(request):
    _require(request, VIEW_PERMISSION)
    lists = services.dashboard(request.user)
    return render(
        request,
        "cases/admin/dashboard.html",
        {
            **lists,
            "today": timezone.localdate(),
            "may_add": request.user.has_perm(ADD_PERMISSION),
            "recent": _scoped(request).select_related("service")[:20],
        },
    )


def register(request):
    _require(request, ADD_PERMISSION)
    office = staff_office(request.user)
    if office is None:
        raise PermissionDenied
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ticket = None
        label = data["ticket_label"].strip().upper()
        if label:
            ticket = todays_ticket(office, label)
            if ticket is None:
                form.add_error("ticket_label", _("No ticket of today has this number."))
        if not form.errors:
            try:
                case = services.register_case(
                    office=office,
                    service=data["service"],
                    applicant_name=data["applicant_name"],
                    national_id=data["national_id"].number,
                    birth_date=data["birth_date"],
                    received_on=data["received_on"],
                    phone=data["phone"],
                    email=data["email"],
                    documents=data["documents"].splitlines(),
                    ticket=ticket,
                    needs_reply=data["needs_reply"],
                    notify_email=data["notify_email"],
                    notify_sms=data["notify_sms"],
                    assigned_to=request.user,
                    user=request.user,
                )
            except services.CaseError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Case %(number)s is registered.") % {"number": case.number}
                )
                return redirect("cases_staff:detail", pk=case.pk)
    return render(request, "cases/admin/register.html", {"form": form, "office": office})


def detail(request, pk):
    _require(request, VIEW_PERMISSION)
    case = services.read_case(_case(request, pk), user=request.user)
    return render(
        request,
        "cases/admin/detail.html",
        {
            "case": case,
            "events": case.events.select_related("by"),
            "next_stages": services.next_stages(case),
            "may_change": request.user.has_perm(CHANGE_PERMISSION) and not case.is_closed,
            "note_form": NoteForm(),
            "assign_form": AssignForm(office=case.office, initial={"clerk": case.assigned_to_id}),
            "close_form": CloseForm(),
        },
    )


@require_POST
def move(request, pk):
    _require(request, CHANGE_PERMISSION)
    case = _case(request, pk)
    try:
        case = services.move_stage(
            case,
            request.POST.get("stage", "")[:20],
            user=request.user,
            note=request.POST.get("note", "")[:2000],
        )
    except services.CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The case is now at “%(stage)s”.") % {"stage": case.get_stage_display()}
        )
    return redirect("cases_staff:detail", pk=case.pk)


@require_POST
def note(request, pk):
    _require(request, CHANGE_PERMISSION)
    case = _case(request, pk)
    try:
        services.add_note(case, request.POST.get("note", "")[:2000], user=request.user)
    except services.CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The note is added."))
    return redirect("cases_staff:detail", pk=case.pk)


@require_POST
def assign(request, pk):
    _require(request, CHANGE_PERMISSION)
    case = _case(request, pk)
    form = AssignForm(request.POST, office=case.office)
    if not form.is_valid():
        messages.error(request, _("Choose a clerk of this office."))
        return redirect("cases_staff:detail", pk=case.pk)
    try:
        services.assign(case, form.cleaned_data["clerk"], user=request.user)
    except services.CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The case is assigned."))
    return redirect("cases_staff:detail", pk=case.pk)


@require_POST
def close(request, pk):
    _require(request, CHANGE_PERMISSION)
    case = _case(request, pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the reply letter's subject and explanation."))
        return redirect("cases_staff:detail", pk=case.pk)
    try:
        services.close(
            case,
            user=request.user,
            subject=form.cleaned_data["subject"],
            explanation=form.cleaned_data["explanation"],
        )
    except services.CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The case is closed."))
    return redirect("cases_staff:detail", pk=case.pk)


def letter(request, pk):
    _require(request, VIEW_PERMISSION)
    case = _case(request, pk)
    pdf = services.read_reply_letter(case, user=request.user)
    if pdf is None:
        raise Http404
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="reply-{case.number}.pdf"'
    return response


def receipt(request, pk):
    """The case receipt (收件收據) as a PDF, to print for the applicant."""
    _require(request, VIEW_PERMISSION)
    case = _case(request, pk)
    query_url = request.build_absolute_uri(reverse("cases:query"))
    pdf = services.receipt_pdf(case, user=request.user, query_url=query_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="receipt-{case.number}.pdf"'
    return response


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _scoped(request):
    cases = Case.objects.select_related("office", "service", "assigned_to")
    return for_staff(cases, request.user)


def _case(request, pk):
    if pk > MAX_DB_ID:
        raise Http404
    case = _scoped(request).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case
