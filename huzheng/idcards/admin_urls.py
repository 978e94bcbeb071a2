"""Back-office URLs of ID cards, mounted under /admin/idcards/ by wagtail_hooks."""

from django.urls import path

from huzheng.idcards import admin_views

app_name = "idcards_staff"

urlpatterns = [
    path("lost/", admin_views.LossReportListView.as_view(), name="list"),
    path("lost/phone/", admin_views.PhoneReportView.as_view(), name="phone"),
    path("lost/<int:pk>/cancel/", admin_views.CancelView.as_view(), name="cancel"),
    path("applications/", admin_views.ApplicationListView.as_view(), name="applications"),
    path(
        "applications/new/",
        admin_views.ApplicationRegisterView.as_view(),
        name="application_new",
    ),
    path("applications/<int:pk>/ready/", admin_views.mark_ready, name="application_ready"),
    path(
        "applications/<int:pk>/collected/",
        admin_views.mark_collected,
        name="application_collected",
    ),
]
