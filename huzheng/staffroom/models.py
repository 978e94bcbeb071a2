"""The staff room (同仁園地): the Q&A book of common questions, the law question bank and
tests, training sessions, the best-staff vote and the innovation proposals."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


# --- the Q&A book (戶政業務常見 Q&A 問答集) ------------------------------------------------------


class QAEntry(models.Model):
    """A common question and its answer for staff, versioned: each change keeps the
    previous wording with who changed it."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), max_length=5000)
    laws = models.CharField(
        _("laws and interpretations"),
        max_length=300,
        blank=True,
        help_text=_("For example 戶籍法第48條; 內政部函釋 …"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    changed_by = models.ForeignKey(
        USER, verbose_name=_("changed by"), null=True, on_delete=models.SET_NULL, editable=False
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    # Folded question, answer and laws (core.text.fold), what the search matches.
    folded = models.TextField(editable=False, blank=True)
    published_to = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sent to the public FAQ page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["service__sort_order", "question"]
        verbose_name = _("Q&A entry")
        verbose_name_plural = _("Q&A book")

    def __str__(self):
        return self.question


class QAVersion(models.Model):
    """An earlier wording of a Q&A entry, kept when it was changed."""

    entry = models.ForeignKey(QAEntry, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    question = models.CharField(max_length=300)
    answer = models.TextField()
    laws = models.CharField(max_length=300, blank=True)
    changed_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["entry", "version"], name="qa_version_once")]

    def __str__(self):
        return f"{self.entry_id} v{self.version}"


# --- law tests and training (法令測驗、研習訓練) --------------------------------------------------


class LawQuestion(models.Model):
    """A question of the bank: single choice or true/false, by topic and law article."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        TRUE_FALSE = "truefalse", _("true or false")

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=60)
    article = models.CharField(_("law article"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"), max_length=1000)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("Single choice: one choice a line.")
    )
    correct = models.PositiveSmallIntegerField(
        _("correct answer"),
        help_text=_(
            "The number of the right choice (1 = first line); true/false: 1 true, 2 false."
        ),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["topic", "pk"]
        verbose_name = _("law question")
        verbose_name_plural = _("law question bank")

    def __str__(self):
        return self.text[:60]

    def options(self):
        """[(number, text)] the staff member chooses from."""
        if self.kind == self.Kind.TRUE_FALSE:
            return [(1, _("true")), (2, _("false"))]
        lines = [line.strip() for line in self.choices.splitlines() if line.strip()]
        return list(enumerate(lines, start=1))


class LawTest(models.Model):
    """A law test (法規測驗): N questions drawn at random for each staff member, taken
    once within the minutes allowed, open between two dates."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=120)
    topic = models.CharField(
        _("topic"), max_length=60, blank=True, help_text=_("Empty: questions of every topic.")
    )
    question_count = models.PositiveSmallIntegerField(_("questions drawn"), default=10)
    minutes = models.PositiveSmallIntegerField(_("minutes allowed"), default=20)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=60)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("law test")
        verbose_name_plural = _("law tests")
        constraints = [
            models.CheckConstraint(
                condition=Q(question_count__gte=1) & Q(minutes__gte=1) & Q(pass_mark__lte=100),
                name="law_test_sensible",
            )
        ]

    def __str__(self):
        return self.title


class TestAttempt(models.Model):
    """One staff member's taking of a test; the database allows one per person."""

    __test__ = False  # not a pytest class

    test = models.ForeignKey(LawTest, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # percent
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["test", "user"], name="law_test_once_per_person")
        ]

    def __str__(self):
        return f"{self.test} · {self.user}"


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(TestAttempt, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(LawQuestion, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    chosen = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.attempt_id}.{self.position}"


class TrainingSession(models.Model):
    """A law seminar or training session (法令研討、教育訓練) and who attended."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=100, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, default=2)
    materials = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("materials"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attendees = models.ManyToManyField(
        USER, verbose_name=_("attended"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return self.topic


# --- the best-staff vote (績優服務人員票選) ----------------------------------------------------


class VotePeriod(models.Model):
    """A month or quarter in which the office's staff vote for a colleague."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=100)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("vote period")
        verbose_name_plural = _("vote periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="vote_period_closes_after_opening"
            )
        ]

    def __str__(self):
        return self.title


class Vote(models.Model):
    """One staff member's vote; the database allows one per person and period, and
    never a vote for oneself. Same office: the service checks both profiles."""

    period = models.ForeignKey(VotePeriod, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["period", "voter"], name="vote_once_per_period"),
            models.CheckConstraint(condition=~Q(voter=F("candidate")), name="vote_never_self"),
        ]

    def __str__(self):
        return f"{self.period_id}: {self.voter_id} → {self.candidate_id}"


# --- innovation proposals (創新提案) ------------------------------------------------------------


class ProposalState(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")  # 已提案
    REVIEW = "review", _("under review")  # 審議中
    ADOPTED = "adopted", _("adopted")  # 採納
    NOT_ADOPTED = "rejected", _("not adopted")  # 不採納
    TRIAL = "trial", _("in trial")  # 試行中
    STANDARD = "standard", _("standard practice")  # 標準作業


class Proposal(models.Model):
    """A staff member's innovation proposal (創新提案) and the team's decision."""

    State = ProposalState

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    problem = models.TextField(_("problem seen"), max_length=3000)
    idea = models.TextField(_("idea"), max_length=3000)
    savings = models.TextField(
        _("what it saves citizens (time or money)"), max_length=1000, blank=True
    )
    needs = models.TextField(_("what it needs"), max_length=1000, blank=True)
    submitted_by = models.ForeignKey(
        USER, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.SUBMITTED
    )
    reason = models.TextField(_("reasons for the decision"), max_length=2000, blank=True)
    reward = models.CharField(_("reward"), max_length=200, blank=True, help_text=_("嘉獎 etc."))
    sop_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("standard operating procedure page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("innovation proposal")
        verbose_name_plural = _("innovation proposals")
        permissions = [("review_proposal", _("Can review innovation proposals"))]

    def __str__(self):
        return self.title


class ProposalEvent(models.Model):
    """A step in a proposal's history: a state change, a meeting, a reward, evidence."""

    class Kind(models.TextChoices):
        STATE = "state", _("state changed")
        MEETING = "meeting", _("meeting")
        REWARD = "reward", _("reward")
        EVIDENCE = "evidence", _("evidence")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=ProposalState.choices, blank=True)
    note = models.TextField(max_length=3000, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.proposal_id} {self.kind}"
