"""Feeds under /feeds/: include with path("feeds/", include("huzheng.site.urls"))."""

from django.urls import path

from huzheng.core.pagecache import public_page
from huzheng.site import feeds, views

app_name = "site_feeds"
# Feeds change when pages are published (the "site" version).
feed = public_page("site")

urlpatterns = [
    path("", feed(views.feed_list), name="index"),
    path("news/", feed(feeds.NewsFeed()), name="news"),
    path("news/<slug:category>/", feed(feeds.NewsFeed()), name="news_category"),
    path("laws/", feed(feeds.LawFeed()), name="laws"),
]
