"""The classifications every searchable document carries, as government websites in
Taiwan classify their content: topic (主題分類), policy (施政分類), service (服務分類,
the catalog's categories) and audience (一般民眾 / 原住民 / 新住民), plus its type."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.catalog.models import Audience, Category

__all__ = ["Audience", "DocumentType", "Policy", "ServiceCategory", "Topic"]

# The service classification is the catalog's category list, so the two never disagree.
ServiceCategory = Category


class Topic(models.TextChoices):
    """主題分類: what a document is about."""

    REGISTRATION = "registration", _("Household registration")  # 戶籍登記
    ID_CARD = "id_card", _("National ID cards")  # 國民身分證
    HOUSE_NUMBERS = "house_numbers", _("House numbers and villages")  # 門牌與村里
    CERTIFICATES = "certificates", _("Transcripts and certificates")  # 謄本與證明
    NATIONALITY = "nationality", _("Nationality")  # 國籍
    POPULATION = "population", _("Population statistics")  # 人口統計
    AGENCY = "agency", _("About the office")  # 機關介紹
    CONVENIENCE = "convenience", _("Convenience services")  # 便民服務


class Policy(models.TextChoices):
    """施政分類: which part of the office's work a document belongs to."""

    CITIZEN_SERVICE = "citizen_service", _("Service to citizens")  # 為民服務
    LEGAL_AWARENESS = "legal_awareness", _("Laws and legal awareness")  # 法令宣導
    DISCLOSURE = "disclosure", _("Information disclosure")  # 政府資訊公開
    STATISTICS = "statistics", _("Statistics")  # 統計資訊
    ADMINISTRATION = "administration", _("Organisation and administration")  # 組織與行政
    ACTIVITIES = "activities", _("Office activities")  # 機關活動


class DocumentType(models.TextChoices):
    """What kind of thing a search result is."""

    PAGE = "page", _("Page")
    NEWS = "news", _("News")
    LAW = "law", _("Law or interpretation")
    FAQ = "faq", _("Question and answer")
    SERVICE = "service", _("Service")
    TOOL = "tool", _("Online service")
    FORM = "form", _("Application form")
    STATISTICS = "statistics", _("Statistics")


class Facet(models.TextChoices):
    TOPIC = "topic", _("Topic")  # 主題分類
    POLICY = "policy", _("Policy area")  # 施政分類
    SERVICE = "service", _("Service category")  # 服務分類
    AUDIENCE = "audience", _("Audience")  # 適用對象
    TYPE = "type", _("Type")
    YEAR = "year", _("Year")
