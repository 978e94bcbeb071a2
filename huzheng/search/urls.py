"""Search under /search/: include with path("search/", include(...))."""

from django.urls import path

from huzheng.search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("help/", views.help_page, name="help"),
]
