"""Back-office URLs of the surveys, mounted under /admin/surveys-desk/ by wagtail_hooks."""

from django.urls import path

from huzheng.surveys import admin_views

app_name = "surveys_staff"

urlpatterns = [
    path("", admin_views.dashboard, name="dashboard"),
    path("<int:pk>/results/", admin_views.survey_results, name="results"),
    path("<int:pk>/results.csv", admin_views.results_csv, name="results_csv"),
    path("<int:pk>/copy/", admin_views.copy, name="copy"),
    path("<int:pk>/answer/", admin_views.staff_answer, name="answer"),
]
