"""Back-office URLs of appointments, mounted under /admin/appointments/ by wagtail_hooks."""

from django.urls import path

from huzheng.appointments import admin_views

app_name = "appointments_staff"

urlpatterns = [
    path("schedule/", admin_views.ScheduleView.as_view(), name="schedule"),
    path("schedule.csv", admin_views.schedule_csv, name="schedule_csv"),
    path("bookings/<int:pk>/mark/", admin_views.mark_booking, name="mark"),
    path("rules/", admin_views.PolicyView.as_view(), name="policy"),
]
