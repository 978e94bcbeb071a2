"""What the home page (首頁) shows around its own text: the seven doors the service
plan names, the hot services, the common registration types, the latest news and the
online services — read once and cached like the site's chrome.

The cache key carries the chrome's generation (cleared when a page is published or the
site settings change) and the catalog's version (changed by any catalog edit), so an
edit shows at once on this server and, with Redis, on all of them.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from huzheng.catalog import tables
from huzheng.catalog.models import Category, RegistrationService
from huzheng.core import pagecache
from huzheng.core.i18n import is_english, localized

HOME_SECONDS = 300
COMMON_REGISTRATION_COUNT = 8
LATEST_NEWS_COUNT = 5


@dataclass(frozen=True)
class Door:
    """One of the plan's seven doors: a big link to a part of the site."""

    key: str
    title: str
    description: str
    url: str


@dataclass(frozen=True)
class ServiceLink:
    title: str
    url: str
    summary: str


@dataclass(frozen=True)
class NewsLink:
    title: str
    url: str
    date: object
    category: str


@dataclass(frozen=True)
class Home:
    doors: tuple
    hot_services: tuple
    common_registrations: tuple
    latest_news: tuple
    news_url: str
    online_services: tuple


# The seven doors, in the plan's order. A door whose target page does not exist yet is
# left out rather than shown broken. Targets are a page type ("app.Model"), a URL name,
# or an anchor on the home page itself.
DOORS = (
    ("news", _("Latest news"), _("Announcements and office news"), "page:site.NewsIndexPage"),
    (
        "guides",
        pgettext_lazy("home page door", "Application guides"),
        _("What to bring, fees and time limits"),
        "url:catalog:table guides",
    ),
    ("forms", _("Application forms"), _("Fill in on screen and print"), "url:eforms:list"),
    (
        "statistics",
        _("Population statistics"),
        _("Households and people by village"),
        "page:addresses.PopulationStatisticsPage",
    ),
    ("online", _("Online services"), _("Do it from home"), "anchor:online-services"),
    ("hot", _("Hot services"), _("What people come for most"), "anchor:hot-services"),
    (
        "laws",
        _("Laws and regulations"),
        _("Laws, rules and interpretations"),
        "page:site.LawIndexPage",
    ),
)

# What a citizen can do online here. Entries of apps that are not installed yet are
# skipped, so a new online service appears by adding its URL name.
ONLINE_SERVICES = (
    ("catalog:checklist", _("What do I need to bring?"), _("A personal checklist in a minute")),
    ("eforms:list", _("Fill in a form"), _("Print it filled in, or blank")),
    ("appointments:index", _("Book an appointment"), _("Pick a day and time at the counter")),
    ("cases:query", _("Track my case"), _("See where your application is")),
    ("idcards:report_lost", _("Report a lost ID card"), _("Stop anyone using it, at once")),
    ("idcards:validity", _("Check an ID card"), _("Is this the latest card?")),
    ("addresses:house_search", _("Look up a house number"), _("Village and neighbourhood")),
    ("search:search", _("Search the site"), _("Guides, news, laws and forms")),
    ("site_feeds:index", _("Subscribe to news"), _("RSS feeds of news and laws")),
)


def home_for(site):
    """The home page's blocks for ``site``, from the cache when nothing has changed."""
    pagecache.depends_on("catalog")
    key = ":".join(
        [
            "site-home",
            str(pagecache.version("site")),
            tables.catalog_version(),
            str(site.pk if site else 0),
            get_language() or "",
        ]
    )
    home = cache.get(key)
    if home is None:
        home = _build(site)
        cache.set(key, home, HOME_SECONDS)
    return home


def _build(site):
    root = site.root_page if site else None
    services = list(RegistrationService.objects.order_by("sort_order", "name"))
    news_index = _first_page(root, "site.NewsIndexPage")
    return Home(
        doors=tuple(door for door in (_door(site, *spec) for spec in DOORS) if door),
        hot_services=tuple(_service_link(s) for s in services if s.is_hot),
        common_registrations=tuple(
            _service_link(s) for s in services if s.category == Category.REGISTRATION
        )[:COMMON_REGISTRATION_COUNT],
        latest_news=_latest_news(news_index, site),
        news_url=news_index.get_url(current_site=site) if news_index else "",
        online_services=tuple(
            ServiceLink(str(title), url, str(summary))
            for name, title, summary in ONLINE_SERVICES
            if (url := _reverse(name))
        ),
    )


def _door(site, key, title, description, target):
    kind, _sep, value = target.partition(":")
    if kind == "page":
        page = _first_page(site.root_page if site else None, value)
        # Relative to this site: with several sites (one per office) get_url() alone
        # gives a full address from the Site's host and port, not the one visited.
        url = page.get_url(current_site=site) if page else ""
    elif kind == "url":
        name, _sep, arg = value.partition(" ")
        url = _reverse(name, arg)
    else:
        url = f"#{value}"
    return Door(key, str(title), str(description), url) if url else None


def _first_page(root, label):
    """The first live, public page of type ``label`` under ``root``, or None."""
    if root is None:
        return None
    model = apps.get_model(label)
    return model.objects.live().public().descendant_of(root).order_by("path").first()


def _latest_news(news_index, site):
    """The newest news a citizen may read now, as the news index lists them."""
    if news_index is None:
        return ()
    return tuple(
        NewsLink(
            item.title, item.get_url(current_site=site), item.date, item.get_category_display()
        )
        for item in news_index.news()[:LATEST_NEWS_COUNT]
    )


def _service_link(service):
    return ServiceLink(
        localized(service),
        service.get_absolute_url(),
        service.summary_en if is_english() else service.summary,
    )


def _reverse(name, arg=""):
    try:
        return reverse(name, args=[arg] if arg else [])
    except NoReverseMatch:
        return ""
