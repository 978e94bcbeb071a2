"""The counter's slip form (staff): pick a service, tick what was brought, print the rest."""

import uuid

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from huzheng.catalog import services
from huzheng.catalog.forms import ChecklistForm, StaffSlipForm
from huzheng.catalog.views.common import idempotency_key, service_or_404, service_picker
from huzheng.core.models import Office
from huzheng.core.services import staff_office_ids


@login_required
@permission_required("catalog.add_noticeslip", raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_slip_new(request):
    """At the counter: pick a service, tick what the applicant brought, print the rest."""
    slug = request.GET.get("service") or request.POST.get("service")
    if not slug:
        return service_picker(request, "catalog/staff_slip_start.html")
    service = service_or_404(slug)
    office = _staff_office(request)
    answers_form = ChecklistForm(service, request.POST or None)
    extra_form = StaffSlipForm(request.POST or None)
    if request.method == "POST" and answers_form.is_valid() and extra_form.is_valid():
        brought = [int(i) for i in request.POST.getlist("brought") if i.isdigit()]
        slip = services.issue_slip(
            office=office,
            service=service,
            brought_ids=brought,
            answers=answers_form.answers(),
            event_date=answers_form.cleaned_data.get("event_date"),
            applicant_label=extra_form.cleaned_data["applicant_label"],
            note=extra_form.cleaned_data["note"],
            user=request.user,
            idempotency_key=idempotency_key(request.POST.get("idempotency_key")),
        )
        return redirect(slip.get_absolute_url() + "?print=1")
    return render(
        request,
        "catalog/staff_slip_form.html",
        {
            "service": service,
            "documents": [d for d in service.documents.all() if not d.office_looks_up],
            "answers_form": answers_form,
            "extra_form": extra_form,
            "idempotency_key": uuid.uuid4().hex,
        },
        status=400 if request.method == "POST" else 200,
    )


def _staff_office(request):
    office_ids = staff_office_ids(request.user)
    if office_ids:
        return Office.objects.get(pk=next(iter(office_ids)))
    return request.office
