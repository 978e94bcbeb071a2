"""The search app's own sources: Wagtail pages, catalog services and e-forms."""

import re

from django.urls import reverse
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction

from huzheng.catalog.eforms import FORMS
from huzheng.catalog.models import RegistrationService
from huzheng.search.registry import Document
from huzheng.search.taxonomy import DocumentType, Policy, ServiceCategory, Topic

PAGES, SERVICES, EFORMS = "pages", "services", "eforms"

# The topic a catalog category belongs to.
CATEGORY_TOPICS = {
    ServiceCategory.REGISTRATION: Topic.REGISTRATION,
    ServiceCategory.ID_CARD: Topic.ID_CARD,
    ServiceCategory.CERTIFICATE: Topic.CERTIFICATES,
    ServiceCategory.HOUSE_NUMBER: Topic.HOUSE_NUMBERS,
    ServiceCategory.NATIONALITY: Topic.NATIONALITY,
}


def page_documents():
    """Every live page nobody has restricted, the root excepted."""
    restricted = _restricted_paths()
    pages = Page.objects.live().filter(depth__gt=1).specific().order_by("path")
    for page in pages:
        if not any(page.path.startswith(path) for path in restricted):
            yield page_document(page)


def page_document(page):
    """The Document of one (specific) page; its ``search_document()`` may refine it."""
    page = page.specific
    summary = page.search_description or _text_attribute(page, "summary")
    published = page.last_published_at or page.first_published_at
    fields = {
        "key": page_key(page.pk),
        "title": page.title,
        "url": _page_path(page),
        "type": DocumentType.PAGE,
        "summary": summary,
        "body": "\n".join(_page_text(page)),
        "date": timezone.localdate(published) if published else None,
    }
    refine = getattr(page, "search_document", None)
    if callable(refine):
        fields.update(refine() or {})
    return Document(**fields)


def _page_path(page):
    """The page's address on its own site, from the root: the results link through
    /search/go/, which follows only such addresses. (page.get_url() gives a full address
    built from the Site's host and port as soon as there are several sites, one per
    office, and that is not the address a visitor came by.)"""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


def page_is_searchable(page):
    if not page.live or page.depth <= 1:
        return False
    return not PageViewRestriction.objects.filter(
        page__in=page.get_ancestors(inclusive=True)
    ).exists()


def page_key(pk):
    return f"page:{pk}"


def service_documents():
    for service in RegistrationService.objects.filter(live=True).prefetch_related("documents"):
        yield service_document(service)


def service_document(service):
    """A catalog service: its names rank with the title; what to bring is body text."""
    bring = [d.name for d in service.documents.all()]
    topic = CATEGORY_TOPICS.get(service.category, Topic.CONVENIENCE)
    return Document(
        key=service_key(service.slug),
        title=service.name,
        url=service.get_absolute_url(),
        type=DocumentType.SERVICE,
        summary=service.summary,
        body="\n".join(
            part
            for part in [service.who_may_apply, *bring, service.summary_en, service.deadline_note]
            if part
        ),
        names=[
            name for name in (service.name, *short_names(service.name), service.name_en) if name
        ],
        topics=[topic],
        policies=[Policy.CITIZEN_SERVICE],
        services=[service.category],
        audiences=list(service.audiences),
        date=timezone.localdate(service.updated_at) if service.updated_at else None,
    )


def short_names(name):
    """The names people shorten a title to: without its bracketed part, and with it
    run in (分（合）戶登記 → 分戶登記, 分合戶登記), and each part of a list of names
    (印鑑登記、變更、廢止 → 印鑑登記)."""
    names = []
    match = re.search(r"[（(]([^）)]*)[）)]", name)
    if match:
        outside = name[: match.start()] + name[match.end() :]
        names += [outside, name[: match.start()] + match.group(1) + name[match.end() :]]
        names += [part for part in re.split(r"[、，,及]", match.group(1)) if len(part) > 1]
    names += [part for part in re.split(r"[、，,（）()]", name) if len(part) > 1]
    return [n for n in dict.fromkeys(names) if n and n != name]


def service_key(slug):
    return f"service:{slug}"


def eform_documents():
    services = {s.slug: s for s in RegistrationService.objects.all()}
    for form in FORMS.values():
        service = services.get(form.service_slug)
        category = service.category if service else None
        yield Document(
            key=f"form:{form.slug}",
            title=form.title,
            url=reverse("eforms:fill", args=[form.slug]),
            type=DocumentType.FORM,
            summary=form.intro,
            body="\n".join(f.label for f in form.fields),
            names=[name for name in (form.title_en, service and service.name) if name],
            topics=[CATEGORY_TOPICS.get(category, Topic.CONVENIENCE)],
            policies=[Policy.CITIZEN_SERVICE],
            services=[category] if category else [],
            audiences=list(service.audiences) if service else [],
        )


def _restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _page_text(page):
    """Plain text of every rich text and StreamField field the page type adds."""
    for field in page._meta.get_fields():
        if isinstance(field, (StreamField, RichTextField)):
            value = field.value_from_object(page)
            if value:
                for text in field.get_searchable_content(value):
                    if text and str(text).strip():
                        yield str(text).strip()


def _text_attribute(page, name):
    value = getattr(page, name, "")
    return value if isinstance(value, str) else ""
