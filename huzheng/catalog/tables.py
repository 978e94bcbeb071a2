"""The four tables the plan names — application guides (申請須知一覽表), processing time
limits (處理期限表), fees (規費標準表) and fines (罰鍰金額基準表) — built once as rows,
then written as HTML, CSV and JSON from the same rows."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from huzheng.catalog.models import FineRule, RegistrationService
from huzheng.core.i18n import is_english, localized


@dataclass
class Table:
    slug: str
    title: str
    columns: list  # [(key, label)]
    rows: list  # [dict key -> value]
    updated_at: object


TABLE_TITLES = {
    "guides": _("Application guides"),
    "time-limits": _("Processing time limits"),
    "fees": _("Fee schedule"),
    "fines": _("Fine schedule"),
}


def build(slug):
    """The table with this slug (KeyError for none), from the cache when the catalog has
    not changed since it was built: the key carries the catalog's version, so an edit
    anywhere shows at once on every app server."""
    builder = _BUILDERS[slug]
    key = f"catalog-table:{slug}:{get_language()}:{catalog_version()}"
    table = cache.get(key)
    if table is None:
        table = builder()
        cache.set(key, table, 3600)
    return table


def catalog_version():
    """Changes whenever a service (its inlines save with it) or a fine rule changes."""
    services = RegistrationService.objects.aggregate(latest=Max("updated_at"), count=Count("id"))
    fines = FineRule.objects.aggregate(latest=Max("updated_at"), count=Count("id"))
    parts = (services["latest"], services["count"], fines["latest"], fines["count"])
    return "-".join(str(p.timestamp() if hasattr(p, "timestamp") else p) for p in parts)


def _services():
    return (
        RegistrationService.objects.filter(live=True)
        .prefetch_related("documents", "fees")
        .order_by("category", "sort_order", "name")
    )


def _name(service):
    return localized(service, "name")


def _updated(queryset):
    return queryset.aggregate(latest=Max("updated_at"))["latest"]


def deadline_text(service):
    if service.deadline_days is None:
        return ""
    if is_english():
        months = f"{service.deadline_months} months, then " if service.deadline_months else ""
        return f"{months}{service.deadline_days} days"
    return service.deadline_note or (
        (f"{service.deadline_months}個月後" if service.deadline_months else "")
        + f"{service.deadline_days}日內"
    )


def processing_text(service):
    days = service.processing_working_days
    if days is None:
        return service.processing_note
    if days == 0:
        return str(_("Same day, while you wait"))
    return str(_("%(days)s working days") % {"days": days})


def fee_text(fee):
    label = localized(fee, "label")
    if fee.amount is None:
        return f"{label} {_('set by the office, please ask us')}"
    unit = localized(fee, "unit")
    text = f"{label} NT${fee.amount}/{unit}"
    if fee.additional_amount is not None:
        text += str(_(", NT$%(amount)s for each further copy") % {"amount": fee.additional_amount})
    return text


def _guides():
    services = list(_services())
    rows = []
    for s in services:
        documents = [d for d in s.documents.all() if not d.office_looks_up and not d.condition]
        rows.append(
            {
                "service": _name(s),
                "slug": s.slug,
                "category": str(s.get_category_display()),
                "who_may_apply": localized(s, "who_may_apply"),
                "documents": "；".join(localized(d, "name") for d in documents),
                "fees": "；".join(fee_text(f) for f in s.fees.all()) or str(_("Free")),
                "deadline": deadline_text(s),
                "any_office": bool(s.cross_office),
                "bookable": bool(s.bookable),
            }
        )
    columns = [
        ("service", _("Service")),
        ("category", _("Category")),
        ("who_may_apply", _("Who may apply")),
        ("documents", _("Documents to bring")),
        ("fees", _("Fees")),
        ("deadline", _("Apply within")),
        ("any_office", _("At any office")),
        ("bookable", _("Bookable online")),
    ]
    return Table(
        "guides", TABLE_TITLES["guides"], columns, rows, _updated(RegistrationService.objects)
    )


def _time_limits():
    rows = [
        {
            "service": _name(s),
            "slug": s.slug,
            "category": str(s.get_category_display()),
            "working_days": s.processing_working_days,
            "time_limit": processing_text(s),
            "note": s.processing_note,
        }
        for s in _services()
    ]
    columns = [
        ("service", _("Service")),
        ("category", _("Category")),
        ("time_limit", _("Processing time limit")),
        ("note", _("Note")),
    ]
    return Table(
        "time-limits",
        TABLE_TITLES["time-limits"],
        columns,
        rows,
        _updated(RegistrationService.objects),
    )


def _fees():
    rows = []
    for s in _services():
        for f in s.fees.all():
            rows.append(
                {
                    "service": _name(s),
                    "slug": s.slug,
                    "item": localized(f, "label"),
                    "amount": f.amount,
                    "unit": localized(f, "unit"),
                    "additional_amount": f.additional_amount,
                    "note": f.note,
                    "basis": f.basis,
                }
            )
    columns = [
        ("service", _("Service")),
        ("item", _("Item")),
        ("amount", _("NT$")),
        ("unit", _("Per")),
        ("additional_amount", _("NT$ for each further copy")),
        ("note", _("Note")),
        ("basis", _("Legal basis")),
    ]
    return Table("fees", TABLE_TITLES["fees"], columns, rows, _updated(RegistrationService.objects))


def _fines():
    rows = [
        {
            "article": r.article,
            "offence": localized(r, "offence"),
            "condition": localized(r, "condition"),
            "amount": r.amount,
            "basis": r.basis,
        }
        for r in FineRule.objects.all()
    ]
    columns = [
        ("article", _("Article")),
        ("offence", _("Offence")),
        ("condition", _("When")),
        ("amount", _("NT$")),
        ("basis", _("Basis")),
    ]
    return Table("fines", TABLE_TITLES["fines"], columns, rows, _updated(FineRule.objects))


_BUILDERS = {"guides": _guides, "time-limits": _time_limits, "fees": _fees, "fines": _fines}
