"""Public appointment pages at /appointments/ (namespace appointments)."""

from django.urls import include, path

from huzheng.appointments import views

app_name = "appointments"

urlpatterns = [
    path("", views.index, name="index"),
    path("manage/", views.manage, name="manage"),
    path("manage/cancel/", views.manage_cancel, name="manage_cancel"),
    path("manage/move/", views.manage_move, name="manage_move"),
    path("booked/<str:code>.ics", views.booking_ics, name="booking_ics"),
    path("booked/<str:code>/", views.booked, name="booked"),
    # Home visits, group applications and outreach sessions.
    path("", include("huzheng.appointments.requests.urls")),
    # A service's booking page comes last, so no fixed address above is read as a slug.
    path("<slug:slug>/", views.service, name="service"),
]
