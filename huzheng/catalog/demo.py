"""Demo catalog: every service of `huzheng.catalog.data` with its documents, fees, steps and
checklist questions, the fine schedule (罰鍰基準表) and the demo office's contacts.

Idempotent: a service whose slug exists is left as editors made it; only fine lines
(by article and condition) and the demo office's contacts that are missing are added.
"""

from django.db import transaction

from huzheng.catalog import data
from huzheng.catalog.models import (
    ChecklistQuestion,
    Fee,
    FineRule,
    ProcessStep,
    RegistrationService,
    RequiredDocument,
    ServiceContact,
)
from huzheng.core.models import Office

# The inline panels of a service, as data.py names them.
INLINES = {
    "documents": RequiredDocument,
    "fees": Fee,
    "steps": ProcessStep,
    "questions": ChecklistQuestion,
}
# Text fields that data.py keeps as lists, one line each.
LINE_FIELDS = ("legal_references", "sources", "unverified")


@transaction.atomic
def seed():
    office = Office.objects.filter(code=data.CONTACT_OFFICE).first()
    for spec in data.SERVICES:
        service = RegistrationService.objects.filter(slug=spec["slug"]).first()
        if service is None:
            create_service(spec, office)
        elif office is not None and not service.contacts.filter(office=office).exists():
            ServiceContact.objects.create(
                service=service,
                office=office,
                sort_order=service.contacts.count(),
                **contact_for(spec),
            )
    for spec in data.FINE_RULES:
        if not FineRule.objects.filter(
            article=spec["article"], condition=spec["condition"]
        ).exists():
            FineRule.objects.create(**spec)


def create_service(spec, office=None):
    """One service with its inlines (and the office's contact), saved with a first
    revision so its history starts from the loaded data."""
    fields = {key: value for key, value in spec.items() if key not in INLINES}
    for name in LINE_FIELDS:
        if name in fields:
            fields[name] = "\n".join(fields[name])
    service = RegistrationService(**fields)
    for relation, model in INLINES.items():
        items = spec.get(relation, [])
        setattr(service, relation, [model(sort_order=i, **item) for i, item in enumerate(items)])
    if office is not None:
        service.contacts = [ServiceContact(office=office, sort_order=0, **contact_for(spec))]
    service.save()
    service.save_revision(log_action=True)
    return service


def contact_for(spec):
    return dict(data.CONTACTS_BY_CATEGORY[spec["category"]])
