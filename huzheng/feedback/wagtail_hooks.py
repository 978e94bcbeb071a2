"""The mailbox desk, its categories, reply templates and block list in the back office."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.feedback.admin_views import VIEW_PERMISSION
from huzheng.feedback.document_views import VIEW_PERMISSION as DOCUMENT_VIEW_PERMISSION
from huzheng.feedback.models import BlockedSender, Category, ReplyTemplate, SpeedLimit


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [path("feedback/", include("huzheng.feedback.admin_urls", namespace="feedback_staff"))]


@hooks.register("register_admin_menu_item")
def register_feedback_menu():
    return FeedbackMenuItem(
        _("Citizens' messages"),
        reverse_lazy("feedback_staff:dashboard"),
        name="feedback",
        icon_name="mail",
        order=252,
    )


class DocumentsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DOCUMENT_VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_documents_menu():
    return DocumentsMenuItem(
        _("Official documents"),
        reverse_lazy("feedback_staff:documents"),
        name="official-documents",
        icon_name="doc-full-inverse",
        order=256,
    )


class SpeedLimitViewSet(OfficeScopedViewSet):
    model = SpeedLimit
    icon = "time"
    menu_label = _("Document speed classes")
    menu_order = 257
    add_to_admin_menu = True
    list_display = ["speed", "working_days", "office"]
    form_fields = ["office", "speed", "working_days"]


class CategoryViewSet(OfficeScopedViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Message categories")
    menu_order = 253
    add_to_admin_menu = True
    list_display = ["name", "assignee", "office"]
    form_fields = ["office", "name", "name_en", "assignee", "ordering"]


class ReplyTemplateViewSet(OfficeScopedViewSet):
    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Reply templates")
    menu_order = 254
    add_to_admin_menu = True
    list_display = ["title", "category", "office"]
    form_fields = ["office", "category", "title", "body"]


class BlockedSenderViewSet(OfficeScopedViewSet):
    model = BlockedSender
    icon = "cross"
    menu_label = _("Blocked senders")
    menu_order = 255
    add_to_admin_menu = True
    list_display = ["address", "reason", "office"]
    form_fields = ["office", "address", "reason"]


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return [
        CategoryViewSet("feedback_categories"),
        ReplyTemplateViewSet("feedback_templates"),
        BlockedSenderViewSet("feedback_blocked"),
        SpeedLimitViewSet("feedback_speeds"),
    ]
