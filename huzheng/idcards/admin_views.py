"""Staff pages for ID card loss reports (掛失管理): the list, a phone report typed while
the caller is on the line, and cancelling a report at the counter after an identity
check. Loss reports are national, not an office's: any office takes and cancels them,
so every counter role sees every report, with the ID number masked.

Card applications (初補換) are an office's own: staff see, register and move only those
collected at their office."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.core.identity import NATIONAL_ID, parse_person_id
from huzheng.core.services import staff_office, staff_offices
from huzheng.idcards import services
from huzheng.idcards.forms import ApplicationForm, CancelForm, PhoneLossReportForm
from huzheng.idcards.models import IdCardApplication, LossReport
from huzheng.idcards.services import IdCardError

VIEW_PERMISSION = "idcards.view_lossreport"
ADD_PERMISSION = "idcards.add_lossreport"
CANCEL_PERMISSION = "idcards.change_lossreport"
LIST_SIZE = 50
APPLICATION_VIEW_PERMISSION = "idcards.view_idcardapplication"
APPLICATION_ADD_PERMISSION = "idcards.add_idcardapplication"
APPLICATION_CHANGE_PERMISSION = "idcards.change_idcardapplication"


class _StaffView(WagtailAdminTemplateMixin, View):
    permission = VIEW_PERMISSION
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class LossReportListView(_StaffView):
    """Recent loss reports, or those found by reference or ID number."""

    template_name = "idcards/admin/list.html"
    page_title = gettext_lazy("ID card loss reports")

    def get(self, request):
        query = str(request.GET.get("q") or "").strip()[:40]
        reports = services.find_loss_reports(request.user, query, limit=LIST_SIZE)
        context = self.get_context_data(
            reports=reports,
            query=query,
            may_add=request.user.has_perm(ADD_PERMISSION),
            may_cancel=request.user.has_perm(CANCEL_PERMISSION),
        )
        return self.render_to_response(context)


class PhoneReportView(_StaffView):
    """A loss reported by phone (電話掛失)."""

    permission = ADD_PERMISSION
    template_name = "idcards/admin/phone_report.html"
    page_title = gettext_lazy("Take a loss report by phone")

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=PhoneLossReportForm()))

    def post(self, request):
        form = PhoneLossReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            answers = {
                "registered_address": data["registered_address"],
                "parent_name": data["parent_name"],
                "caller_phone": data["caller_phone"],
            }
            try:
                report, created = services.report_loss_by_phone(
                    data["national_id"].number,
                    data["name"],
                    data["birth_date"],
                    staff=request.user,
                    office=staff_office(request.user),
                    answers=answers,
                )
            except IdCardError as exc:
                field = exc.field if exc.field in form.fields else None
                form.add_error(field, exc.message)
            else:
                text = (
                    _("Reported lost: %(reference)s at %(time)s.")
                    if created
                    else _("This card was already reported lost: %(reference)s at %(time)s.")
                )
                messages.success(
                    request,
                    text
                    % {
                        "reference": report.reference,
                        "time": services.roc_timestamp(report.created_at),
                    },
                )
                return redirect(reverse("idcards_staff:list") + f"?q={report.reference}")
        return self.render_to_response(self.get_context_data(form=form))


class CancelView(_StaffView):
    """Cancel a loss report (撤銷掛失) after checking the person at the counter."""

    permission = CANCEL_PERMISSION
    template_name = "idcards/admin/cancel.html"
    page_title = gettext_lazy("Cancel a loss report")

    def get(self, request, pk):
        report = get_object_or_404(LossReport, pk=pk)
        return self.render_to_response(self.get_context_data(report=report, form=CancelForm()))

    def post(self, request, pk):
        report = get_object_or_404(LossReport, pk=pk)
        form = CancelForm(request.POST)
        if form.is_valid():
            try:
                services.cancel_loss_report(
                    report, staff=request.user, identity_check=form.cleaned_data["identity_check"]
                )
            except IdCardError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Loss report %(reference)s cancelled.") % {"reference": report.reference},
                )
                return redirect(reverse("idcards_staff:list") + f"?q={report.reference}")
        return self.render_to_response(self.get_context_data(report=report, form=form))


class ApplicationListView(_StaffView):
    """The office's card applications (初補換), by status or found by ID number."""

    permission = APPLICATION_VIEW_PERMISSION
    template_name = "idcards/admin/applications.html"
    page_title = gettext_lazy("ID card applications")

    def get(self, request):
        return self._list(request, request.GET)

    def post(self, request):
        # The ID number is searched by POST so it never sits in a URL, a history or a log.
        return self._list(request, request.POST)

    def _list(self, request, params):
        query = str(params.get("q") or "").strip()[:40]
        status = str(params.get("status") or "")
        if status not in IdCardApplication.Status.values:
            status = ""
        applications = services.find_applications(request.user, query, status, limit=LIST_SIZE)
        context = self.get_context_data(
            applications=applications,
            searched=_masked_query(query),
            status=status,
            statuses=IdCardApplication.Status.choices,
            may_add=request.user.has_perm(APPLICATION_ADD_PERMISSION),
            may_change=request.user.has_perm(APPLICATION_CHANGE_PERMISSION),
        )
        return self.render_to_response(context)


class ApplicationRegisterView(_StaffView):
    """Register a card applied for at the counter (受理初補換)."""

    permission = APPLICATION_ADD_PERMISSION
    template_name = "idcards/admin/applications_register.html"
    page_title = gettext_lazy("Register an ID card application")

    def get(self, request):
        form = ApplicationForm(offices=_allowed_offices(request.user))
        own = staff_office(request.user)
        if own is not None:
            form.initial["office"] = own.pk
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request):
        form = ApplicationForm(request.POST, offices=_allowed_offices(request.user))
        if form.is_valid():
            data = form.cleaned_data
            try:
                application = services.register_application(
                    data["national_id"].number,
                    data["birth_date"],
                    data["kind"],
                    office=data["office"],
                    staff=request.user,
                    phone=data["phone"],
                    email=data["email"],
                )
            except IdCardError as exc:
                field = exc.field if exc.field in form.fields else None
                form.add_error(field, exc.message)
            else:
                messages.success(
                    request,
                    _("Application registered for %(number)s at %(time)s.")
                    % {
                        "number": application.national_id_masked,
                        "time": services.roc_timestamp(application.applied_at),
                    },
                )
                return redirect("idcards_staff:applications")
        return self.render_to_response(self.get_context_data(form=form))


@require_POST
def mark_ready(request, pk):
    """Processing → ready (製證完成): the applicant is told where to collect the card."""
    return _move(request, pk, services.mark_ready, _("Marked ready to collect at %(time)s."))


@require_POST
def mark_collected(request, pk):
    """Ready → collected (領證)."""
    return _move(request, pk, services.mark_collected, _("Marked collected at %(time)s."))


def _move(request, pk, move, done):
    if not request.user.has_perm(APPLICATION_CHANGE_PERMISSION):
        raise PermissionDenied
    # Another office's application is not found at all (404), as on every office page.
    application = get_object_or_404(services.applications_for(request.user), pk=pk)
    try:
        application = move(application, staff=request.user)
    except IdCardError as exc:
        messages.error(request, f"{application.national_id_masked}: {exc.message}")
    else:
        moment = application.collected_at or application.ready_at
        text = done % {"time": services.roc_timestamp(moment)}
        messages.success(request, f"{application.national_id_masked}: {text}")
    return redirect(_back_to_list(request))


def _back_to_list(request):
    status = str(request.POST.get("status") or "")
    url = reverse("idcards_staff:applications")
    if status in IdCardApplication.Status.values:
        url += f"?status={status}"
    return url


def _allowed_offices(user):
    return staff_offices(user).order_by("name")


def _masked_query(query):
    if not query:
        return ""
    try:
        return parse_person_id(query.upper(), kinds=(NATIONAL_ID,)).masked
    except Exception:  # not an ID number: shown as typed, escaped by the template
        return query
