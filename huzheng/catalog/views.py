"""Public pages of the catalog, the checklist wizard, notice slips and the counter's slip
form. Thin: parse, call the services, render."""

import csv
import uuid

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from huzheng.catalog import services, tables
from huzheng.catalog.models import Audience, Category, RegistrationService
from huzheng.core import ratelimit
from huzheng.core.pdf import render_pdf
from huzheng.core.qr import qr_svg
from huzheng.core.roc import RocDateField
from huzheng.core.services import staff_office_ids
from huzheng.core.text import written_form


def service_list(request):
    """All services: hot ones first, then by category; filter by audience or words."""
    audience = request.GET.get("audience", "")
    query = _normalise_query(request.GET.get("q", ""))
    services_qs = RegistrationService.objects.all()
    if audience in Audience.values:
        services_qs = services_qs.filter(**{f"for_{audience}": True})
    else:
        audience = ""
    if query:
        services_qs = services_qs.filter(
            Q(name__icontains=query)
            | Q(name_en__icontains=query)
            | Q(summary__icontains=query)
            | Q(documents__name__icontains=query)
        ).distinct()
    services_list = list(services_qs)
    groups = []
    for value, label in Category.choices:
        members = [s for s in services_list if s.category == value]
        if members:
            groups.append({"value": value, "label": label, "services": members})
    return render(
        request,
        "catalog/service_list.html",
        {
            "hot": [s for s in services_list if s.is_hot],
            "groups": groups,
            "audiences": Audience.choices,
            "audience": audience,
            "query": query,
            "count": len(services_list),
        },
    )


def service_detail(request, slug):
    service = _service_or_404(slug)
    service = RegistrationService.objects.prefetch_related(
        "documents", "fees", "steps", "questions", "contacts"
    ).get(pk=service.pk)
    office = request.office
    result = services.checklist(service, {})
    contacts = [c for c in service.contacts.all() if office is None or c.office_id == office.pk]
    return render(
        request,
        "catalog/service_detail.html",
        {
            "service": service,
            "checklist": result,
            "conditional": [d for d in service.documents.all() if d.condition],
            "contacts": contacts,
            "deadline_text": tables.deadline_text(service),
            "processing_text": tables.processing_text(service),
            "faq_entries": _faq_entries(service),
        },
    )


def table_view(request, table, fmt="html"):
    try:
        data = tables.build(table)
    except KeyError:
        raise Http404(table) from None
    if fmt == "csv":
        return _csv_response(data)
    if fmt == "json":
        return _json_response(data)
    return render(
        request,
        "catalog/table.html",
        {
            "table": data,
            "tables": tables.TABLE_TITLES,
            "body": _table_body(data),
        },
    )


class ChecklistForm(forms.Form):
    """The wizard's answers for one service: yes/no per question, and the event date."""

    event_date = RocDateField(
        label=gettext_lazy("Date of the event (birth, marriage, move …)"),
        required=False,
        allow_future=False,
    )

    def __init__(self, service, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        english = tables.english()
        for question in service.questions.all():
            self.fields[question.key] = forms.ChoiceField(
                label=question.text_en if english and question.text_en else question.text,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=forms.RadioSelect,
                required=True,
            )
        if not service.has_deadline:
            del self.fields["event_date"]

    def answers(self):
        return {q.key: self.cleaned_data[q.key] for q in self.service.questions.all()}


@require_http_methods(["GET", "POST"])
def checklist_view(request):
    """「我要帶什麼？」: pick a service, answer only the questions that change the answer,
    get a personal checklist; save it as a notice slip if you like."""
    slug = request.GET.get("service") or request.POST.get("service")
    if not slug:
        return _service_picker(request, "catalog/checklist_start.html")
    service = _service_or_404(slug)
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
            idempotency_key=_idempotency_key(request.POST.get("idempotency_key")),
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


def slip_detail(request, number):
    try:
        slip = _slip_or_404(request, number)
    except ratelimit.TooManyLookups:
        return ratelimit.too_many_lookups_page(request)
    return render(request, "catalog/slip_detail.html", _slip_context(request, slip))


def slip_pdf(request, number):
    try:
        slip = _slip_or_404(request, number)
    except ratelimit.TooManyLookups:
        return ratelimit.too_many_lookups_page(request)
    pdf = render_pdf("catalog/slip_pdf.html", _slip_context(request, slip), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-slip-{slip.number}.pdf"'
    return response


class StaffSlipForm(forms.Form):
    applicant_label = forms.CharField(
        label=gettext_lazy("Shown on the slip as (optional)"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Only what the applicant agrees to show, for example 王先生."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)


@login_required
@permission_required("catalog.add_noticeslip", raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_slip_new(request):
    """At the counter: pick a service, tick what the applicant brought, print the rest."""
    slug = request.GET.get("service") or request.POST.get("service")
    if not slug:
        return _service_picker(request, "catalog/staff_slip_start.html")
    service = _service_or_404(slug)
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
            idempotency_key=_idempotency_key(request.POST.get("idempotency_key")),
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


def _slip_context(request, slip):
    url = request.build_absolute_uri(slip.get_absolute_url())
    contacts = [c for c in slip.service.contacts.all() if c.office_id == slip.office_id]
    return {
        "slip": slip,
        "printed_on": slip.created_at,
        "slip_url": url,
        "slip_qr": qr_svg(url, label=_("QR code of this notice slip's address")),
        "office": slip.office,
        "contacts": contacts,
    }


def _service_or_404(slug):
    try:
        return services.get_service(slug)
    except services.ServiceNotFound:
        raise Http404(slug) from None


def _slip_or_404(request, number):
    # A slip's number is its only key: guessing numbers is limited like every look-up.
    ratelimit.check_lookup(request, "slip")
    try:
        return services.get_slip(number)
    except services.SlipNotFound:
        ratelimit.lookup_missed(request, "slip")
        raise Http404(number) from None


def _faq_entries(service):
    """The site's published questions about this service (常見問答)."""
    from huzheng.site.models import faq_entries_for

    return list(faq_entries_for(service))


def _staff_office(request):
    office_ids = staff_office_ids(request.user)
    if office_ids:
        from huzheng.core.models import Office

        return Office.objects.get(pk=next(iter(office_ids)))
    return request.office


def _service_picker(request, template):
    """The first step of the checklist and of the counter's slip: choose a service."""
    return render(request, template, {"groups": _grouped(RegistrationService.objects.all())})


def _grouped(queryset):
    services_list = list(queryset)
    return [
        {"label": label, "services": [s for s in services_list if s.category == value]}
        for value, label in Category.choices
        if any(s.category == value for s in services_list)
    ]


def _normalise_query(text):
    # Variants a citizen may type for what the catalog writes (台→臺, 身份→身分, 身份证).
    return written_form(str(text or "").strip()[:100]).strip()


def _idempotency_key(value):
    value = str(value or "")
    return value[:64] if value.isalnum() else None


def _table_body(table):
    """The table's rows as HTML, built in Python: hundreds of cells through template tags
    cost more than the rest of the page together."""
    if not table.rows:
        return format_html(
            '<tr><td colspan="{}">{}</td></tr>', len(table.columns), _("Nothing published yet.")
        )
    rows = []
    for row in table.rows:
        cells = []
        for index, (key, _label) in enumerate(table.columns):
            value = row.get(key)
            if index == 0 and row.get("slug"):
                url = reverse("catalog:service_detail", args=[row["slug"]])
                cells.append(format_html('<th scope="row"><a href="{}">{}</a></th>', url, value))
                continue
            if value is None or value == "":
                text = "—"
            elif isinstance(value, bool):
                text = _("Yes") if value else _("No")
            else:
                text = value
            cells.append(format_html("<td>{}</td>", text))
        rows.append(format_html("<tr>{}</tr>", mark_safe("".join(cells))))  # noqa: S308
    return mark_safe("\n".join(rows))  # noqa: S308 - every piece went through format_html


def _csv_response(table):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.slug}.csv"'
    # A byte-order mark, so spreadsheet programs in Taiwan open the Chinese correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(key)) for key, _label in table.columns])
    return response


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    text = str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _json_response(table):
    payload = {
        "table": table.slug,
        "title": str(table.title),
        "updated_at": table.updated_at,
        "columns": [{"key": key, "label": str(label)} for key, label in table.columns],
        "rows": table.rows,
        "license": "政府資料開放授權條款－第1版 (Open Government Data License, version 1.0)",
    }
    return JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
