"""Back-office URLs, mounted under /admin/population/ by wagtail_hooks."""

from django.urls import path

from huzheng.addresses.housenumbers import admin_views as house_admin
from huzheng.addresses.population import admin_views as views

app_name = "addresses_admin"

urlpatterns = [
    path("import/", views.PopulationImportView.as_view(), name="population_import"),
    path("import/template.csv", views.population_template, name="population_template"),
]


# House numbers (門牌管理), mounted under /admin/house-numbers/ by wagtail_hooks with the
# namespace "addresses_houses".
house_urlpatterns = [
    path("", house_admin.HouseNumberListView.as_view(), name="list"),
    path("roads/", house_admin.RoadListView.as_view(), name="roads"),
    path("assign/", house_admin.AssignView.as_view(), name="assign"),
    path("<int:pk>/", house_admin.HouseNumberDetailView.as_view(), name="detail"),
    path("<int:pk>/renumber/", house_admin.RenumberView.as_view(), name="renumber"),
    path("<int:pk>/abolish/", house_admin.AbolishView.as_view(), name="abolish"),
]
