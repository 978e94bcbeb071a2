"""Villages (村/里) of an office's area, their monthly population figures (人口統計),
and the public page that shows them. Neighbourhoods and house numbers follow."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from huzheng.addresses.writing import house_key, normalise, street_address
from huzheng.site.models import RICH_TEXT_FEATURES, ReviewedPage


class Village(models.Model):
    """A village (村) or urban village (里) in an office's area."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="villages",
    )
    name = models.CharField(_("name"), max_length=20)
    code = models.CharField(
        _("administrative code"),
        max_length=20,
        blank=True,
        help_text=_("The MOI administrative area code, when known."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    confirmed = models.BooleanField(
        _("name confirmed"),
        default=True,
        help_text=_("Unticked while the name still has to be checked against the MOI list."),
    )

    class Meta:
        ordering = ["office", "sort_order", "name"]
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="village_unique_name"),
        ]

    def __str__(self):
        return self.name


# The counted fields of a month's figures, in the order tables and files list them.
FIGURE_FIELDS = (
    "households",
    "males",
    "females",
    "births",
    "deaths",
    "marriages",
    "divorces",
    "moves_in",
    "moves_out",
)


class PopulationFigure(models.Model):
    """One village's registered population and events in one month (人口統計).

    ``month`` is the first day of the month. Written only by
    ``services.import_population_csv`` (the admin upload and the management command)."""

    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="population_figures",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    households = models.PositiveIntegerField(_("households"))
    males = models.PositiveIntegerField(_("males"))
    females = models.PositiveIntegerField(_("females"))
    births = models.PositiveIntegerField(_("births"))
    deaths = models.PositiveIntegerField(_("deaths"))
    marriages = models.PositiveIntegerField(_("marriages"))
    divorces = models.PositiveIntegerField(_("divorces"))
    moves_in = models.PositiveIntegerField(_("moves in"))
    moves_out = models.PositiveIntegerField(_("moves out"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-month", "village__sort_order", "village__name"]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        permissions = [("import_populationfigure", _("Can import population figures"))]
        constraints = [
            models.UniqueConstraint(fields=["village", "month"], name="population_unique_month"),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 0}), name=f"population_{name}_not_negative"
                )
                for name in FIGURE_FIELDS
            ),
        ]

    def __str__(self):
        return f"{self.village} {self.month:%Y-%m}"

    def save(self, *args, **kwargs):
        if self.month is not None:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    @property
    def population(self):
        return self.males + self.females

    @property
    def office(self):
        return self.village.office


class PopulationImport(models.Model):
    """One accepted upload of population figures: what came in, from whom, what changed."""

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="population_imports",
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    encoding = models.CharField(_("encoding"), max_length=20)
    rows = models.PositiveIntegerField(_("rows"))
    created = models.PositiveIntegerField(_("added"))
    updated = models.PositiveIntegerField(_("replaced"))
    months = models.JSONField(_("months"), default=list)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("population import")
        verbose_name_plural = _("population imports")

    def __str__(self):
        return f"{self.office} {self.at:%Y-%m-%d %H:%M} ({self.rows})"


class PopulationStatisticsPage(ReviewedPage):
    """人口統計: the latest month's figures by village, a chart with a table beside it,
    the monthly trend, and the figures as open data (CSV, JSON)."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "addresses/population_statistics_page.html"

    # The figures are the population rooms' (addresses/population), which import these
    # models: AddressesConfig.ready() plugs their services in, so this module imports none
    # of them and no import goes round in a circle.
    figures = None

    class Meta:
        verbose_name = _("population statistics page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.figures.statistics_context(
                request.office,
                month=request.GET.get("month"),
                village=request.GET.get("village"),
            )
        )
        return context

    def search_document(self):
        """What search indexes for this page (keys of huzheng.search.registry.Document)."""
        from huzheng.search.taxonomy import Audience, DocumentType, Policy, Topic

        office = self._office()
        return {
            "title": self.title,
            "type": DocumentType.STATISTICS.value,
            "topics": [Topic.POPULATION.value],
            "policies": [Policy.STATISTICS.value],
            "body": self.figures.search_text(office, self.intro),
            "summary": self.figures.search_summary(office),
            "audiences": [Audience.GENERAL.value],
        }

    def _office(self):
        from huzheng.site.models import SiteSettings

        site = self.get_site()
        office = SiteSettings.for_site(site).office if site else None
        if office is None:
            from huzheng.core.models import Office

            office = Office.objects.filter(code=settings.HUZHENG_DEFAULT_OFFICE).first()
        return office


class Neighbourhood(models.Model):
    """A neighbourhood (鄰) of a village, known by its number."""

    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
    )
    number = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        ordering = ["village", "number"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(fields=["village", "number"], name="neighbourhood_unique"),
        ]

    def __str__(self):
        return f"{self.village} {self.number}鄰"


class Road(models.Model):
    """A road or street (街/路) of an office's area; each section (段) is its own row,
    as the house-number open data lists 街路段 in one column."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="roads"
    )
    name = models.CharField(_("name"), max_length=40, help_text=_("For example 中正路."))
    section = models.CharField(
        _("section"), max_length=10, blank=True, help_text=_("For example 二段, as signposted.")
    )
    key = models.CharField(_("search key"), max_length=60, editable=False)

    class Meta:
        ordering = ["office", "name", "section"]
        verbose_name = _("road")
        verbose_name_plural = _("roads")
        constraints = [
            models.UniqueConstraint(fields=["office", "key"], name="road_unique_key"),
        ]

    def __str__(self):
        return self.name + self.section

    def save(self, *args, **kwargs):
        self.key = normalise(self.name + self.section)
        super().save(*args, **kwargs)


class HouseNumber(models.Model):
    """A house number (門牌): road or area, lane (巷), alley (弄), 衖, number (號) and floor.

    ``key`` is the normalised street address (see ``housenumbers.normalise``) that
    searches and imports match on; one row per address and office."""

    class Status(models.TextChoices):
        CURRENT = "current", _("In use")
        ABOLISHED = "abolished", _("Abolished")

    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="house_numbers",
    )
    village = models.ForeignKey(
        Village, verbose_name=_("village"), on_delete=models.PROTECT, related_name="house_numbers"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="house_numbers",
    )
    road = models.ForeignKey(
        Road,
        verbose_name=_("road"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="house_numbers",
    )
    area = models.CharField(
        _("area name"),
        max_length=40,
        blank=True,
        help_text=_("Where numbers follow a place name rather than a road (地區)."),
    )
    lane = models.CharField(_("lane (巷)"), max_length=20, blank=True)
    alley = models.CharField(_("alley (弄)"), max_length=20, blank=True)
    sublane = models.CharField(_("passage (衖)"), max_length=20, blank=True)
    number = models.CharField(_("number (號)"), max_length=20, help_text=_("For example 12之1."))
    floor = models.CharField(_("floor"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CURRENT
    )
    key = models.CharField(_("search key"), max_length=200, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["office", "village__sort_order", "key"]
        verbose_name = _("house number")
        verbose_name_plural = _("house numbers")
        constraints = [
            models.UniqueConstraint(fields=["office", "key"], name="house_number_unique_key"),
            models.CheckConstraint(
                condition=Q(road__isnull=False) | ~Q(area=""), name="house_number_road_or_area"
            ),
        ]

    def __str__(self):
        return self.street_address

    def save(self, *args, **kwargs):
        self.key = house_key(self)
        super().save(*args, **kwargs)

    @property
    def street_address(self):
        """中正路二段10巷3弄5號2樓, as the plate reads (without village and 鄰)."""
        return street_address(self)


class HouseNumberEvent(models.Model):
    """One step in a house number's history: first assigned (初編), renumbered (改編),
    added (增編) or abolished (廢止)."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("First assigned")
        RENUMBERED = "renumbered", _("Renumbered")
        ADDED = "added", pgettext_lazy("house number change", "Added")
        ABOLISHED = "abolished", _("Abolished")

    house = models.ForeignKey(
        HouseNumber, verbose_name=_("house number"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("change"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    previous_address = models.CharField(
        _("previous address"),
        max_length=200,
        blank=True,
        help_text=_("The address before a renumbering."),
    )

    class Meta:
        ordering = ["house", "date", "pk"]
        verbose_name = _("house-number change")
        verbose_name_plural = _("house-number changes")
        constraints = [
            models.UniqueConstraint(
                fields=["house", "kind", "date"], name="house_number_event_unique"
            ),
        ]

    def __str__(self):
        return f"{self.house} {self.get_kind_display()} {self.date}"
