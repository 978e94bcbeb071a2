"""The staff room in the back office (/admin/staffroom/): its home and pages, and the
viewsets that keep the Q&A book, the question bank, tests, trainings and vote periods."""

from django.forms import CheckboxSelectMultiple
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.log_actions import log

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.staffroom import services
from huzheng.staffroom.models import LawQuestion, LawTest, QAEntry, TrainingSession, VotePeriod


class QACreateView(generic.CreateView):
    def save_instance(self):
        entry = services.save_qa(self.form.save(commit=False), user=self.request.user)
        log(instance=entry, action="wagtail.create", content_changed=True)
        return entry


class QAEditView(generic.EditView):
    def save_instance(self):
        entry = services.save_qa(self.form.save(commit=False), user=self.request.user)
        log(instance=entry, action="wagtail.edit", content_changed=True)
        return entry


class QAViewSet(OfficeScopedViewSet):
    model = QAEntry
    icon = "help"
    name = "staffroom_qa"
    url_prefix = "staffroom/qa"
    add_view_class = QACreateView
    edit_view_class = QAEditView
    list_display = ["question", "service", "version", "changed_at", "office"]
    list_filter = ["office", "service"]
    form_fields = ["office", "service", "question", "answer", "laws"]


class LawQuestionViewSet(OfficeScopedViewSet):
    model = LawQuestion
    icon = "help"
    name = "staffroom_lawquestion"
    url_prefix = "staffroom/questions"
    list_display = ["text", "topic", "article", "kind", "is_active"]
    list_filter = ["office", "topic", "kind", "is_active"]
    form_fields = ["office", "topic", "article", "kind", "text", "choices", "correct", "is_active"]


class LawTestViewSet(OfficeScopedViewSet):
    model = LawTest
    icon = "pick"
    name = "staffroom_lawtest"
    url_prefix = "staffroom/law-tests"
    list_display = ["title", "topic", "question_count", "minutes", "opens_on", "closes_on"]
    list_filter = ["office"]
    form_fields = [
        "office",
        "title",
        "topic",
        "question_count",
        "minutes",
        "pass_mark",
        "opens_on",
        "closes_on",
    ]


class _AttendeesMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields.get("attendees")
        if field is not None:
            from django.contrib.auth import get_user_model

            field.queryset = get_user_model().objects.filter(
                is_active=True, staff_profile__isnull=False
            )
            field.widget = CheckboxSelectMultiple(choices=field.choices)
        return form


class TrainingCreateView(_AttendeesMixin, generic.CreateView):
    pass


class TrainingEditView(_AttendeesMixin, generic.EditView):
    pass


class TrainingViewSet(OfficeScopedViewSet):
    model = TrainingSession
    icon = "group"
    name = "staffroom_training"
    url_prefix = "staffroom/trainings"
    add_view_class = TrainingCreateView
    edit_view_class = TrainingEditView
    list_display = ["topic", "date", "speaker", "hours", "office"]
    list_filter = ["office"]
    form_fields = ["office", "date", "topic", "speaker", "hours", "materials", "attendees"]


class VotePeriodViewSet(OfficeScopedViewSet):
    model = VotePeriod
    icon = "pick"
    name = "staffroom_voteperiod"
    url_prefix = "staffroom/vote-periods"
    list_display = ["title", "opens_on", "closes_on", "office"]
    list_filter = ["office"]
    form_fields = ["office", "title", "opens_on", "closes_on"]


@hooks.register("register_admin_viewset")
def register_staffroom_viewsets():
    return [
        QAViewSet(),
        LawQuestionViewSet(),
        LawTestViewSet(),
        TrainingViewSet(),
        VotePeriodViewSet(),
    ]


@hooks.register("register_admin_urls")
def register_staffroom_urls():
    return [path("staffroom/", include("huzheng.staffroom.admin_urls", namespace="staffroom"))]


@hooks.register("register_admin_menu_item")
def register_staffroom_menu():
    return MenuItem(
        _("Staff room"),
        reverse_lazy("staffroom:home"),
        name="staffroom",
        icon_name="group",
        order=610,
    )
