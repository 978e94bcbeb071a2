"""Writing a checked catalog (``reading.read_catalog``) to the database: the one way the
catalog's data files become services, fines and contacts, for the demo seed and for
``manage.py load_catalog``.

One transaction: everything is written or nothing. By default a service whose slug exists
is left as editors made it (only its contact at the loading office is added when missing),
and a fine line (article + condition) that exists is kept; ``replace=True`` makes the files
win, each replaced service getting a new revision so the editors' version stays in its
history. Nothing is ever deleted.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from huzheng.catalog.datafiles.reading import INLINES
from huzheng.catalog.models import FineRule, RegistrationService, ServiceContact
from huzheng.core.models import Office
from huzheng.core.pagecache import changed


@dataclass
class LoadResult:
    """What a load did, by service slug and by fine line."""

    created: list = field(default_factory=list)
    replaced: list = field(default_factory=list)
    kept: list = field(default_factory=list)
    contacts_added: int = 0
    fine_rules_added: int = 0
    fine_rules_replaced: int = 0
    office: Office | None = None


def load_catalog(catalog, *, office=None, replace=False):
    """Write the catalog. The contacts go to `office`, or to the office the files name
    (none when it does not exist yet: a later load adds them). Returns a LoadResult."""
    if office is None and catalog.contacts_office:
        office = Office.objects.filter(code=catalog.contacts_office).first()
    contacts = catalog.contacts if office is not None else {}
    result = LoadResult(office=office if contacts else None)
    with transaction.atomic():
        existing = {
            s.slug: s
            for s in RegistrationService.objects.select_for_update().filter(
                slug__in=[spec.slug for spec in catalog.services]
            )
        }
        for spec in catalog.services:
            contact = contacts.get(spec.fields.get("category"))
            service = existing.get(spec.slug)
            if service is None:
                _create(spec, office, contact)
                result.created.append(spec.slug)
            elif replace:
                _replace(service, spec, office, contact)
                result.replaced.append(spec.slug)
            else:
                result.kept.append(spec.slug)
                if contact and not service.contacts.filter(office=office).exists():
                    ServiceContact.objects.create(
                        service=service,
                        office=office,
                        sort_order=service.contacts.count(),
                        **contact,
                    )
                    result.contacts_added += 1
        for rule in catalog.fine_rules:
            _load_fine_rule(rule, replace, result)
        # The guides, tables and checklists kept in the page cache are stale on commit.
        changed("catalog")
    return result


def _create(spec, office, contact):
    """One service with its inlines (and the office's contact), saved with a first
    revision so its history starts from the loaded data."""
    service = RegistrationService(**spec.fields)
    _set_inlines(service, spec)
    if contact:
        service.contacts = [ServiceContact(office=office, sort_order=0, **contact)]
    service.save()
    _published(service, service.save_revision(log_action=True))
    return service


def _replace(service, spec, office, contact):
    # Fields the files leave out go back to the model's default, as on a new service.
    fresh = RegistrationService(**spec.fields)
    for model_field in RegistrationService._meta.concrete_fields:
        if model_field.editable and not model_field.primary_key and not model_field.is_relation:
            setattr(service, model_field.attname, getattr(fresh, model_field.attname))
    _set_inlines(service, spec)
    if contact:
        others = [c for c in service.contacts.all() if c.office_id != office.pk]
        mine = ServiceContact(office=office, **contact)
        service.contacts = [*others, mine]
        for order, row in enumerate(service.contacts.all()):
            row.sort_order = order
    service.save()
    _published(service, service.save_revision(log_action=True))


def _published(service, revision):
    """The files are the office's own catalog: the loaded row is the live one, and its
    revision the published one (editors' later changes go through approval)."""
    now = timezone.now()
    RegistrationService.objects.filter(pk=service.pk).update(
        live=True,
        has_unpublished_changes=False,
        live_revision=revision,
        last_published_at=now,
        first_published_at=Coalesce("first_published_at", Value(now)),
    )


def _set_inlines(service, spec):
    for relation, model in INLINES.items():
        rows = spec.inlines.get(relation, [])
        setattr(service, relation, [model(sort_order=i, **row) for i, row in enumerate(rows)])


def _load_fine_rule(rule, replace, result):
    current = FineRule.objects.filter(article=rule["article"], condition=rule["condition"])
    found = current.select_for_update().first()
    if found is None:
        FineRule.objects.create(**rule)
        result.fine_rules_added += 1
    elif replace:
        fresh = FineRule(**rule)
        for model_field in FineRule._meta.concrete_fields:
            if model_field.editable and not model_field.primary_key:
                setattr(found, model_field.attname, getattr(fresh, model_field.attname))
        found.save()
        result.fine_rules_replaced += 1
