"""The office's review list of facts to verify (待查證事項): every catalog figure no source
confirms yet, with its sources, as a report in the back office's Reports menu. Citizens
never see these notes; a figure the office has not set reads "ask the office" instead."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from huzheng.catalog import services
from huzheng.catalog.models import Category, RegistrationService


class FactsToVerifyFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)

    class Meta:
        model = RegistrationService
        fields = ["category"]


class FactsToVerifyView(ReportView):
    page_title = _("Facts to verify")
    header_icon = "warning"
    results_template_name = "catalog/admin/facts_to_verify_results.html"
    index_url_name = "catalog_facts_to_verify"
    index_results_url_name = "catalog_facts_to_verify_results"
    permission_policy = ModelPermissionPolicy(RegistrationService)
    permission_required = "change"
    filterset_class = FactsToVerifyFilterSet
    list_export = ["name", "category", "unverified", "sources"]
    export_headings = {
        "name": _("Service"),
        "category": _("Category"),
        "unverified": _("To verify"),
        "sources": _("Sources"),
    }

    def get_queryset(self):
        return services.facts_to_verify()
