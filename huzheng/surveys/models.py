"""Satisfaction surveys (滿意度調查) for citizens and staff: the survey and its questions,
the one-time links handed out after a visit, the answers kept without who gave them, and
the improvement actions taken on what they say."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from huzheng.core.i18n import localized

# Free text is capped: a long answer is a letter, and the mailbox is for letters.
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2000


def new_token():
    return secrets.token_urlsafe(16)


class Audience(models.TextChoices):
    CITIZENS = "citizens", _("citizens")  # 民眾
    STAFF = "staff", _("staff")  # 同仁


class Channel(models.TextChoices):
    """Where the answer came from: the visit it followed, or a general link."""

    TICKET = "ticket", _("queue ticket")
    BOOKING = "booking", _("appointment")
    CASE = "case", _("case")
    WEBSITE = "website", _("website")
    COUNTER = "counter", _("counter (general link)")
    STAFF = "staff", _("staff")


class WaitBand(models.TextChoices):
    UNDER_5 = "0-5", _("under 5 minutes")
    UNDER_15 = "5-15", _("5 to 15 minutes")
    UNDER_30 = "15-30", _("15 to 30 minutes")
    OVER_30 = "30+", _("over 30 minutes")


def wait_band(minutes):
    """The band a wait in minutes falls into; "" when it is not known."""
    if minutes is None:
        return ""
    if minutes < 5:
        return WaitBand.UNDER_5
    if minutes < 15:
        return WaitBand.UNDER_15
    if minutes < 30:
        return WaitBand.UNDER_30
    return WaitBand.OVER_30


class Survey(ClusterableModel):
    """A questionnaire (問卷) open between two dates, for citizens or for staff."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="surveys"
    )
    audience = models.CharField(
        _("for"), max_length=10, choices=Audience.choices, default=Audience.CITIZENS
    )
    title = models.CharField(_("title"), max_length=120)
    title_en = models.CharField(_("English title"), max_length=160, blank=True)
    intro = models.TextField(_("introduction"), max_length=1000, blank=True)
    intro_en = models.TextField(_("English introduction"), max_length=1000, blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    # The general link (website, counter) names the survey by this, not by its number.
    public_token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("office"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("title_en"),
                FieldPanel("intro"),
                FieldPanel("intro_en"),
            ],
            heading=_("Wording"),
        ),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Open")),
        InlinePanel("questions", heading=_("Questions"), label=_("question"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [("view_survey_results", _("Can read survey results"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def display_title(self):
        return localized(self, "title")

    def display_intro(self):
        return localized(self, "intro")

    def is_open_on(self, day):
        return self.opens_on <= day <= self.closes_on


class Question(Orderable):
    """One question of a survey: a 1–5 scale, a choice, or free text."""

    class Kind(models.TextChoices):
        SCALE = "scale", _("scale 1 to 5")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SHORT = "short", _("short text")
        LONG = "long", _("long text")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    text = models.CharField(_("question"), max_length=300)
    text_en = models.CharField(_("English question"), max_length=400, blank=True)
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_('For choice questions: one choice a line, "Chinese | English".'),
    )
    low_label = models.CharField(_("label of 1"), max_length=40, blank=True)
    low_label_en = models.CharField(_("English label of 1"), max_length=60, blank=True)
    high_label = models.CharField(_("label of 5"), max_length=40, blank=True)
    high_label_en = models.CharField(_("English label of 5"), max_length=60, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("text_en"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("low_label"), FieldPanel("high_label")]),
        FieldRowPanel([FieldPanel("low_label_en"), FieldPanel("high_label_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def display_text(self):
        return localized(self, "text")

    def choice_list(self):
        """[(zh, en)] from the choices text."""
        found = []
        for line in self.choices.splitlines():
            zh, _bar, en = line.partition("|")
            if zh.strip():
                found.append((zh.strip(), en.strip()))
        return found

    def display_choices(self):
        """[(index, label in the active language)]; answers store the index, so a
        reworded choice keeps its answers."""
        return [
            (index, localized({"c": zh, "c_en": en}, "c"))
            for index, (zh, en) in enumerate(self.choice_list(), start=1)
        ]

    def scale_labels(self):
        return localized(self, "low_label"), localized(self, "high_label")


class Invitation(models.Model):
    """A one-time link (一次性連結) given after a visit: it carries the visit's context to the
    answer, never who came. `source` names the visit ("ticket:<id>") so a visit has one link."""

    office = models.ForeignKey("core.Office", on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=40, unique=True, default=new_token)
    source = models.CharField(max_length=80, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    service = models.ForeignKey(
        "catalog.RegistrationService", null=True, blank=True, on_delete=models.SET_NULL
    )
    series = models.CharField(max_length=2, blank=True)
    counter = models.PositiveIntegerField(null=True, blank=True)
    wait_band = models.CharField(max_length=5, choices=WaitBand.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # The API client's key for the answer that used the link: its retry is told "received".
    idempotency_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")

    def __str__(self):
        return self.source


class Response(models.Model):
    """One filled questionnaire (填答). No person, no link, no time of day: only the day
    and the visit's context, so an answer cannot be traced back to whoever gave it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    office = models.ForeignKey("core.Office", on_delete=models.CASCADE, related_name="+")
    answered_on = models.DateField(_("answered on"), db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    series = models.CharField(_("series"), max_length=2, blank=True)
    counter = models.PositiveIntegerField(_("counter"), null=True, blank=True)
    wait_band = models.CharField(_("wait"), max_length=5, choices=WaitBand.choices, blank=True)
    # Staff surveys: the respondent's role, shown only for groups of five or more.
    group = models.CharField(_("group"), max_length=40, blank=True)

    class Meta:
        ordering = ["-answered_on", "-id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return f"{self.survey_id}/{self.pk}"


class Answer(models.Model):
    """One question's answer: a score (1–5), a choice's number, or text. A multiple
    choice gives one row per choice ticked."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=LONG_TEXT_MAX)

    class Meta:
        indexes = [models.Index(fields=["question", "value"], name="survey_answer_value")]

    def __str__(self):
        return f"{self.question_id}: {self.value or self.text[:20]}"


class StaffParticipation(models.Model):
    """That a staff member has answered a staff survey, kept apart from the answer so
    the answer holds no person; the database allows one per person and survey."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="staff_survey_once_per_person")
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.user_id}"


class ImprovementAction(models.Model):
    """An improvement action (改善措施) taken on a survey's finding: what, who, by when."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="actions"
    )
    finding = models.TextField(_("finding"), max_length=1000)
    action = models.TextField(_("what will be done"), max_length=1000)
    owner = models.CharField(_("who"), max_length=100)
    due_on = models.DateField(_("by when"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    result = models.TextField(_("result"), max_length=1000, blank=True)

    class Meta:
        ordering = ["done_on", "due_on"]
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")

    def __str__(self):
        return self.action[:60]
