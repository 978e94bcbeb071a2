"""Back-office URLs of the case desk, mounted under /admin/cases/ by wagtail_hooks."""

from django.urls import path

from huzheng.cases import admin_views

app_name = "cases_staff"

urlpatterns = [
    path("", admin_views.dashboard, name="dashboard"),
    path("new/", admin_views.register, name="register"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/move/", admin_views.move, name="move"),
    path("<int:pk>/note/", admin_views.note, name="note"),
    path("<int:pk>/assign/", admin_views.assign, name="assign"),
    path("<int:pk>/close/", admin_views.close, name="close"),
    path("<int:pk>/letter.pdf", admin_views.letter, name="letter"),
    path("<int:pk>/receipt.pdf", admin_views.receipt, name="receipt"),
]
