"""The queue's back office: ticket series, counters and the series they call, the kiosks
allowed to issue tickets, the marquee (跑馬燈) that staff keep current, and menu links to
the counter console and the queue statistics."""

from django.conf import settings
from django.contrib import messages
from django.forms import CheckboxSelectMultiple
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views import generic
from wagtail.log_actions import log

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.core.services import for_staff
from huzheng.queueing import services
from huzheng.queueing.models import Counter, Kiosk, MarqueeMessage, Series


class SeriesViewSet(OfficeScopedViewSet):
    model = Series
    icon = "tag"
    menu_label = _("Ticket series")
    menu_order = 248
    add_to_admin_menu = True
    list_display = ["letter", "name", "kind", "office", "default_service_minutes", "is_active"]
    list_filter = ["office", "kind", "is_active"]
    form_fields = [
        "office",
        "letter",
        "name",
        "name_en",
        "kind",
        "services",
        "default_service_minutes",
        "sort_order",
        "is_active",
    ]


class _OfficeSeriesFormMixin:
    """Offer only the series of the staff member's offices, as checkboxes."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields.get("series")
        if field is not None:
            field.queryset = for_staff(Series.objects.select_related("office"), self.request.user)
            field.widget = CheckboxSelectMultiple(choices=field.choices)
            field.label_from_instance = lambda s: f"{s.office} · {s}"
        return form


class CounterCreateView(_OfficeSeriesFormMixin, generic.CreateView):
    pass


class CounterEditView(_OfficeSeriesFormMixin, generic.EditView):
    pass


class CounterViewSet(OfficeScopedViewSet):
    model = Counter
    icon = "list-ol"
    menu_label = _("Counters")
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = CounterCreateView
    edit_view_class = CounterEditView
    list_display = ["number", "name", "office", "is_full_function", "state", "is_active"]
    list_filter = ["office", "is_active"]
    form_fields = ["office", "number", "name", "is_full_function", "series", "is_active"]


class KioskCreateView(generic.CreateView):
    """A new kiosk gets a fresh device token, shown once: only its hash is kept."""

    def save_instance(self):
        data = self.form.cleaned_data
        kiosk, token = services.create_kiosk(data["office"], data["name"])
        log(instance=kiosk, action="wagtail.create", content_changed=True)
        messages.warning(
            self.request,
            gettext(
                "The kiosk's token is %(token)s — enter it on the kiosk now. It is not shown again."
            )
            % {"token": token},
        )
        return kiosk


class KioskViewSet(OfficeScopedViewSet):
    model = Kiosk
    icon = "desktop"
    menu_label = _("Kiosks")
    menu_order = 252
    add_to_admin_menu = True
    add_view_class = KioskCreateView
    list_display = ["name", "office", "token_hint", "is_active", "last_seen"]
    list_filter = ["office", "is_active"]
    form_fields = ["office", "name", "is_active"]


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
    list_display = ["text", "kind", "office", "starts_at", "ends_at", "created_by", "approval"]
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
def register_series():
    return SeriesViewSet("ticket_series")


@hooks.register("register_admin_viewset")
def register_counters():
    return CounterViewSet("counters")


@hooks.register("register_admin_viewset")
def register_kiosks():
    return KioskViewSet("kiosks")


class OfficePageMenuItem(MenuItem):
    """A link to one of the queue's staff pages at the staff member's own office."""

    def __init__(self, label, url_name, permission, **kwargs):
        super().__init__(label, "#", **kwargs)
        self.url_name, self.permission = url_name, permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)

    def render_component(self, request):
        profile = getattr(request.user, "staff_profile", None)
        office = getattr(profile, "office", None)
        code = office.code if office else settings.HUZHENG_DEFAULT_OFFICE
        # A new component per request: the menu item itself is shared by every request.
        return LinkMenuItemComponent(
            self.name,
            self.label,
            reverse(self.url_name, args=[code]),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def register_console_link():
    return OfficePageMenuItem(
        _("Counter console"),
        "queueing:console_choose",
        "queueing.serve_ticket",
        icon_name="user",
        order=245,
    )


@hooks.register("register_admin_menu_item")
def register_statistics_link():
    return OfficePageMenuItem(
        _("Queue statistics"),
        "queueing:statistics",
        "queueing.view_queue_statistics",
        icon_name="table",
        order=246,
    )


@hooks.register("register_admin_viewset")
def register_marquee():
    return MarqueeMessageViewSet("marquee")
