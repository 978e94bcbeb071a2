from django.urls import path

from huzheng.quality import admin_views
from huzheng.quality.staff import admin_views as staff_views

app_name = "quality_admin"

urlpatterns = [
    path("meetings/", admin_views.meetings, name="meetings"),
    path("meetings/new/", admin_views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", admin_views.meeting_detail, name="meeting"),
    path("county/", admin_views.county, name="county"),
    path("county/<str:office>/<int:year>/", admin_views.county_scores, name="county_scores"),
    path(
        "county/<str:office>/<int:year>/scores.csv",
        admin_views.county_scores_csv,
        name="county_scores_csv",
    ),
    path(
        "county/<str:office>/<int:year>/report.pdf",
        admin_views.county_scores_pdf,
        name="county_scores_pdf",
    ),
    path("evaluation/", admin_views.evaluation, name="evaluation"),
    path("evaluation/<int:year>/", admin_views.evaluation, name="evaluation_year"),
    path("evaluation/<int:year>/report.pdf", admin_views.evaluation_pdf, name="evaluation_pdf"),
    path("staff/", staff_views.staff_list, name="staff"),
    path("staff/new/", staff_views.staff_new, name="staff_new"),
    path("staff/<int:pk>/", staff_views.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/active/", staff_views.staff_active, name="staff_active"),
    path("staff/<int:pk>/password/", staff_views.staff_password, name="staff_password"),
]
