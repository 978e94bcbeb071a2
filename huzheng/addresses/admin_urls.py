"""Back-office URLs, mounted under /admin/population/ by wagtail_hooks."""

from django.urls import path

from huzheng.addresses import views

app_name = "addresses_admin"

urlpatterns = [
    path("import/", views.PopulationImportView.as_view(), name="population_import"),
    path("import/template.csv", views.population_template, name="population_template"),
]
