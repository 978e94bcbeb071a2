"""The core's back office: offices with their hours, special days, staff, the audit log,
and the audited page that shows staff a full ID number."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button

from huzheng.core import secondfactor
from huzheng.core.admin_views import (
    AuditedInspectView,
    OfficeScopedViewSet,
    ReadOnlyPermissionPolicy,
)
from huzheng.core.models import AuditEntry, Office, SpecialDay, StaffProfile
from huzheng.core.reveal import RevealView


class OfficeViewSet(OfficeScopedViewSet):
    model = Office
    office_lookup = "id"
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "code", "county", "phone", "is_active"]
    search_fields = ["name", "code", "address"]
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("county"), FieldPanel("township")]),
                FieldPanel("name"),
                FieldPanel("name_en"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("address")]),
                FieldPanel("address_en"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("director_email")]),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("opening_periods", heading=_("Opening hours"), label=_("opening period")),
        MultiFieldPanel(
            [FieldPanel("is_active"), FieldPanel("is_demo"), FieldPanel("data_notes")],
            heading=_("Status"),
        ),
    ]


class SpecialDayViewSet(OfficeScopedViewSet):
    model = SpecialDay
    icon = "date"
    menu_label = _("Special days")
    list_display = ["date", "office", "kind", "is_open", "reason"]
    list_filter = ["kind", "is_open"]
    form_fields = ["office", "date", "kind", "is_open", "reason"]
    list_unscoped = True


class StaffProfileViewSet(OfficeScopedViewSet):
    model = StaffProfile
    icon = "group"
    menu_label = _("Staff")
    list_display = ["user", "office", "title", "phone", "duties"]
    form_fields = ["user", "office", "title", "phone", "duties"]
    copy_view_enabled = False


class AuditEntryViewSet(OfficeScopedViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Audit log")
    list_display = ["at", "username", "action", "object_type", "object_repr", "ip_address"]
    list_filter = ["action", "object_type"]
    search_fields = ["username", "object_repr", "object_id"]
    inspect_view_enabled = True
    inspect_view_class = AuditedInspectView
    # Wagtail needs a form definition; the read-only policy refuses every form view.
    form_fields = ["reason"]
    copy_view_enabled = False
    list_export = [
        "at",
        "username",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "fields",
        "reason",
        "ip_address",
        "path",
    ]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class OfficeAdminGroup(ViewSetGroup):
    menu_label = _("Office")
    menu_icon = "home"
    menu_order = 200
    items = (OfficeViewSet, SpecialDayViewSet, StaffProfileViewSet, AuditEntryViewSet)


@hooks.register("register_admin_viewset")
def register_office_admin():
    return OfficeAdminGroup()


@hooks.register("register_admin_urls")
def register_reveal_url():
    return [
        path(
            "reveal/<slug:app_label>/<slug:model_name>/<int:pk>/",
            RevealView.as_view(),
            name="core_reveal",
        )
    ]


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("second-factor/", secondfactor.VerifyView.as_view(), name="core_second_factor_verify"),
        path(
            "second-factor/set-up/",
            secondfactor.EnrolView.as_view(),
            name="core_second_factor_enrol",
        ),
        path(
            "second-factor/reset/<int:user_id>/",
            secondfactor.ResetView.as_view(),
            name="core_second_factor_reset",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def second_factor_reset_button(user, request_user):
    if secondfactor.may_reset(request_user):
        yield Button(
            _("Reset second factor"),
            reverse("core_second_factor_reset", args=[user.pk]),
            priority=50,
        )
