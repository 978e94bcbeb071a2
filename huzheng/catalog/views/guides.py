"""The service guides for citizens (服務項目): the list with its filters, and one service."""

from django.db.models import Max, Q
from django.shortcuts import render

from huzheng.catalog import services, tables
from huzheng.catalog.models import Audience, Category, RegistrationService
from huzheng.catalog.related import related_to
from huzheng.catalog.views.common import service_or_404
from huzheng.core.text import written_form


def service_list(request):
    """All services: hot ones first, then by category; filter by audience or words."""
    audience = request.GET.get("audience", "")
    query = _normalise_query(request.GET.get("q", ""))
    services_qs = RegistrationService.objects.filter(live=True)
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
            # The page changes when the catalog does: its newest change, in the ROC calendar.
            "updated_at": RegistrationService.objects.filter(live=True).aggregate(
                latest=Max("updated_at")
            )["latest"],
        },
    )


def service_detail(request, slug):
    service = service_or_404(slug)
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
            "faq_entries": [],
            **related_to(service),
        },
    )


def _normalise_query(text):
    # Variants a citizen may type for what the catalog writes (台→臺, 身份→身分, 身份证).
    return written_form(str(text or "").strip()[:100]).strip()
