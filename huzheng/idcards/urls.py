"""Public ID card pages at /idcards/ (namespace idcards)."""

from django.urls import path

from huzheng.idcards import views

app_name = "idcards"

urlpatterns = [
    path("", views.index, name="index"),
    path("lost/", views.report_lost, name="report_lost"),
    path("lost/cancel/", views.cancel_info, name="cancel_info"),
    path("validity/", views.validity, name="validity"),
    path("status/", views.issue_status, name="issue_status"),
]
