"""Feeds under /feeds/: include with path("feeds/", include("huzheng.site.urls"))."""

from django.urls import path

from huzheng.site import feeds, views

app_name = "site_feeds"

urlpatterns = [
    path("", views.feed_list, name="index"),
    path("news/", feeds.NewsFeed(), name="news"),
    path("news/<slug:category>/", feeds.NewsFeed(), name="news_category"),
    path("laws/", feeds.LawFeed(), name="laws"),
]
