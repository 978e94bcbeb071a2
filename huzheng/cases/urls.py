"""Public case pages at /cases/ (namespace cases)."""

from django.urls import path

from huzheng.cases import views

app_name = "cases"

urlpatterns = [
    path("query/", views.query, name="query"),
    path("query/notify/", views.notify, name="notify"),
    path("query/notify/done/", views.notify_done, name="notify_done"),
    path("notify/stop/<str:token>/", views.notify_stop, name="notify_stop"),
    path("notify/confirm/<str:token>/", views.notify_confirm, name="notify_confirm"),
]
