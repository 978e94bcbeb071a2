"""The plan in the back office: the director's home, the monthly meetings, the
self-evaluation and the plans themselves."""

from django import forms
from django.db import transaction
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views import generic
from wagtail.log_actions import log

from huzheng.core.admin_views import OfficeScopedViewSet
from huzheng.quality import home, services
from huzheng.quality.admin_views import VIEW_MEETINGS, VIEW_SCORES
from huzheng.quality.models import Evidence, Plan, PlanItem


@hooks.register("construct_homepage_panels", order=100)
def director_home(request, panels):
    """A director or registrar of an office starts on today's figures, not on
    Wagtail's page counts and recent edits."""
    panel = home.panel_for(request)
    if panel is not None:
        panels[:] = [panel]


# Runs after Wagtail's own hooks have added the page, image and document counts.
@hooks.register("construct_homepage_summary_items", order=100)
def no_page_counts_for_the_director(request, items):
    if home.panel_for(request) is not None:
        items[:] = []


@hooks.register("register_admin_urls")
def register_quality_urls():
    return [path("quality/", include("huzheng.quality.admin_urls", namespace="quality_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class CountyMenuItem(PermissionMenuItem):
    def is_shown(self, request):
        from huzheng.core.services import staff_office_ids

        return super().is_shown(request) and staff_office_ids(request.user) is None


class StaffAccountsMenuItem(MenuItem):
    def is_shown(self, request):
        from huzheng.quality.staff.services import may_manage_staff

        return may_manage_staff(request.user)


class PlanViewSet(OfficeScopedViewSet):
    model = Plan
    icon = "list-ol"
    menu_label = _("Plans")
    add_to_admin_menu = False
    list_display = ["title", "year", "office", "is_published", "filed_with_county"]
    list_filter = ["office", "is_published"]
    form_fields = [
        "office",
        "year",
        "title",
        "basis",
        "goals",
        "audience",
        "steps",
        "review",
        "filed_with_county",
        "is_published",
        "targets",
    ]


plan_viewset = PlanViewSet("quality_plans")


class MeasureChoicesMixin:
    """Evidence is filed only against measures of the staff member's own office's plans."""

    def get_form(self, form_class=None):
        from huzheng.core.services import staff_office_ids

        form = super().get_form(form_class)
        field = form.fields.get("measure")
        if field is not None:
            measures = PlanItem.objects.filter(level=PlanItem.Level.MEASURE).select_related("plan")
            office_ids = staff_office_ids(self.request.user)
            if office_ids is not None:
                measures = measures.filter(plan__office_id__in=office_ids)
            field.queryset = measures.order_by("-plan__year", "position")
        return form


class EvidenceForm(WagtailAdminModelForm):
    # Declared here so that an address typed without a scheme is taken as https (as
    # Django 6 will) instead of Django 5's warning.
    link = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = Evidence
        fields = ["measure", "month", "title", "document", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].initial = self.instance.link

    def clean(self):
        data = super().clean()
        self.instance.link = data.get("link") or ""
        return data


class EvidenceCreateView(generic.CreateView):
    def save_instance(self):
        evidence = services.save_evidence(self.form.save(commit=False), user=self.request.user)
        log(instance=evidence, action="wagtail.create", content_changed=True)
        return evidence


class EvidenceEditView(generic.EditView):
    def save_instance(self):
        evidence = services.save_evidence(self.form.save(commit=False), user=self.request.user)
        self.has_content_changes = self.form.has_changed()
        log(instance=evidence, action="wagtail.edit", content_changed=self.has_content_changes)
        return evidence


class EvidenceDeleteView(generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            log(instance=self.object, action="wagtail.delete")
            services.delete_evidence(self.object, user=self.request.user)


class EvidenceViewSet(OfficeScopedViewSet):
    model = Evidence
    add_view_class = EvidenceCreateView
    edit_view_class = EvidenceEditView
    delete_view_class = EvidenceDeleteView
    icon = "doc-full"
    menu_label = _("Evidence")
    add_to_admin_menu = False
    office_lookup = "measure__plan__office_id"
    list_display = ["title", "month", "measure"]
    form_fields = ["measure", "month", "title", "document", "link", "note"]

    def get_form_class(self, for_update=False):
        return EvidenceForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for attr in ("add_view_class", "edit_view_class"):
            base = getattr(self, attr)
            setattr(self, attr, type(f"Measure{base.__name__}", (MeasureChoicesMixin, base), {}))


evidence_viewset = EvidenceViewSet("quality_evidence")


@hooks.register("register_admin_viewset")
def register_evidence():
    return evidence_viewset


@hooks.register("register_admin_viewset")
def register_plans():
    return plan_viewset


@hooks.register("register_admin_menu_item")
def register_quality_menu():
    items = [
        PermissionMenuItem(
            _("Monthly meetings"),
            reverse_lazy("quality_admin:meetings"),
            name="quality-meetings",
            icon_name="calendar-alt",
            order=10,
            permission=VIEW_MEETINGS,
        ),
        PermissionMenuItem(
            _("Self-evaluation"),
            reverse_lazy("quality_admin:evaluation"),
            name="quality-evaluation",
            icon_name="tasks",
            order=20,
            permission=VIEW_SCORES,
        ),
        CountyMenuItem(
            _("County comparison"),
            reverse_lazy("quality_admin:county"),
            name="quality-county",
            icon_name="table",
            order=25,
            permission="quality.view_plan",
        ),
        PermissionMenuItem(
            _("Evidence"),
            reverse_lazy("quality_evidence:index"),
            name="quality-evidence",
            icon_name="doc-full",
            order=28,
            permission="quality.view_evidence",
        ),
        StaffAccountsMenuItem(
            _("Staff accounts"),
            reverse_lazy("quality_admin:staff"),
            name="quality-staff",
            icon_name="group",
            order=35,
        ),
        PermissionMenuItem(
            _("Plans"),
            reverse_lazy("quality_plans:index"),
            name="quality-plans",
            icon_name="list-ol",
            order=30,
            permission="quality.view_plan",
        ),
    ]
    return SubmenuMenuItem(
        _("Service quality"), Menu(items=items), name="quality", icon_name="tasks", order=260
    )
