from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.queueing.models import Counter


class CounterViewSet(OfficeScopedViewSet):
    model = Counter
    icon = "list-ol"
    menu_label = _("Counters")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "name", "office", "is_full_function", "is_active"]
    list_filter = ["office", "is_active"]
    form_fields = ["office", "number", "name", "is_full_function", "is_active"]


@hooks.register("register_admin_viewset")
def register_counters():
    return CounterViewSet("counters")
