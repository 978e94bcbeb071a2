"""Back-office URLs of news monitoring, mounted under /admin/mediawatch/."""

from django.urls import path

from huzheng.mediawatch import admin_views

app_name = "mediawatch_staff"

urlpatterns = [
    path("", admin_views.hits, name="hits"),
    path("<int:pk>/triage/", admin_views.triage, name="triage"),
]
