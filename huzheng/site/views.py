"""The feeds subscription page, sitemap.xml, robots.txt and /favicon.ico."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from huzheng.site.models import NewsCategory
from huzheng.site.sitemaps import SITEMAPS


def feed_list(request):
    """Every RSS feed of the site, with how to subscribe (RSS 訂閱)."""
    feeds = [
        {"title": _("All news"), "url": reverse("site_feeds:news")},
        *(
            {"title": label, "url": reverse("site_feeds:news_category", args=[value])}
            for value, label in NewsCategory.choices
        ),
        {"title": _("Laws and interpretations"), "url": reverse("site_feeds:laws")},
    ]
    for feed in feeds:
        feed["absolute_url"] = request.build_absolute_uri(feed["url"])
    return render(request, "site/feeds.html", {"feeds": feeds})


def sitemap(request):
    return wagtail_sitemap(request, sitemaps=SITEMAPS)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /staff/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """/favicon.ico, which browsers and bots ask for whatever the page links: the static icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
