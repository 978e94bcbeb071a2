"""The appointments back office."""

# Home visits, group applications and outreach sessions register their own viewsets;
# this import stays first (hence I001).
from huzheng.appointments.requests import admin_views  # noqa: F401, I001

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views import generic
from wagtail.log_actions import log

from huzheng.appointments.admin_views import (
    POLICY_PERMISSION,
    VIEW_PERMISSION,
    SlotBlockForm,
)
from huzheng.appointments.models import SlotBlock
from huzheng.core.admin_views import OfficeScopedViewSet

# Other parts of the appointments back office add their links to the same submenu.
MENU_HOOK = "register_appointments_menu_item"


class SlotBlockCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        log(instance=instance, action="wagtail.create", content_changed=True)
        return instance


class SlotBlockViewSet(OfficeScopedViewSet):
    """Times the office takes out of booking (封鎖時段): the director adds, changes and
    removes them; the counter sees them."""

    model = SlotBlock
    icon = "lock"
    menu_label = _("Blocked times")
    add_to_admin_menu = False
    add_view_class = SlotBlockCreateView
    copy_view_enabled = False
    list_display = ["start", "end", "reason", "office"]
    list_filter = ["office"]
    search_fields = ["reason"]

    def get_form_class(self, for_update=False):
        return SlotBlockForm


class PermissionMenuItem(MenuItem):
    def __init__(self, label, url, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


slot_block_viewset = SlotBlockViewSet("appointment_blocks")


@hooks.register("register_admin_viewset")
def register_slot_blocks():
    return slot_block_viewset


@hooks.register("register_admin_urls")
def register_appointment_urls():
    return [
        path(
            "appointments/",
            include("huzheng.appointments.admin_urls", namespace="appointments_staff"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_appointments_menu():
    return SubmenuMenuItem(
        _("Appointments"),
        Menu(register_hook_name=MENU_HOOK),
        name="appointments",
        icon_name="date",
        order=240,
    )


@hooks.register(MENU_HOOK)
def register_schedule_link():
    return PermissionMenuItem(
        _("Appointment schedule"),
        reverse_lazy("appointments_staff:schedule"),
        VIEW_PERMISSION,
        icon_name="date",
        order=100,
    )


@hooks.register(MENU_HOOK)
def register_policy_link():
    return PermissionMenuItem(
        _("Appointment rules"),
        reverse_lazy("appointments_staff:policy"),
        POLICY_PERMISSION,
        icon_name="cog",
        order=110,
    )


class _BlocksMenuItem(MenuItem):
    def is_shown(self, request):
        return slot_block_viewset.permission_policy.user_has_any_permission(
            request.user, ["view", "add", "change", "delete"]
        )


@hooks.register(MENU_HOOK)
def register_blocks_link():
    return _BlocksMenuItem(
        _("Blocked times"), reverse_lazy("appointment_blocks:index"), icon_name="lock", order=120
    )
