"""The ID cards back office: loss reports in the admin menu."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.idcards.admin_views import VIEW_PERMISSION


class _LossReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_idcard_urls():
    return [path("idcards/", include("huzheng.idcards.admin_urls", namespace="idcards_staff"))]


@hooks.register("register_admin_menu_item")
def register_loss_reports_menu():
    return _LossReportsMenuItem(
        _("ID card loss reports"),
        reverse_lazy("idcards_staff:list"),
        name="idcards",
        icon_name="user",
        order=250,
    )
