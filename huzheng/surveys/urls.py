"""The public survey pages: a visit's one-time link and a survey's general link."""

from django.urls import path

from huzheng.surveys import views

app_name = "surveys"

urlpatterns = [
    path("a/<str:token>/", views.answer_by_link, name="answer"),
    path("s/<str:token>/", views.answer_general, name="general"),
]
