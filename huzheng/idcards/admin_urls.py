"""Back-office URLs of ID cards, mounted under /admin/idcards/ by wagtail_hooks."""

from django.urls import path

from huzheng.idcards import admin_views

app_name = "idcards_staff"

urlpatterns = [
    path("lost/", admin_views.LossReportListView.as_view(), name="list"),
    path("lost/phone/", admin_views.PhoneReportView.as_view(), name="phone"),
    path("lost/<int:pk>/cancel/", admin_views.CancelView.as_view(), name="cancel"),
]
