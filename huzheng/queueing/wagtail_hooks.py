"""The queue's back office: ticket series, counters and the series they call, the kiosks
allowed to issue tickets, the marquee (跑馬燈) that staff keep current, and menu links to
the counter console and the queue statistics."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxSelectMultiple
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.core.i18n import person_name
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


MARQUEE = "marquee"  # the viewset's name and URL namespace


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

    @cached_property
    def header_buttons(self):
        # In plain sight, not in the "more" menu: approving is what the director came for.
        buttons = list(super().header_buttons)
        if _may_approve(self.request.user, self.object):
            url = reverse(f"{MARQUEE}:approve", args=[self.object.pk])
            buttons.append(HeaderButton(_("Approve"), url=url, icon_name="check"))
        return buttons


class MarqueeIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if _may_approve(self.request.user, instance):
            url = reverse(f"{MARQUEE}:approve", args=[instance.pk])
            buttons.append(ListMenuItem(_("Approve"), url=url, icon_name="check", priority=5))
        return buttons


class MarqueeApproveView(WagtailAdminTemplateMixin, BaseOperationView):
    """核可: the director approves an editor's waiting message. GET shows the message
    and asks; POST approves it (services.approve_message) and goes back to the list."""

    model = MarqueeMessage
    template_name = "queueing/admin/marquee_approve.html"
    page_title = _("Approve a marquee message")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(services.APPROVE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_object_queryset(self):
        # Within the director's own offices; a message for every office is county staff's.
        return for_staff(
            MarqueeMessage.objects.select_related("office", "created_by"), self.request.user
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_breadcrumbs_items(self):
        label = MarqueeMessage._meta.verbose_name_plural
        index = {"url": reverse(f"{MARQUEE}:index"), "label": label}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            message=self.object,
            author=person_name(self.object.created_by) if self.object.created_by else "—",
            index_url=reverse(f"{MARQUEE}:index"),
            edit_url=reverse(f"{MARQUEE}:edit", args=[self.object.pk]),
            **kwargs,
        )

    def perform_operation(self):
        try:
            self.object, self.approved_now = services.approve_message(
                self.object, user=self.request.user
            )
        except PermissionError:
            raise PermissionDenied from None

    def get_success_message(self):
        if self.approved_now:
            return gettext("Approved: the message shows from its start time.")
        return gettext("This message was already approved.")

    def get_success_url(self):
        return self.next_url or reverse(f"{MARQUEE}:index")


def _may_approve(user, message):
    return not message.is_approved and services.may_approve(user, message)


class MarqueeMessageViewSet(OfficeScopedViewSet):
    model = MarqueeMessage
    icon = "pick"
    menu_label = _("Marquee")
    menu_order = 255
    add_to_admin_menu = True
    # Messages for every office are listed for everyone, edited only by county staff.
    list_unscoped = True
    index_view_class = MarqueeIndexView
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

    def get_urlpatterns(self):
        approve = MarqueeApproveView.as_view()
        return [*super().get_urlpatterns(), path("approve/<int:pk>/", approve, name="approve")]


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
    return MarqueeMessageViewSet(MARQUEE)
