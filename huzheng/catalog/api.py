"""The catalog in the API: services with their documents, fees, deadlines and limits."""

import datetime as dt

from django.db.models import Prefetch
from ninja import Router, Schema

from huzheng.catalog import services
from huzheng.catalog.models import RegistrationService, RequiredDocument
from huzheng.core.errors import ApiError

router = Router(tags=["services"])


class DocumentOut(Schema):
    name: str
    name_en: str
    note: str
    alternatives: str
    where_to_get: str
    office_looks_up: bool
    condition: str


class FeeOut(Schema):
    label: str
    label_en: str
    amount: int | None  # None: the office sets the figure; ask the office
    unit: str
    additional_amount: int | None
    note: str
    basis: str
    verified: bool


class QuestionOut(Schema):
    key: str
    text: str
    text_en: str


class ServiceOut(Schema):
    slug: str
    name: str
    name_en: str
    category: str
    bookable: bool
    cross_office: bool
    is_hot: bool
    processing_working_days: int | None
    deadline_months: int | None
    deadline_days: int | None
    audiences: list[str]
    updated_at: dt.datetime
    url: str


class ServiceDetailOut(ServiceOut):
    summary: str
    summary_en: str
    who_may_apply: str
    who_may_apply_en: str
    deadline_note: str
    deadline_basis: str
    late_fine_applies: bool
    fine_basis: str
    processing_note: str
    legal_references: list[str]
    unverified: str
    documents: list[DocumentOut]
    fees: list[FeeOut]
    steps: list[str]
    questions: list[QuestionOut]


@router.get("/", response=list[ServiceOut], summary="Every service of the catalog")
def list_services(request):
    return [_service_out(request, s) for s in RegistrationService.objects.filter(live=True)]


@router.get("/{slug}", response=ServiceDetailOut, summary="One service, in full")
def service_detail(request, slug: str):
    try:
        service = services.get_service(slug)
    except services.ServiceNotFound:
        raise ApiError(404, "service_not_found", _not_found_message()) from None
    service = RegistrationService.objects.prefetch_related(
        Prefetch("documents", queryset=RequiredDocument.objects.order_by("sort_order")),
        "fees",
        "steps",
        "questions",
    ).get(pk=service.pk)
    return {
        **_service_out(request, service),
        "summary": service.summary,
        "summary_en": service.summary_en,
        "who_may_apply": service.who_may_apply,
        "who_may_apply_en": service.who_may_apply_en,
        "deadline_note": service.deadline_note,
        "deadline_basis": service.deadline_basis,
        "late_fine_applies": service.late_fine_applies,
        "fine_basis": service.fine_basis,
        "processing_note": service.processing_note,
        "legal_references": service.legal_reference_lines,
        "unverified": service.unverified,
        "documents": list(service.documents.all()),
        "fees": list(service.fees.all()),
        "steps": [step.text for step in service.steps.all()],
        "questions": list(service.questions.all()),
    }


def _service_out(request, service):
    return {
        "slug": service.slug,
        "name": service.name,
        "name_en": service.name_en,
        "category": service.category,
        "bookable": service.bookable,
        "cross_office": service.cross_office,
        "is_hot": service.is_hot,
        "processing_working_days": service.processing_working_days,
        "deadline_months": service.deadline_months,
        "deadline_days": service.deadline_days,
        "audiences": [str(a.value) for a in service.audiences],
        "updated_at": service.updated_at,
        "url": request.build_absolute_uri(service.get_absolute_url()),
    }


def _not_found_message():
    from django.utils.translation import gettext

    return gettext("There is no service with that name.")
