"""Public pages of the citizens' voice at /feedback/ (namespace feedback)."""

from django.urls import path

from huzheng.feedback import views
from huzheng.feedback.models import Mailbox

app_name = "feedback"

urlpatterns = [
    path("", views.write, name="write"),
    path("director/", views.write, {"mailbox": Mailbox.DIRECTOR}, name="write_director"),
    path("sent/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("track/", views.track, name="track"),
    path("rate/<str:token>/", views.rate, name="rate"),
    path("open-data/<str:code>.<str:fmt>", views.open_data, name="open_data"),
]
