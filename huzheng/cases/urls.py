"""Public case pages at /cases/ (namespace cases)."""

from django.urls import path

from huzheng.cases import views

app_name = "cases"

urlpatterns = [
    path("query/", views.query, name="query"),
]
