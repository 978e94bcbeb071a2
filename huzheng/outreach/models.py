"""Proactive notices (戶政即時通): registrations people still owe, the calls and letters
about them, the "what next" lists after a life event, and the agencies told of a case."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from huzheng.core.fields import EncryptedEmailField, EncryptedTextField


class Source(models.TextChoices):
    """Where the office learnt that a registration is owed."""

    COURT_RULING = "court", _("court ruling")
    BIRTH_REPORT = "birth", _("reported birth")
    DEATH_REPORT = "death", _("reported death")
    ABROAD = "abroad", _("abroad two years")
    INTERESTED_PARTY = "party", _("change concerning an interested party")
    BOOKLET = "booklet", _("household booklet annotation")


class Origin(models.TextChoices):
    GATEWAY = "gateway", _("registry notification")
    CSV = "csv", _("CSV import")
    MANUAL = "manual", _("entered by staff")


class State(models.TextChoices):
    NEW = "new", _("new")
    TOLD = "told", _("told")
    REMINDED = "reminded", _("written reminder (催告) sent")
    REGISTERED = "registered", _("registered")
    HANDED_OVER = "handed_over", _("handed over for ex-officio registration")
    CLOSED = "closed", _("closed")


OPEN_STATES = (State.NEW, State.TOLD, State.REMINDED)


class WorkItem(models.Model):
    """One registration one person still owes after one event (待辦登記): a court ruling,
    a reported birth or death, two years abroad. The worklist is made of these."""

    wagtail_reference_index_ignore = True  # operational records, not content

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("number"), max_length=30, unique=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    origin = models.CharField(_("came from"), max_length=10, choices=Origin.choices)
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("registration owed"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    person_name = EncryptedTextField(_("person concerned"), max_length=100)
    national_id_hash = models.CharField(max_length=64, db_index=True, editable=False)
    national_id_encrypted = models.TextField(editable=False)
    national_id_masked = models.CharField(_("ID number"), max_length=12, editable=False)
    others = models.CharField(
        _("others concerned"),
        max_length=200,
        blank=True,
        help_text=_("Parents, the other spouse, the guardian …"),
    )
    event_date = models.DateField(_("event date"))
    deadline = models.DateField(_("legal deadline"))
    external_reference = models.CharField(
        _("source reference"),
        max_length=60,
        blank=True,
        help_text=_("The ruling's case number, the hospital's report number …"),
    )
    address = EncryptedTextField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    phone = EncryptedTextField(_("phone"), max_length=30, blank=True)
    email = EncryptedEmailField(_("e-mail"), blank=True)
    note = models.TextField(_("note"), blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible clerk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    told_at = models.DateTimeField(_("told at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    overdue_since = models.DateField(_("overdue since"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    registered_by = models.CharField(_("registered by case or ticket"), max_length=60, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    personal_data_fields = ("person_name", "national_id_masked", "address", "phone", "email")

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("worklist item")
        verbose_name_plural = _("worklist")
        constraints = [
            # One item per person, event and registration: an import seen twice is one item.
            models.UniqueConstraint(
                fields=["national_id_hash", "service", "event_date"],
                name="outreach_item_unique_event",
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("event_date")),
                name="outreach_item_deadline_after_event",
            ),
        ]
        indexes = [models.Index(fields=["office", "state", "deadline"], name="outreach_due")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("outreach_staff:item", args=[self.pk])

    @property
    def is_open(self):
        return self.state in OPEN_STATES


class ItemEvent(models.Model):
    """What happened to an item: a call and its outcome, a letter, a message, a change."""

    wagtail_reference_index_ignore = True  # operational records, not content

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        CALL = "call", _("phone call")
        LETTER = "letter", _("letter")
        MESSAGE = "message", _("message")
        STATE = "state", _("state changed")
        NOTE = "note", _("note")

    class Outcome(models.TextChoices):
        REACHED = "reached", _("reached, will register")
        NO_ANSWER = "no_answer", _("no answer")
        WRONG_NUMBER = "wrong_number", _("wrong number")
        REFUSED = "refused", _("reached, refuses")

    item = models.ForeignKey(WorkItem, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    note = models.TextField(_("note"), blank=True)
    letter = models.ForeignKey(
        "notify.Letter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "notify.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("worklist event")
        verbose_name_plural = _("worklist events")

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.at:%Y-%m-%d}"


class LifeEvent(models.TextChoices):
    BIRTH = "birth", _("after a birth")
    DEATH = "death", _("after a death")
    NAME_CHANGE = "name-change", _("after a name change")


class LifeEventChecklist(ClusterableModel):
    """A "what next" list after a life event (辦理出生登記後相關權益一覽表,
    死亡登記身後事一覽表, 變更姓名後更改相關資料一覽表), edited by the office."""

    event = models.CharField(_("life event"), max_length=20, choices=LifeEvent.choices, unique=True)
    service = models.ForeignKey(
        "catalog.RegistrationService",
        verbose_name=_("registration"),
        help_text=_("Finishing this registration at the counter offers the list."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=100)
    title_en = models.CharField(_("English title"), max_length=150, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("English introduction"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["event"]
        verbose_name = _("what-next list")
        verbose_name_plural = _("what-next lists")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:checklist", args=[self.event])


class ChecklistLine(Orderable):
    """One thing to do after the event, at one agency, with its deadline and contacts."""

    checklist = ParentalKey(LifeEventChecklist, on_delete=models.CASCADE, related_name="lines")
    task = models.CharField(_("what to do"), max_length=200)
    task_en = models.CharField(_("what to do (English)"), max_length=250, blank=True)
    agency = models.CharField(_("agency"), max_length=100)
    agency_en = models.CharField(_("agency (English)"), max_length=150, blank=True)
    deadline = models.CharField(_("deadline"), max_length=100, blank=True)
    deadline_en = models.CharField(_("deadline (English)"), max_length=150, blank=True)
    link = models.URLField(_("link"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("checklist line")
        verbose_name_plural = _("checklist lines")


class AgencyNotice(models.Model):
    """An agency the office notified of a registration case (跨機關通報), for example the
    Bureau of Labor Insurance for a maternity or funeral benefit."""

    wagtail_reference_index_ignore = True  # operational records, not content

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+"
    )
    agency = models.CharField(_("agency"), max_length=100)
    purpose = models.CharField(_("for"), max_length=200, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("agency notice")
        verbose_name_plural = _("agency notices")
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="agency_notice_unique")
        ]

    def __str__(self):
        return f"{self.case_id} → {self.agency}"
