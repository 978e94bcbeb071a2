"""The service-quality plan (提升服務品質執行計畫) as data, and what the office records
against it: evidence, the monthly meeting and the yearly self-evaluation."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.core import roc


class Plan(models.Model):
    """One office's plan for one year (年度提升服務品質執行計畫)."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="plans"
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1912), MaxValueValidator(2200)],
        help_text=_("The Western year; pages show it as the ROC year."),
    )
    title = models.CharField(_("title"), max_length=200)
    basis = models.TextField(_("basis of the plan"), blank=True)  # 計畫依據
    goals = models.TextField(_("goals"), blank=True)  # 計畫目標
    audience = models.TextField(_("who carries it out"), blank=True)  # 執行對象
    steps = models.TextField(_("steps"), blank=True)  # 執行步驟
    review = models.TextField(_("review, rewards and sanctions"), blank=True)  # 考核獎懲
    filed_with_county = models.DateField(
        _("filed with the county"),
        null=True,
        blank=True,
        help_text=_("The date the plan was sent to the county for the record (報府備查)."),
    )
    is_published = models.BooleanField(_("published on the website"), default=False)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    # Targets of the plan's indicators, by indicator key: {"queue.wait_p90": 15}.
    targets = models.JSONField(_("indicator targets"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("service-quality plan")
        verbose_name_plural = _("service-quality plans")
        ordering = ["office", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="quality_one_plan_a_year")
        ]

    def __str__(self):
        return self.title

    @property
    def roc_year(self):
        return roc.roc_year(self.year)

    def total_points(self):
        total = sum(
            (item.points or Decimal(0)) for item in self.items.filter(level=PlanItem.Level.AREA)
        )
        return total


class PlanItem(models.Model):
    """One row of the plan's annex: an area (實施要項), strategy (執行策略), indicator
    (執行指標), sub-indicator (次執行指標) or measure (具體作法)."""

    class Level(models.IntegerChoices):
        AREA = 1, _("area")
        STRATEGY = 2, _("strategy")
        INDICATOR = 3, _("indicator")
        SUB_INDICATOR = 4, _("sub-indicator")
        MEASURE = 5, _("measure")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    number = models.CharField(_("number"), max_length=10, blank=True)  # 一、 (一) 1.
    title = models.TextField(_("text"))
    points = models.DecimalField(
        _("points"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)  # 完成期限
    unit = models.CharField(_("responsible unit"), max_length=100, blank=True)  # 承辦單位
    # The indicators that evidence a measure, by key (core/indicators.py).
    indicator_keys = models.JSONField(_("indicators"), default=list, blank=True)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["plan", "position"]
        indexes = [models.Index(fields=["plan", "level"])]

    def __str__(self):
        return f"{self.number}{self.title}"[:80]


class Evidence(models.Model):
    """A document, photo or link showing a measure was carried out (佐證資料)."""

    measure = models.ForeignKey(
        PlanItem, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="evidence"
    )
    month = models.DateField(_("month"), help_text=_("Any day of the month it belongs to."))
    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document or photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True)
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-month", "title"]

    def __str__(self):
        return self.title


class Meeting(models.Model):
    """The monthly office meeting (所務會議) reviewing the plan, with the indicators as
    they stood on its date."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    chair = models.CharField(_("chair"), max_length=50, blank=True)
    notes = models.TextField(_("review of the plan"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    # [{"key", "name", "unit", "value", "target"}] for the month of the meeting, frozen.
    figures = models.JSONField(_("indicators at the date"), default=list, blank=True)
    figures_period = models.CharField(_("indicator period"), max_length=21, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("monthly meeting")
        verbose_name_plural = _("monthly meetings")
        ordering = ["office", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="quality_one_meeting_a_day")
        ]

    def __str__(self):
        return str(_("Office meeting of %(date)s") % {"date": roc.format_long(self.date)})


class SpotCheck(models.Model):
    """The director's spot check reported at a meeting (督導抽查)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="spot_checks"
    )
    subject = models.CharField(_("what was checked"), max_length=200)
    staff = models.CharField(_("who"), max_length=100, blank=True)
    finding = models.TextField(_("finding"), blank=True)

    class Meta:
        verbose_name = _("spot check")
        verbose_name_plural = _("spot checks")

    def __str__(self):
        return self.subject


class FollowUpAction(models.Model):
    """A follow-up action decided at a meeting (追蹤事項), with its owner and due date."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="actions"
    )
    action = models.CharField(_("action"), max_length=200)
    owner = models.CharField(_("owner"), max_length=100, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return self.action


class SelfScore(models.Model):
    """The office's self-score of one scored item of its plan (自評), with the county's
    score beside it (縣府評分)."""

    item = models.OneToOneField(
        PlanItem, verbose_name=_("scored item"), on_delete=models.CASCADE, related_name="score"
    )
    self_score = models.DecimalField(
        _("self-score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    text = models.TextField(_("self-evaluation"), blank=True)
    county_score = models.DecimalField(
        _("county's score"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    county_comment = models.TextField(_("county's comment"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("self-score")
        verbose_name_plural = _("self-scores")

    def __str__(self):
        return str(self.item)
