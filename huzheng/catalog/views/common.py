"""What the catalog's views share: finding a service, the service picker, idempotency keys."""

from django.http import Http404
from django.shortcuts import render

from huzheng.catalog import services
from huzheng.catalog.models import Category, RegistrationService


def service_or_404(slug):
    try:
        return services.get_service(slug)
    except services.ServiceNotFound:
        raise Http404(slug) from None


def service_picker(request, template):
    """The first step of the checklist and of the counter's slip: choose a service."""
    return render(
        request, template, {"groups": grouped(RegistrationService.objects.filter(live=True))}
    )


def grouped(queryset):
    services_list = list(queryset)
    return [
        {"label": label, "services": [s for s in services_list if s.category == value]}
        for value, label in Category.choices
        if any(s.category == value for s in services_list)
    ]


def idempotency_key(value):
    value = str(value or "")
    return value[:64] if value.isalnum() else None
