"""News monitoring in the back office: hits to triage, sources and keywords."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.mediawatch.admin_views import VIEW_PERMISSION
from huzheng.mediawatch.models import Keyword, Source


class HitsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_mediawatch_urls():
    return [
        path("mediawatch/", include("huzheng.mediawatch.admin_urls", namespace="mediawatch_staff"))
    ]


@hooks.register("register_admin_menu_item")
def register_hits_menu():
    return HitsMenuItem(
        _("News monitoring"),
        reverse_lazy("mediawatch_staff:hits"),
        name="mediawatch",
        icon_name="radio-full",
        order=258,
    )


class SourceViewSet(OfficeScopedViewSet):
    model = Source
    icon = "link"
    menu_label = _("News sources")
    menu_order = 259
    add_to_admin_menu = True
    list_display = ["name", "url", "is_active", "last_fetched_at", "last_error"]
    form_fields = ["office", "name", "url", "is_active"]


class KeywordViewSet(OfficeScopedViewSet):
    model = Keyword
    icon = "search"
    menu_label = _("News keywords")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["word", "office"]
    form_fields = ["office", "word"]


@hooks.register("register_admin_viewset")
def register_mediawatch_viewsets():
    return [SourceViewSet("mediawatch_sources"), KeywordViewSet("mediawatch_keywords")]
