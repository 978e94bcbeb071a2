"""The surveys in the back office: the builder (surveys with their questions), the
improvement actions, and the desk with results and staff answering."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.surveys.models import ImprovementAction, Survey


class SurveyViewSet(OfficeScopedViewSet):
    model = Survey
    icon = "form"
    menu_label = _("Survey builder")
    menu_order = 600
    add_to_admin_menu = True
    url_prefix = "surveys"
    name = "surveys_survey"
    list_display = ["title", "audience", "opens_on", "closes_on", "office"]
    list_filter = ["office", "audience"]


class ImprovementActionViewSet(OfficeScopedViewSet):
    model = ImprovementAction
    icon = "tasks"
    menu_label = _("Improvement actions")
    menu_order = 602
    add_to_admin_menu = True
    url_prefix = "improvement-actions"
    name = "surveys_improvementaction"
    list_display = ["action", "owner", "due_on", "done_on", "survey", "office"]
    list_filter = ["office", "survey"]
    form_fields = ["office", "survey", "finding", "action", "owner", "due_on", "done_on", "result"]


@hooks.register("register_admin_viewset")
def register_survey_viewsets():
    return [SurveyViewSet(), ImprovementActionViewSet()]


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("surveys-desk/", include("huzheng.surveys.admin_urls", namespace="surveys_staff"))]


@hooks.register("register_admin_menu_item")
def register_survey_desk_menu():
    return MenuItem(
        _("Surveys and results"),
        reverse_lazy("surveys_staff:dashboard"),
        name="surveys-desk",
        icon_name="list-ul",
        order=601,
    )
