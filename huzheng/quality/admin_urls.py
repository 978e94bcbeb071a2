from django.urls import path

from huzheng.quality import admin_views

app_name = "quality_admin"

urlpatterns = [
    path("meetings/", admin_views.meetings, name="meetings"),
    path("meetings/new/", admin_views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", admin_views.meeting_detail, name="meeting"),
    path("county/", admin_views.county, name="county"),
    path("evaluation/", admin_views.evaluation, name="evaluation"),
    path("evaluation/<int:year>/", admin_views.evaluation, name="evaluation_year"),
    path("evaluation/<int:year>/report.pdf", admin_views.evaluation_pdf, name="evaluation_pdf"),
]
