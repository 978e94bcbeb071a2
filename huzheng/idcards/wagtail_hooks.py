"""The ID cards back office: loss reports and card applications in the admin menu."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.idcards.admin_views import APPLICATION_VIEW_PERMISSION, VIEW_PERMISSION


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_idcard_urls():
    return [path("idcards/", include("huzheng.idcards.admin_urls", namespace="idcards_staff"))]


@hooks.register("register_admin_menu_item")
def register_loss_reports_menu():
    return _PermissionMenuItem(
        _("ID card loss reports"),
        reverse_lazy("idcards_staff:list"),
        name="idcards",
        icon_name="user",
        order=250,
        permission=VIEW_PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def register_applications_menu():
    return _PermissionMenuItem(
        _("ID card applications"),
        reverse_lazy("idcards_staff:applications"),
        name="idcard-applications",
        icon_name="user",
        order=251,
        permission=APPLICATION_VIEW_PERMISSION,
    )
