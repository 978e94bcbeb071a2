"""E-forms (電子表單): the list, the online form that returns the filled PDF, and the blank
forms as PDF and ODT. Nothing typed here is stored: personal data stays out of the
database, the logs and any cache."""

from functools import lru_cache

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from huzheng.catalog import eforms
from huzheng.catalog.models import RegistrationService
from huzheng.core import freshness
from huzheng.core.i18n import is_english
from huzheng.core.pdf import render_pdf

PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"


@require_safe
def form_list(request):
    """Every e-form, to fill online or to download blank (/forms/)."""
    services = _service_urls({form.service_slug for form in eforms.FORMS.values()})
    return render(
        request,
        "catalog/eforms/list.html",
        {
            "forms": [
                {"definition": form, "service_url": services.get(form.service_slug)}
                for form in eforms.FORMS.values()
            ],
            "page_updated_at": freshness.newest(
                *(form.updated_at for form in eforms.FORMS.values())
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def fill(request, slug):
    """The form online; a valid submission comes back as the filled PDF to print and sign."""
    definition = _definition_or_404(slug)
    form_class = eforms.build_django_form(definition)
    form = form_class(request.POST if request.method == "POST" else None)
    if form.is_valid():
        pdf = render_pdf(
            "catalog/eforms/filled_pdf.html",
            _paper_context(definition, form.cleaned_data),
        )
        return _download(pdf, f"{definition.slug}.pdf", PDF)
    return render(
        request,
        "catalog/eforms/fill.html",
        {
            "definition": definition,
            "form": form,
            "sections": _form_sections(definition, form),
            "error_summary": _error_summary(definition, form),
            "page_updated_at": definition.updated_at,
        },
    )


@require_safe
def blank_pdf(request, slug):
    definition = _definition_or_404(slug)
    return _download(
        _blank_pdf(definition.slug, get_language()), f"{definition.slug}-blank.pdf", PDF
    )


@require_safe
def blank_odt(request, slug):
    definition = _definition_or_404(slug)
    odt = eforms.blank_odt(definition, english=is_english())
    return _download(odt, f"{definition.slug}-blank.odt", ODT)


def _definition_or_404(slug):
    try:
        return eforms.get_form_definition(slug)
    except LookupError:
        raise Http404(slug) from None


@lru_cache(maxsize=32)
def _blank_pdf(slug, language):
    # The blank form is the same for every visitor of a language: make it once per process.
    return render_pdf(
        "catalog/eforms/blank_pdf.html", _paper_context(eforms.get_form_definition(slug))
    )


def _paper_context(definition, cleaned_data=None):
    return {
        "title": definition.title,
        "definition": definition,
        "english": is_english(),
        "sections": eforms.paper_layout(definition, cleaned_data),
        "columns": range(eforms.PAPER_COLUMNS),
        "date_line": eforms.APPLICATION_DATE_LINE,
        "addressee_line": eforms.ADDRESSEE_LINE,
        "checked": eforms.CHECKED,
        "unchecked": eforms.UNCHECKED,
        "blank": cleaned_data is None,
    }


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _form_sections(definition, form):
    return [
        {
            "section": section,
            "fields": [{"spec": f, "field": form[f.name]} for f in section.fields],
        }
        for section in definition.sections
    ]


def _error_summary(definition, form):
    """One line per field in error, in the form's order, each linking to its input."""
    lines = []
    for section in definition.sections:
        for f in section.fields:
            bound = form[f.name]
            for error in bound.errors:
                anchor = bound.id_for_label or f"{bound.auto_id}_0"
                # A checkbox's label is a whole sentence; its section names it well enough.
                label = "" if f.kind == eforms.CHECKBOX else f.text
                lines.append(
                    {"section": section.text, "label": label, "error": error, "anchor": anchor}
                )
    return lines


def _service_urls(slugs):
    """The catalog page of each service that exists and has a page; others are left out."""
    urls = {}
    for service in RegistrationService.objects.filter(slug__in=slugs).only("slug"):
        try:
            urls[service.slug] = service.get_absolute_url()
        except NoReverseMatch:  # the catalog's pages are not mounted on this site
            continue
    return urls
