"""The back office's CSV upload of population figures (人口統計匯入) and its template.
Thin: parse, call the services, render."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.addresses.models import PopulationImport
from huzheng.addresses.population import services
from huzheng.core.models import Office
from huzheng.core.services import staff_offices

IMPORT_PERMISSION = "addresses.import_populationfigure"


class PopulationImportForm(forms.Form):
    office = forms.ModelChoiceField(
        label=gettext_lazy("Office"), queryset=Office.objects.none(), empty_label=None
    )
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8 (with or without BOM) or Big5, at most 2 MB."),
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        if offices.count() == 1:
            self.fields["office"].widget = forms.HiddenInput()
            self.fields["office"].initial = offices.first()


class PopulationImportView(WagtailAdminTemplateMixin, View):
    """Back office: upload a CSV of monthly figures (人口統計匯入)."""

    template_name = "addresses/admin/population_import.html"
    page_title = gettext_lazy("Import population figures")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        self.offices = _offices_for(request.user)
        if not self.offices.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        form = PopulationImportForm(offices=self.offices)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request):
        form = PopulationImportForm(request.POST, request.FILES, offices=self.offices)
        errors = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(services.MAX_BYTES + 1)
            try:
                record = services.import_population_csv(
                    form.cleaned_data["office"], data, user=request.user, filename=upload.name
                )
            except services.PopulationImportError as exc:
                errors = exc.errors
            else:
                messages.success(
                    request,
                    _(
                        "Imported %(rows)s rows: %(created)s added, %(updated)s replaced "
                        "(months %(months)s)."
                    )
                    % {
                        "rows": record.rows,
                        "created": record.created,
                        "updated": record.updated,
                        "months": "、".join(
                            services.month_short(services.parse_month(m)) for m in record.months
                        ),
                    },
                )
                return redirect("addresses_admin:population_import")
        context = self.get_context_data(form=form, errors=errors)
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = [
            (services.TEMPLATE_HEADINGS[key], services.COLUMN_LABELS[key], key)
            for key in services.REQUIRED_COLUMNS
        ]
        context["aliases"] = services.HEADER_ALIASES
        context["template_url"] = reverse("addresses_admin:population_template")
        context["recent"] = PopulationImport.objects.filter(office__in=self.offices).select_related(
            "office", "user"
        )[:10]
        return context


def population_template(request):
    """The upload template as a CSV: headings, one row per village, figures left blank."""
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    offices = _offices_for(request.user)
    office = offices.first()
    code = request.GET.get("office", "")
    if code:
        office = offices.filter(code=code[:32]).first() or office
    response = HttpResponse(services.template_csv(office), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="population-template.csv"'
    return response


def _offices_for(user):
    return staff_offices(user)
