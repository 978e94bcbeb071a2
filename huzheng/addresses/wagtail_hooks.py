from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.addresses import admin_urls
from huzheng.addresses.housenumbers.admin_views import VIEW_PERMISSION as HOUSE_VIEW_PERMISSION
from huzheng.addresses.models import PopulationFigure, Village
from huzheng.addresses.population.admin_views import IMPORT_PERMISSION
from huzheng.core.admin_views import OfficeScopedViewSet, ReadOnlyPermissionPolicy


class VillageViewSet(OfficeScopedViewSet):
    model = Village
    icon = "site"
    menu_label = _("Villages")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "office", "code", "confirmed"]
    list_filter = ["office", "confirmed"]
    search_fields = ["name", "code"]
    form_fields = ["office", "name", "code", "sort_order", "confirmed"]


class PopulationFigureViewSet(OfficeScopedViewSet):
    """The imported figures, to look at: changes go through the CSV import (audited)."""

    model = PopulationFigure
    icon = "table"
    menu_label = _("Population figures")
    menu_order = 261
    add_to_admin_menu = True
    office_lookup = "village__office_id"
    list_display = ["village", "month", "households", "males", "females", "updated_at"]
    list_filter = ["month"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["households"]  # the read-only policy refuses every form view

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_villages():
    return [VillageViewSet("villages"), PopulationFigureViewSet("population_figures")]


@hooks.register("register_admin_urls")
def register_population_import_urls():
    return [path("population/", include(admin_urls, namespace="addresses_admin"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_population_import_menu_item():
    return ImportMenuItem(
        _("Import population figures"),
        reverse("addresses_admin:population_import"),
        icon_name="upload",
        order=262,
    )


@hooks.register("register_admin_urls")
def register_house_number_urls():
    return [
        path(
            "house-numbers/",
            include(
                (admin_urls.house_urlpatterns, "addresses_houses"), namespace="addresses_houses"
            ),
        )
    ]


class HouseNumbersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(HOUSE_VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_house_numbers_menu_item():
    """門牌管理: find numbers and roads, record 初編, 增編, 改編 and 廢止."""
    return HouseNumbersMenuItem(
        _("House numbers"),
        reverse("addresses_houses:list"),
        name="house-numbers",
        icon_name="home",
        order=263,
    )
