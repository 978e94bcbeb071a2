"""What the page types share: the body block, review dates, classification for search."""

from urllib.parse import urlencode

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from huzheng.core.i18n import pick
from huzheng.core.text import plain_text
from huzheng.search.taxonomy import Audience, DocumentType, Policy, Topic

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Body")


class ReviewedPage(Page):
    """A page that names the date by which an editor must check it is still right, and
    its title in English for the menus and headings of the English site."""

    title_en = models.CharField(
        _("English title"),
        max_length=255,
        blank=True,
        help_text=_("Shown in menus, links and the heading when a visitor reads in English."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("The date by which an editor checks this page is still correct."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("title_en"), FieldPanel("review_by")]

    class Meta:
        abstract = True

    @property
    def display_title(self):
        """The title in the visitor's language (the Chinese when no English is set)."""
        return pick(self.title, self.title_en)


# --- Shared by the page types of issue 4 ----------------------------------------------------


class ClassifiedPage(ReviewedPage):
    """A reviewed page carrying the classifications search facets on: topic (主題分類),
    policy (施政分類) and audience (一般民眾 / 原住民 / 新住民)."""

    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices, blank=True)
    policy = models.CharField(_("policy"), max_length=30, choices=Policy.choices, blank=True)
    for_general = models.BooleanField(_("for the general public"), default=True)
    for_indigenous = models.BooleanField(_("for indigenous peoples"), default=False)
    for_new_immigrants = models.BooleanField(_("for new immigrants"), default=False)

    document_type = DocumentType.PAGE
    default_topic = ""
    default_policy = ""

    promote_panels = [
        *ReviewedPage.promote_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("topic"), FieldPanel("policy")]),
                FieldRowPanel(
                    [
                        FieldPanel("for_general"),
                        FieldPanel("for_indigenous"),
                        FieldPanel("for_new_immigrants"),
                    ]
                ),
            ],
            heading=_("Classification"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def audiences(self):
        flags = {
            Audience.GENERAL: self.for_general,
            Audience.INDIGENOUS: self.for_indigenous,
            Audience.NEW_IMMIGRANTS: self.for_new_immigrants,
        }
        return [audience.value for audience, on in flags.items() if on]

    def search_document(self):
        """What search indexes for this page: keys of huzheng.search.registry.Document."""
        topic = self.topic or self.default_topic
        policy = self.policy or self.default_policy
        return {
            "type": str(self.document_type),
            "body": plain_text(self.search_body()),
            "summary": plain_text(self.search_summary()),
            "names": self.search_names(),
            "topics": [str(topic)] if topic else [],
            "policies": [str(policy)] if policy else [],
            "services": self.search_services(),
            "audiences": self.audiences,
            "date": self.search_date(),
        }

    # Each page type refines these.
    def search_body(self):
        return ""

    def search_summary(self):
        return self.search_description

    def search_names(self):
        return []

    def search_services(self):
        return []

    def search_date(self):
        stamp = self.last_published_at or self.latest_revision_created_at
        return timezone.localtime(stamp).date() if stamp else None


def service_values(services):
    slugs, categories = [], []
    for service in services:
        if service is not None and service.category not in categories:
            categories.append(service.category)
        if service is not None:
            slugs.append(service.name)
    return slugs, categories


# --- News (最新消息) ----------------------------------------------------------------------


class IntroducedPage(ClassifiedPage):
    """A classified page that opens with an editable introduction: the indexes and the
    office's own pages."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


def querystring(filters):
    """The filters as a query string prefix for the pagination links ("" or "…&")."""
    kept = {key: value for key, value in filters.items() if value}
    return urlencode(kept) + "&" if kept else ""


def page_number(request):
    number = request.GET.get("page", "1")
    return number if number.isdigit() and len(number) < 7 else 1


# Pages that carry a review-by date, in any app, for the overdue-review report.
def reviewed_page_models():
    return [m for m in apps.get_models() if issubclass(m, ReviewedPage)]
