"""The case desk in the Wagtail admin menu."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.cases.admin_views import VIEW_PERMISSION


class CasesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_case_urls():
    return [path("cases/", include("huzheng.cases.admin_urls", namespace="cases_staff"))]


@hooks.register("register_admin_menu_item")
def register_cases_menu():
    return CasesMenuItem(
        _("Cases"),
        reverse_lazy("cases_staff:dashboard"),
        name="cases",
        icon_name="folder-open-inverse",
        order=250,
    )
