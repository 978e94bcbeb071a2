"""The service catalog: every service an office handles, with what to bring, what it
costs, the legal deadline, the fine for missing it and how long the office takes; the
one-time notice slip; and the e-forms.

The catalog is national (one row per service, shared by every office); what differs by
office — who answers the phone for a service — hangs on ServiceContact.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from huzheng.core.validators import validate_phone


class Category(models.TextChoices):
    REGISTRATION = "registration", _("Household registration")  # 戶籍登記
    ID_CARD = "id_card", _("National ID card")  # 國民身分證
    CERTIFICATE = "certificate", _("Transcripts and certificates")  # 謄本與證明
    HOUSE_NUMBER = "house_number", _("House numbers")  # 門牌
    SEAL = "seal", _("Seal registration")  # 印鑑
    DIGITAL_CERTIFICATE = "digital_certificate", _("Citizen digital certificate")
    NATIONALITY = "nationality", _("Nationality")  # 國籍
    HOME_SERVICE = "home_service", _("Home service")  # 到府服務


class Audience(models.TextChoices):
    GENERAL = "general", _("General public")  # 一般民眾
    INDIGENOUS = "indigenous", _("Indigenous peoples")  # 原住民
    NEW_IMMIGRANTS = "new_immigrants", _("New immigrants")  # 新住民


class RegistrationService(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """One service of the office (申辦項目), with everything a citizen needs to know.

    Changes go through approval: an editor's edit (fees, documents, anything) is a draft
    revision submitted to the director's workflow (主任核可); the row citizens read changes
    only when someone with the publish permission (the director) publishes it."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="registrationservice")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="registrationservice",
        for_concrete_model=False,
    )

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    summary = models.TextField(_("summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    who_may_apply = models.TextField(_("who may apply"), blank=True)
    who_may_apply_en = models.TextField(_("who may apply (English)"), blank=True)

    # The statutory application deadline (申請期限): months and days after the event,
    # as 戶籍法 第48條 writes them (30 days; 60 days for a birth; a move counts from
    # three months away, then 30 days).
    deadline_months = models.PositiveSmallIntegerField(
        _("deadline: months"),
        null=True,
        blank=True,
        help_text=_("For moves: the three months of absence that create the duty."),
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("deadline: days"),
        null=True,
        blank=True,
        help_text=_("Days after the event (or after the months above) to apply."),
    )
    deadline_note = models.CharField(_("deadline in words"), max_length=200, blank=True)
    deadline_basis = models.CharField(_("legal basis of the deadline"), max_length=200, blank=True)
    late_fine_applies = models.BooleanField(
        _("late application is fined"),
        default=False,
        help_text=_("戶籍法 第79條: NT$300–900 by days late, NT$900 after a reminder."),
    )
    fine_basis = models.CharField(_("legal basis of the fine"), max_length=200, blank=True)

    # The office's processing time limit (處理期限): 0 = done while you wait (隨到隨辦).
    processing_working_days = models.PositiveSmallIntegerField(
        _("processing time (working days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(365)],
        help_text=_("0 for done while you wait; empty when the office does not decide it."),
    )
    processing_note = models.CharField(_("processing time in words"), max_length=200, blank=True)

    cross_office = models.BooleanField(
        _("at any office"),
        default=False,
        help_text=_("Can be applied for at any household registration office (跨所辦理)."),
    )
    where_note = models.CharField(
        _("where, in words"),
        max_length=200,
        blank=True,
        help_text=_(
            "When the rule is neither any office nor only yours: say where, with its source."
        ),
    )
    where_note_en = models.CharField(_("where, in words (English)"), max_length=250, blank=True)
    bookable = models.BooleanField(_("can be booked online"), default=False)
    # Set from the office's own figures, never a made-up default: empty, the public pages
    # say to ask the office and a booking takes one step of the office's booking grid.
    appointment_minutes = models.PositiveSmallIntegerField(
        _("appointment length (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
        help_text=_(
            "How long a booked appointment for this service takes at the counter. Leave "
            "empty until the office has its own figure; the public pages then say to ask "
            "the office."
        ),
    )
    appointment_minutes_source = models.CharField(
        _("source of the appointment length"),
        max_length=200,
        blank=True,
        help_text=_("Where the figure comes from, such as the counters' times of 2025."),
    )
    is_hot = models.BooleanField(_("hot service"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    for_general = models.BooleanField(_("for the general public"), default=True)
    for_indigenous = models.BooleanField(_("for indigenous peoples"), default=False)
    for_new_immigrants = models.BooleanField(_("for new immigrants"), default=False)

    legal_references = models.TextField(
        _("legal references"), blank=True, help_text=_("One per line.")
    )
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Where each fact comes from, one per line.")
    )
    unverified = models.TextField(
        _("not yet verified"),
        blank=True,
        help_text=_(
            "Figures no source confirms yet, one per line: the office's review list in the "
            "back office, never shown to the public."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    search_fields = [
        index.SearchField("name", boost=4),
        index.SearchField("name_en", boost=2),
        index.SearchField("summary"),
        index.SearchField("who_may_apply"),
        index.FilterField("category"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        # Wagtail adds it for snippets with a draft state too; declared here so it exists
        # as soon as the table does (roles give it to the director only).
        permissions = [("publish_registrationservice", _("Can publish service"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_days__isnull=False) | Q(deadline_months__isnull=True),
                name="service_deadline_months_need_days",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("catalog:service_detail", args=[self.slug])

    @property
    def audiences(self):
        flags = {
            Audience.GENERAL: self.for_general,
            Audience.INDIGENOUS: self.for_indigenous,
            Audience.NEW_IMMIGRANTS: self.for_new_immigrants,
        }
        return [audience for audience, on in flags.items() if on]

    @property
    def legal_reference_lines(self):
        return [line.strip() for line in self.legal_references.splitlines() if line.strip()]

    @property
    def has_deadline(self):
        return self.deadline_days is not None


class RequiredDocument(Orderable):
    """A document to bring (應備證件), with its alternatives; or one the office looks up
    itself (免附), which the citizen need not bring."""

    service = ParentalKey(RegistrationService, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("document"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=250, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    alternatives = models.CharField(_("or instead"), max_length=300, blank=True)
    where_to_get = models.CharField(_("where to get it"), max_length=300, blank=True)
    office_looks_up = models.BooleanField(
        _("the office looks it up"),
        default=False,
        help_text=_("The office checks it through cross-agency links; no need to bring it."),
    )
    condition = models.CharField(
        _("only when"),
        max_length=60,
        blank=True,
        help_text=_("A checklist answer, such as not_head=yes; empty for always."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.name

    def applies(self, answers):
        """True when this document is needed given the checklist answers."""
        if not self.condition:
            return True
        key, _sep, value = self.condition.partition("=")
        return answers.get(key.strip()) == value.strip()


class Fee(Orderable):
    """A fee (規費) of a service: NT$ per unit, and for some items a lower price for each
    further copy in the same application (英文戶籍謄本: 100, then 15)."""

    service = ParentalKey(RegistrationService, on_delete=models.CASCADE, related_name="fees")
    label = models.CharField(_("item"), max_length=150)
    label_en = models.CharField(_("English item"), max_length=200, blank=True)
    amount = models.PositiveIntegerField(
        _("NT$"),
        null=True,
        blank=True,
        help_text=_(
            "Empty when the office sets the figure itself: the site says to ask the office."
        ),
    )
    unit = models.CharField(_("per"), max_length=20)
    unit_en = models.CharField(_("per (English)"), max_length=30, blank=True)
    additional_amount = models.PositiveIntegerField(
        _("NT$ for each further copy"), null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the figure comes from.")
    )
    verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_(
            "Unticked: on the office's review list of facts to verify; never shown publicly."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("fee")
        verbose_name_plural = _("fees")

    def __str__(self):
        if self.amount is None:
            return self.label
        return f"{self.label} NT${self.amount}"

    @property
    def set_by_office(self):
        """The office sets this figure and has not entered it: ask the office."""
        return self.amount is None


class ProcessStep(Orderable):
    """One step of how the office handles the application (處理流程)."""

    service = ParentalKey(RegistrationService, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(_("step"), max_length=300)
    text_en = models.CharField(_("English step"), max_length=400, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")

    def __str__(self):
        return self.text


class ChecklistQuestion(Orderable):
    """A question of the "what do I need to bring?" checklist that changes the answer for
    this service; documents name it in their `condition`."""

    service = ParentalKey(RegistrationService, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("key"), max_length=40)
    text = models.CharField(_("question"), max_length=200)
    text_en = models.CharField(_("English question"), max_length=250, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("checklist question")
        verbose_name_plural = _("checklist questions")
        constraints = [
            models.UniqueConstraint(fields=["service", "key"], name="question_unique_key"),
        ]

    def __str__(self):
        return self.text


class ServiceContact(Orderable):
    """Who answers for a service at one office (承辦人及電話)."""

    service = ParentalKey(RegistrationService, on_delete=models.CASCADE, related_name="contacts")
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("job title"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30, validators=[validate_phone])

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.title} {self.phone}"


class FineRule(models.Model):
    """A line of the fine schedule (戶籍罰鍰處罰金額基準表)."""

    article = models.CharField(_("article"), max_length=40)
    offence = models.CharField(_("offence"), max_length=200)
    offence_en = models.CharField(_("English offence"), max_length=250, blank=True)
    condition = models.CharField(_("when"), max_length=200)
    condition_en = models.CharField(_("when (English)"), max_length=250, blank=True)
    min_days_late = models.PositiveSmallIntegerField(_("from day late"), null=True, blank=True)
    max_days_late = models.PositiveSmallIntegerField(_("to day late"), null=True, blank=True)
    amount = models.PositiveIntegerField(_("NT$"))
    basis = models.CharField(_("basis"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("fine rule")
        verbose_name_plural = _("fine schedule")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "condition"], name="fine_rule_unique_condition"
            ),
        ]

    def __str__(self):
        return f"{self.article} {self.condition} NT${self.amount}"


class NoticeSlip(models.Model):
    """A one-time notice slip (一次告知單): everything still missing for a service, told in
    one go so nobody comes back twice. A snapshot: it does not change when the catalog does."""

    number = models.CharField(_("slip number"), max_length=40, unique=True)
    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="notice_slips",
    )
    service = models.ForeignKey(
        RegistrationService,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="notice_slips",
    )
    service_name = models.CharField(_("service"), max_length=150)
    missing = models.JSONField(_("still missing"), default=list)
    brought = models.JSONField(_("already brought"), default=list)
    fees = models.JSONField(_("fees"), default=list)
    deadline = models.DateField(_("apply by"), null=True, blank=True)
    event_date = models.DateField(_("date of the event"), null=True, blank=True)
    applicant_label = models.CharField(
        _("shown as"),
        max_length=40,
        blank=True,
        help_text=_("Only what the applicant chose to show, for example 王先生."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice slip")
        verbose_name_plural = _("notice slips")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("catalog:slip_detail", args=[self.number])
