"""The checklist wizard for citizens (我要帶什麼？)."""

import uuid

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from huzheng.catalog import services, tables
from huzheng.catalog.forms import ChecklistForm
from huzheng.catalog.views.common import idempotency_key, service_or_404, service_picker


@require_http_methods(["GET", "POST"])
def checklist_view(request):
    """「我要帶什麼？」: pick a service, answer only the questions that change the answer,
    get a personal checklist; save it as a notice slip if you like."""
    slug = request.GET.get("service") or request.POST.get("service")
    if not slug:
        return service_picker(request, "catalog/checklist_start.html")
    service = service_or_404(slug)
    data = (
        request.POST
        if request.method == "POST"
        else (request.GET if "submitted" in request.GET else None)
    )
    form = ChecklistForm(service, data)
    if data is None or not form.is_valid():
        return render(
            request,
            "catalog/checklist_questions.html",
            {"service": service, "form": form},
            status=200,
        )
    answers = form.answers()
    event_date = form.cleaned_data.get("event_date")
    office = request.office
    if request.method == "POST":
        slip = services.issue_slip(
            office=office,
            service=service,
            answers=answers,
            event_date=event_date,
            applicant_label=request.POST.get("applicant_label", ""),
            idempotency_key=idempotency_key(request.POST.get("idempotency_key")),
        )
        return redirect(slip.get_absolute_url())
    result = services.checklist(service, answers)
    return render(
        request,
        "catalog/checklist_result.html",
        {
            "service": service,
            "checklist": result,
            "answers": answers,
            "event_date": event_date,
            "deadline": services.deadline(service, event_date, office),
            "deadline_text": tables.deadline_text(service),
            "processing_text": tables.processing_text(service),
            "idempotency_key": uuid.uuid4().hex,
            "office": office,
        },
    )
