"""Broken links for editors (失效連結): a report in the back office's Reports menu listing
each broken address, the problem in words, and the page it sits on with an edit link."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

from huzheng.linkcheck import services
from huzheng.linkcheck.models import CheckedLink, LinkCheckRun


class BrokenLinksFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(
        label=_("Problem"),
        choices=[choice for choice in CheckedLink.Problem.choices if choice[0]],
    )

    class Meta:
        model = CheckedLink
        fields = ["problem"]


class BrokenLinksReportView(ReportView):
    page_title = _("Broken links")
    header_icon = "link"
    results_template_name = "linkcheck/broken_links_results.html"
    index_url_name = "linkcheck_broken_links"
    index_results_url_name = "linkcheck_broken_links_results"
    permission_policy = ModelPermissionPolicy(CheckedLink)
    permission_required = "view"
    filterset_class = BrokenLinksFilterSet
    list_export = ["url", "problem_text", "page.title", "page.url", "checked_at"]
    export_headings = {
        "url": _("Web address"),
        "problem_text": _("Problem"),
        "page.title": _("Page"),
        "page.url": _("Page address"),
        "checked_at": _("Checked at"),
    }

    def get_queryset(self):
        # Only the pages this editor may fix.
        pages = page_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "publish"]
        )
        return services.broken_links().filter(page__in=pages.values("pk"))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["last_run"] = LinkCheckRun.objects.first()
        return context


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("linkcheck.view_checkedlink")


@hooks.register("register_admin_urls")
def register_link_report_urls():
    view = BrokenLinksReportView
    return [
        path("reports/broken-links/", view.as_view(), name="linkcheck_broken_links"),
        path(
            "reports/broken-links/results/",
            view.as_view(results_only=True),
            name="linkcheck_broken_links_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_link_report_menu_item():
    return BrokenLinksMenuItem(
        _("Broken links"),
        reverse("linkcheck_broken_links"),
        name="broken-links",
        icon_name="link",
        order=1150,
    )
