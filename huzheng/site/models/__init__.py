"""Page types of the public website and the site-wide settings, one module per page type
(as consumerfinance.gov's ``v1/models/`` does). Everything is re-exported here, so
``huzheng.site.models.NewsPage`` and the migrations keep working."""

from huzheng.site.models.agency import AgencyPage, AgencyUnit
from huzheng.site.models.base import (
    RICH_TEXT_FEATURES,
    BodyBlock,
    ClassifiedPage,
    IntroducedPage,
    ReviewedPage,
    page_number,
    querystring,
    reviewed_page_models,
    service_values,
)
from huzheng.site.models.disclosure import (
    DISCLOSURE_STATUTE_TEXT,
    DisclosureCategory,
    DisclosureLink,
    DisclosurePage,
)
from huzheng.site.models.faq import FaqEntry, FaqPage, faq_entries_for
from huzheng.site.models.home import ContentPage, HomePage
from huzheng.site.models.laws import (
    LAWS_PER_PAGE,
    QUERY_MAX_LENGTH,
    LawIndexPage,
    LawKind,
    LawPage,
    LawRelatedService,
    filter_laws,
    law_filters,
)
from huzheng.site.models.news import (
    NEWS_PER_PAGE,
    NewsAttachment,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    readable_news,
)
from huzheng.site.models.site_settings import SiteSettings

__all__ = [
    "DISCLOSURE_STATUTE_TEXT",
    "LAWS_PER_PAGE",
    "NEWS_PER_PAGE",
    "QUERY_MAX_LENGTH",
    "RICH_TEXT_FEATURES",
    "AgencyPage",
    "AgencyUnit",
    "BodyBlock",
    "ClassifiedPage",
    "ContentPage",
    "DisclosureCategory",
    "DisclosureLink",
    "DisclosurePage",
    "FaqEntry",
    "FaqPage",
    "HomePage",
    "IntroducedPage",
    "LawIndexPage",
    "LawKind",
    "LawPage",
    "LawRelatedService",
    "NewsAttachment",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "ReviewedPage",
    "SiteSettings",
    "faq_entries_for",
    "filter_laws",
    "law_filters",
    "page_number",
    "querystring",
    "readable_news",
    "reviewed_page_models",
    "service_values",
]
