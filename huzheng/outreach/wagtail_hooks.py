"""Proactive notices in the back office: the worklist, the letter register, the message
templates with their preview, the outbox, and the "what next" lists."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from huzheng.core.admin_views import (
    OfficeScopedMixin,
    OfficeScopedViewSet,
    ReadOnlyPermissionPolicy,
)
from huzheng.notify.models import Message, Template
from huzheng.notify.placeholders import PLACEHOLDERS
from huzheng.outreach.admin_views import VIEW_PERMISSION
from huzheng.outreach.models import AgencyNotice, LifeEventChecklist


class WorklistMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_outreach_urls():
    return [path("outreach/", include("huzheng.outreach.admin_urls", namespace="outreach_staff"))]


@hooks.register("register_admin_menu_item")
def register_worklist_menu():
    return WorklistMenuItem(
        _("Worklist"),
        reverse_lazy("outreach_staff:worklist"),
        name="outreach",
        icon_name="tasks",
        order=260,
    )


def _placeholder_help():
    return _("Placeholders: %(names)s") % {
        "names": ", ".join(f"(({name}))" for name in PLACEHOLDERS)
    }


class TemplateViewSet(SnippetViewSet):
    """Message templates (通知範本): edited with a preview in both languages. Office staff
    see the national templates and keep their office's own under the same key; only
    staff who see every office change a national one."""

    model = Template
    icon = "mail"
    menu_label = _("Message templates")
    list_display = ["name", "key", "channel", "office", "version", "updated_at"]
    list_filter = ["channel", "office"]
    search_fields = ["name", "key", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {"office_lookup": "office_id", "list_unscoped": True}
        for attr in (
            "index_view_class",
            "add_view_class",
            "edit_view_class",
            "delete_view_class",
            "copy_view_class",
            "history_view_class",
            "usage_view_class",
            "inspect_view_class",
        ):
            base = getattr(self, attr, None)
            if base is not None and not issubclass(base, OfficeScopedMixin):
                setattr(
                    self,
                    attr,
                    type(f"OfficeScoped{base.__name__}", (OfficeScopedMixin, base), attrs),
                )

    @property
    def panels(self):
        return [
            FieldRowPanel([FieldPanel("name"), FieldPanel("key"), FieldPanel("channel")]),
            FieldPanel("office"),
            FieldPanel("subject", help_text=_placeholder_help()),
            FieldPanel("body", help_text=_placeholder_help()),
            FieldPanel("subject_en"),
            FieldPanel("body_en"),
        ]


class ChecklistViewSet(SnippetViewSet):
    """The "what next" lists after a birth, a death and a name change."""

    model = LifeEventChecklist
    icon = "list-ol"
    menu_label = _("What-next lists")
    list_display = ["title", "event", "service", "updated_at"]
    panels = [
        FieldRowPanel([FieldPanel("event"), FieldPanel("service")]),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("intro"),
        FieldPanel("intro_en"),
        InlinePanel("lines", heading=_("Lines"), label=_("line")),
    ]


class MessageViewSet(OfficeScopedViewSet):
    """The outbox: every message with its status, by template, topic and reference."""

    model = Message
    name = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    list_unscoped = True
    permission_policy = ReadOnlyPermissionPolicy(Message)
    list_display = ["created_at", "channel", "topic", "reference", "status", "attempts", "template"]
    list_filter = ["status", "channel", "template"]
    search_fields = ["reference", "topic", "person_hash"]
    inspect_view_enabled = True
    form_fields = ["status"]


class AgencyNoticeViewSet(OfficeScopedViewSet):
    """Agencies told of a birth or death case (跨機關通報): listed here, added and marked
    on the case's page (a form here would offer every office's cases)."""

    model = AgencyNotice
    name = "agency_notices"
    icon = "site"
    menu_label = _("Agency notices")
    permission_policy = ReadOnlyPermissionPolicy(AgencyNotice)
    list_display = ["case", "agency", "purpose", "sent_on", "acknowledged_on"]
    list_filter = ["agency"]
    search_fields = ["agency"]
    form_fields = ["purpose"]  # the read-only policy refuses every form view


class NoticesGroup(ViewSetGroup):
    menu_label = _("Notices")
    menu_icon = "mail"
    menu_order = 265
    items = (
        TemplateViewSet,
        ChecklistViewSet,
        MessageViewSet,
        AgencyNoticeViewSet,
    )


@hooks.register("register_admin_viewset")
def register_notices_admin():
    return NoticesGroup()
