from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from huzheng.addresses.models import Village
from huzheng.core.admin_views import OfficeScopedViewSet


class VillageViewSet(OfficeScopedViewSet):
    model = Village
    icon = "site"
    menu_label = _("Villages")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "office", "code", "confirmed"]
    list_filter = ["office", "confirmed"]
    search_fields = ["name", "code"]
    form_fields = ["office", "name", "code", "sort_order", "confirmed"]


@hooks.register("register_admin_viewset")
def register_villages():
    return VillageViewSet("villages")
