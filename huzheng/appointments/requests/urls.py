"""Home visits, group applications and outreach sessions (citizen pages), included by
appointments/urls.py under the "appointments" namespace."""

from django.urls import path

from huzheng.appointments.requests import views

urlpatterns = [
    path("home-visit/", views.home_visit, name="home_visit"),
    path("home-visit/thanks/", views.home_visit_done, name="home_visit_done"),
    path("group/", views.group, name="group"),
    path("group/thanks/", views.group_done, name="group_done"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/booked/", views.session_booked, name="session_booked"),
]
