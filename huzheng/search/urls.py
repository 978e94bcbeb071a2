"""Search under /search/: include with path("search/", include(...))."""

from django.urls import path

from huzheng.core.pagecache import public_page
from huzheng.search import views

app_name = "search"
# Results are the same for everyone until the index (pages, catalog) changes.
results = public_page("site", "catalog", "search")

urlpatterns = [
    path("", results(views.search), name="search"),
    path("help/", results(views.help_page), name="help"),
    path("go/", views.follow, name="follow"),
]
