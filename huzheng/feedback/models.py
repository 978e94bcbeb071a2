"""The citizens' voice (民意信箱): one register for the opinion mailbox, the director's
mailbox and opinions taken at the counter, by phone and in writing; reply templates, the
block list and the register of incoming official documents (公文)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huzheng.core.fields import EncryptedTextField


class Mailbox(models.TextChoices):
    OPINION = "opinion", _("Opinion mailbox")  # 意見信箱
    DIRECTOR = "director", _("Director's mailbox")  # 主任信箱


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    COUNTER = "counter", _("At the counter")
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")
    WRITTEN = "written", _("In writing")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the e-mail confirmation")
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    # The clock is stopped while the office waits for the writer's reply (待民眾補正).
    WAITING = "waiting", _("Waiting for the writer's reply")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    TRANSFERRED = "transferred", _("Transferred to another agency")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED)
COUNTED_STATUSES = (
    Status.RECEIVED,
    Status.ASSIGNED,
    Status.WAITING,
    Status.ANSWERED,
    Status.CLOSED,
    Status.TRANSFERRED,
    Status.WITHDRAWN,
)


class Category(models.Model):
    """What a message is about (意見類別), and who answers that kind of message."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["office", "ordering", "name"]
        verbose_name = _("message category")
        verbose_name_plural = _("message categories")
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="feedback_category_name")
        ]

    def __str__(self):
        return self.name


class FeedbackMessage(models.Model):
    """One opinion, complaint or question (民眾意見) in the register, whatever its channel."""

    Status = Status
    Mailbox = Mailbox
    Channel = Channel

    personal_data_fields = ("name", "email", "phone", "body")

    number = models.CharField(_("number"), max_length=40, unique=True)
    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    mailbox = models.CharField(
        _("mailbox"), max_length=10, choices=Mailbox.choices, default=Mailbox.OPINION
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    name = EncryptedTextField(_("name"), max_length=100)
    email = EncryptedTextField(_("e-mail"), max_length=254, blank=True)
    phone = EncryptedTextField(_("phone"), max_length=30, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    # The day the office began waiting for the writer's reply; the clock is stopped.
    waiting_since = models.DateField(_("waiting since"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A reply written by a clerk to the director's mailbox waits here for the director.
    draft_reply = models.TextField(_("reply waiting for review"), blank=True)
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A written opinion answered by post: the letter in the outgoing-letter register (發文簿).
    reply_letter = models.ForeignKey(
        "notify.Letter",
        verbose_name=_("reply letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transferred_to = models.CharField(_("transferred to"), max_length=100, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    satisfaction_comment = models.CharField(_("comment"), max_length=500, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    half_time_reminded = models.BooleanField(default=False, editable=False)
    due_day_reminded = models.BooleanField(default=False, editable=False)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("citizen's message")
        verbose_name_plural = _("citizens' messages")
        indexes = [models.Index(fields=["office", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="feedback_satisfaction_1_to_5",
            )
        ]

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES


ACTION_LABELS = {
    "received": _("received"),
    "confirmed": _("confirmed by e-mail"),
    "assigned": _("assigned"),
    "drafted": _("reply drafted for review"),
    "reviewed": _("reviewed by the director"),
    "waiting": _("waiting for the writer's reply"),
    "resumed": _("the writer replied; the clock runs again"),
    "answered": _("answered"),
    "closed": _("closed"),
    "transferred": _("passed on"),
    "withdrawn": _("withdrawn"),
    "rated": _("rated"),
    "reminded": _("reminder sent"),
    "escalated": _("escalated to the director"),
}


class MessageEvent(models.Model):
    """One line of a message's history: who did what, when (處理紀錄)."""

    message = models.ForeignKey(FeedbackMessage, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("message event")

    def __str__(self):
        return f"{self.message_id} {self.action}"

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)


class Attachment(models.Model):
    """A file sent with a message; kept as bytes and only ever offered as a download."""

    message = models.ForeignKey(
        FeedbackMessage, on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveIntegerField(_("size"))
    data = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("attachment")

    def __str__(self):
        return self.filename


class ReplyTemplate(models.Model):
    """A reply the office keeps for a kind of message (回覆範本); edited before sending."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Empty: offered for every category."),
    )
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(
        _("text"), help_text=_("{name} and {number} are replaced by the writer's name and number.")
    )

    class Meta:
        ordering = ["office", "title"]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self):
        return self.title


class BlockedSender(models.Model):
    """An address or a whole domain (@example.com) whose messages are refused (封鎖名單)."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    address = models.CharField(
        _("address or @domain"),
        max_length=254,
        help_text=_("For example spam@example.com or @example.com"),
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")
        constraints = [
            models.UniqueConstraint(fields=["office", "address"], name="feedback_blocked_address")
        ]

    def __str__(self):
        return self.address


class Speed(models.TextChoices):
    """The speed class of an official document (速別) and its default working days."""

    MOST_URGENT = "most_urgent", _("Most urgent (最速件)")
    URGENT = "urgent", _("Urgent (速件)")
    NORMAL = "normal", _("Normal (普通件)")


DEFAULT_SPEED_DAYS = {Speed.MOST_URGENT: 1, Speed.URGENT: 3, Speed.NORMAL: 6}


class DocumentStage(models.TextChoices):
    RECEIVED = "received", _("Received (收文)")
    ASSIGNED = "assigned", _("Assigned (分文)")
    PROCESSING = "processing", _("Being handled (承辦中)")
    REPLIED = "replied", _("Replied (已發文)")
    FILED = "filed", _("Filed (歸檔)")


DOCUMENT_STAGE_ORDER = [stage.value for stage in DocumentStage]


class SpeedLimit(models.Model):
    """An office's own working days for a speed class, where it departs from the default."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.CASCADE, related_name="+"
    )
    speed = models.CharField(_("speed class"), max_length=12, choices=Speed.choices)
    working_days = models.PositiveSmallIntegerField(_("working days"))

    class Meta:
        verbose_name = _("speed class limit")
        verbose_name_plural = _("speed class limits")
        constraints = [
            models.UniqueConstraint(fields=["office", "speed"], name="feedback_speed_per_office")
        ]

    def __str__(self):
        return f"{self.get_speed_display()} {self.working_days}"


class OfficialDocument(models.Model):
    """An incoming official document (收文) and its way through the office to the reply."""

    office = models.ForeignKey(
        "core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    received_number = models.CharField(_("incoming number (收文字號)"), max_length=40)
    sender = models.CharField(_("sender"), max_length=100)
    sender_number = models.CharField(_("sender's number (來文字號)"), max_length=60, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    speed = models.CharField(
        _("speed class"), max_length=12, choices=Speed.choices, default=Speed.NORMAL
    )
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    stage = models.CharField(
        _("stage"), max_length=12, choices=DocumentStage.choices, default=DocumentStage.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_number = models.CharField(_("reply number (發文字號)"), max_length=60, blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "received_number"], name="feedback_document_number"
            )
        ]

    def __str__(self):
        return self.received_number


class DocumentEvent(models.Model):
    document = models.ForeignKey(OfficialDocument, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(_("stage"), max_length=12, choices=DocumentStage.choices)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("document event")

    def __str__(self):
        return f"{self.document_id} {self.stage}"
