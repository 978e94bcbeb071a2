"""The queue's back office: counters, and the marquee (跑馬燈) that staff keep current."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.log_actions import log

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.queueing import services
from huzheng.queueing.models import Counter, MarqueeMessage


class CounterViewSet(OfficeScopedViewSet):
    model = Counter
    icon = "list-ol"
    menu_label = _("Counters")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "name", "office", "is_full_function", "is_active"]
    list_filter = ["office", "is_active"]
    form_fields = ["office", "number", "name", "is_full_function", "is_active"]


class MarqueeCreateView(generic.CreateView):
    def save_instance(self):
        instance = services.save_message(self.form.save(commit=False), user=self.request.user)
        log(instance=instance, action="wagtail.create", content_changed=True)
        return instance


class MarqueeEditView(generic.EditView):
    def save_instance(self):
        instance = services.save_message(self.form.save(commit=False), user=self.request.user)
        self.has_content_changes = self.form.has_changed()
        log(instance=instance, action="wagtail.edit", content_changed=self.has_content_changes)
        return instance


class MarqueeMessageViewSet(OfficeScopedViewSet):
    model = MarqueeMessage
    icon = "pick"
    menu_label = _("Marquee")
    menu_order = 255
    add_to_admin_menu = True
    # Messages for every office are listed for everyone, edited only by county staff.
    list_unscoped = True
    add_view_class = MarqueeCreateView
    edit_view_class = MarqueeEditView
    list_display = ["text", "kind", "office", "starts_at", "ends_at", "created_by"]
    list_filter = ["office", "kind"]
    search_fields = ["text", "text_en", "reason"]
    form_fields = [
        "office",
        "kind",
        "text",
        "text_en",
        "reason",
        "expected_end",
        "starts_at",
        "ends_at",
    ]


@hooks.register("register_admin_viewset")
def register_counters():
    return CounterViewSet("counters")


@hooks.register("register_admin_viewset")
def register_marquee():
    return MarqueeMessageViewSet("marquee")
