"""The catalog's back office: services with revisions and history, the fine schedule,
and the notice slips issued (read-only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from huzheng.catalog.models import FineRule, NoticeSlip, RegistrationService
from huzheng.catalog.review import FactsToVerifyView
from huzheng.core.admin_views import OfficeScopedViewSet, ReadOnlyPermissionPolicy


class RegistrationServiceViewSet(SnippetViewSet):
    model = RegistrationService
    icon = "list-ul"
    menu_label = _("Services")
    list_display = ["name", "category", "bookable", "is_hot", "updated_at"]
    list_filter = ["category", "bookable", "is_hot", "cross_office"]
    search_fields = ["name", "name_en", "slug"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
                    FieldRowPanel([FieldPanel("slug"), FieldPanel("category")]),
                    FieldPanel("summary"),
                    FieldPanel("summary_en"),
                    FieldPanel("who_may_apply"),
                    FieldPanel("who_may_apply_en"),
                    FieldRowPanel([FieldPanel("where_note"), FieldPanel("where_note_en")]),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("is_hot"), FieldPanel("sort_order")]),
                            FieldRowPanel(
                                [
                                    FieldPanel("bookable"),
                                    FieldPanel("appointment_minutes"),
                                    FieldPanel("appointment_minutes_source"),
                                    FieldPanel("cross_office"),
                                ]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("for_general"),
                                    FieldPanel("for_indigenous"),
                                    FieldPanel("for_new_immigrants"),
                                ]
                            ),
                        ],
                        heading=_("Where it shows"),
                    ),
                ],
                heading=_("Service"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "documents", heading=_("Required documents"), label=_("required document")
                    ),
                    InlinePanel(
                        "questions", heading=_("Checklist questions"), label=_("checklist question")
                    ),
                ],
                heading=pgettext_lazy("documents to bring", "Documents"),
            ),
            ObjectList(
                [
                    InlinePanel("fees", heading=_("Fees"), label=_("fee")),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("deadline_months"), FieldPanel("deadline_days")]
                            ),
                            FieldPanel("deadline_note"),
                            FieldPanel("deadline_basis"),
                            FieldRowPanel(
                                [FieldPanel("late_fine_applies"), FieldPanel("fine_basis")]
                            ),
                        ],
                        heading=_("Deadline and fine"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [
                                    FieldPanel("processing_working_days"),
                                    FieldPanel("processing_note"),
                                ]
                            ),
                        ],
                        heading=_("Processing time"),
                    ),
                ],
                heading=_("Fees and time"),
            ),
            ObjectList(
                [
                    InlinePanel("steps", heading=_("Process steps"), label=_("process step")),
                    InlinePanel("contacts", heading=_("Contacts"), label=_("contact")),
                    FieldPanel("legal_references"),
                    FieldPanel("sources"),
                    FieldPanel("unverified"),
                ],
                heading=_("Process and sources"),
            ),
        ]
    )


class FineRuleViewSet(SnippetViewSet):
    model = FineRule
    icon = "warning"
    menu_label = _("Fine schedule")
    list_display = ["article", "offence", "condition", "amount"]
    panels = [
        FieldRowPanel([FieldPanel("article"), FieldPanel("amount"), FieldPanel("sort_order")]),
        FieldPanel("offence"),
        FieldPanel("offence_en"),
        FieldPanel("condition"),
        FieldPanel("condition_en"),
        FieldRowPanel([FieldPanel("min_days_late"), FieldPanel("max_days_late")]),
        FieldPanel("basis"),
    ]


class CatalogGroup(SnippetViewSetGroup):
    menu_label = _("Service catalog")
    menu_icon = "list-ul"
    menu_order = 210
    items = (RegistrationServiceViewSet, FineRuleViewSet)


class NoticeSlipViewSet(OfficeScopedViewSet):
    model = NoticeSlip
    icon = "doc-full"
    menu_label = _("Notice slips")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["number", "service_name", "created_at", "created_by"]
    list_filter = ["office"]
    search_fields = ["number", "service_name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["note"]  # the read-only policy refuses every form view

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_catalog_admin():
    return [CatalogGroup(), NoticeSlipViewSet("notice_slips")]


class IssueSlipMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalog.add_noticeslip")


@hooks.register("register_admin_menu_item")
def register_issue_slip_menu_item():
    return IssueSlipMenuItem(
        _("Issue a notice slip"),
        reverse("catalog:staff_slip_new"),
        icon_name="doc-full-inverse",
        order=221,
    )


class FactsToVerifyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalog.change_registrationservice")


@hooks.register("register_admin_urls")
def register_facts_to_verify_urls():
    return [
        path(
            "reports/facts-to-verify/",
            FactsToVerifyView.as_view(),
            name="catalog_facts_to_verify",
        ),
        path(
            "reports/facts-to-verify/results/",
            FactsToVerifyView.as_view(results_only=True),
            name="catalog_facts_to_verify_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_facts_to_verify_menu_item():
    return FactsToVerifyMenuItem(
        _("Facts to verify"),
        reverse("catalog_facts_to_verify"),
        name="facts-to-verify",
        icon_name="warning",
        order=1160,
    )
