"""RSS 2.0 feeds (RSS 訂閱): all news, the news of one category, and law updates."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from huzheng.core.text import plain_text, stream_text
from huzheng.site.models import (
    LawPage,
    NewsCategory,
    NewsIndexPage,
    readable_news,
)

FEED_ITEMS = 30


class NewsFeed(Feed):
    """The office's news, newest first; /feeds/news/<category>/ for one category."""

    def get_object(self, request, category=None):
        if category is not None and category not in NewsCategory.values:
            raise Http404(category)
        self.request = request
        return category

    def title(self, category):
        office = _site_name(self.request)
        if category:
            return f"{office}：{NewsCategory(category).label}"
        return f"{office}：{_('Latest news')}"

    def link(self, category):
        index = NewsIndexPage.objects.live().first()
        if index is None:
            return "/"
        url = index.get_url(self.request)
        return f"{url}?category={category}" if category else url

    def description(self, category):
        return _("News of the household registration office.")

    def items(self, category):
        return readable_news(category)[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or stream_text(item.body)[:300]

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return _aware(item.date)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(item.get_category_display())]


class LawFeed(Feed):
    """Laws and interpretations, most recently published first."""

    def get_object(self, request):
        self.request = request
        return None

    def title(self):
        return f"{_site_name(self.request)}：{_('Laws and interpretations')}"

    def link(self):
        return reverse("site_feeds:index")

    def description(self):
        return _("New and updated laws, regulations and interpretations.")

    def items(self):
        return LawPage.objects.live().public().order_by("-last_published_at")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.law_name, item.article, item.agency, item.document_number]
        return " ".join(p for p in parts if p) + "：" + plain_text(item.full_text)[:300]

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(item.get_kind_display())]


def _aware(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or _("Household Registration Office")
