"""Domain operations of the citizens' voice (民意信箱): taking a message in by any channel,
its three-working-day deadline, routing, replies, review by the director, closing, the
satisfaction question and the public tracking. Views, the API, the back office and the
tasks call these functions; every write is here, in one transaction, with its audit entry
and the messages it causes.

Numbers read ``115-HUXI-F00123``: the ROC year of receipt, the office code and a sequence
per office and year that is never reused."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.core import ratelimit, roc
from huzheng.core.models import AuditEntry
from huzheng.core.pagecache import changed
from huzheng.core.roles import DIRECTOR
from huzheng.core.sequences import next_number
from huzheng.core.services import add_working_days, record_audit, working_days_between
from huzheng.core.text import clean_line, clean_text
from huzheng.feedback.intake import (
    MAX_BODY,
    checked_uploads,
    clean_fields,
)
from huzheng.feedback.models import (
    Attachment,
    BlockedSender,
    Channel,
    FeedbackMessage,
    Mailbox,
    MessageEvent,
    ReplyTemplate,
    Status,
)

ANSWER_WORKING_DAYS = 3
# The notify letter template a reply by post is printed from.
REPLY_LETTER_TEMPLATE = "feedback.reply-letter"
# Web messages: at most 5 an hour from one client and 3 an hour to one e-mail address,
# so the form cannot be used to flood the office or to mail strangers.
CLIENT_LIMIT, ADDRESS_LIMIT, SUBMIT_WINDOW = 5, 3, 3600
SCOPE_SUBMIT_CLIENT = "feedback-submit-client"
SCOPE_SUBMIT_ADDRESS = "feedback-submit-address"
CONFIRM_SALT = "feedback.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 3600
RATE_SALT = "feedback.rate"
NOT_FOUND_MESSAGE = gettext_lazy(
    "No message matches this number and e-mail address. Please check what you typed."
)
TOO_MANY_MESSAGE = gettext_lazy(
    "Too many attempts. Please try again later (in about an hour), or call the office."
)
TOO_MANY_LOOKUPS_MESSAGE = gettext_lazy(
    "Too many look-ups that found nothing. Please try again later (in about 10 minutes)."
)
REFUSED_MESSAGE = gettext_lazy(
    "We cannot accept a message from this address. Please call or visit the office."
)


class FeedbackError(Exception):
    """An operation was refused; `message` says why and `errors` maps fields to messages."""

    def __init__(self, code, message, errors=None):
        super().__init__(message)
        self.code, self.message, self.errors = code, message, errors or {}


class MessageNotFound(Exception):
    """One answer for every wrong fact of the public tracking."""


class TooManyAttempts(Exception):
    """A client, an address or a number has used up its attempts for now."""


# --- taking a message in ------------------------------------------------------------------


def submit_web_message(
    *,
    office,
    mailbox,
    name,
    email,
    subject,
    body,
    phone="",
    category=None,
    uploads=(),
    honeypot="",
    client="",
):
    """A message written on the website or sent through the API. It is numbered and dated
    at once but counts only after the writer follows the link e-mailed to them
    (FeedbackError with `errors` per field for bad input; TooManyAttempts over a limit)."""
    if honeypot:
        raise FeedbackError("refused", _("Your message could not be accepted. Please try again."))
    errors = {}
    fields = clean_fields(errors, name=name, email=email, subject=subject, body=body, phone=phone)
    if not fields["email"] and "email" not in errors:
        errors["email"] = _(
            "Please enter your e-mail address: we send the confirmation link there."
        )
    if mailbox not in Mailbox.values:
        errors["mailbox"] = _("Choose the opinion mailbox or the director's mailbox.")
    if category is not None and category.office_id != office.pk:
        errors["category"] = _("Choose one of the categories offered.")
    files = checked_uploads(uploads, errors)
    if errors:
        raise FeedbackError("invalid", _("Please correct the marked fields."), errors)
    if is_blocked(office, fields["email"]):
        raise FeedbackError("blocked", REFUSED_MESSAGE)
    address_key = fields["email"].lower()
    if ratelimit.exceeded(SCOPE_SUBMIT_CLIENT, client, limit=CLIENT_LIMIT) or ratelimit.exceeded(
        SCOPE_SUBMIT_ADDRESS, address_key, limit=ADDRESS_LIMIT
    ):
        raise TooManyAttempts
    ratelimit.counted(SCOPE_SUBMIT_CLIENT, client, window_seconds=SUBMIT_WINDOW)
    ratelimit.counted(SCOPE_SUBMIT_ADDRESS, address_key, window_seconds=SUBMIT_WINDOW)
    with transaction.atomic():
        message = _create(
            office=office,
            mailbox=mailbox,
            channel=Channel.WEB,
            category=category,
            status=Status.UNCONFIRMED,
            **fields,
        )
        for upload, content_type in files:
            Attachment.objects.create(
                message=message,
                filename=clean_line(upload.name, 120) or "attachment",
                content_type=content_type,
                size=len(upload.data),
                data=upload.data,
            )
        _send_confirmation(message)
    return message


def take_message(
    *,
    office,
    channel,
    name,
    subject,
    body,
    email="",
    phone="",
    category=None,
    mailbox=Mailbox.OPINION,
    received_on=None,
    user=None,
):
    """An opinion taken by staff at the counter, by phone, by e-mail or in writing: it
    counts at once and is routed to its category's clerk."""
    errors = {}
    fields = clean_fields(errors, name=name, email=email, subject=subject, body=body, phone=phone)
    if channel not in Channel.values or channel == Channel.WEB:
        errors["channel"] = _("Choose how the opinion was received.")
    if mailbox not in Mailbox.values:
        errors["mailbox"] = _("Choose the opinion mailbox or the director's mailbox.")
    if category is not None and category.office_id != office.pk:
        errors["category"] = _("Choose one of the categories offered.")
    if received_on is not None and received_on > roc.today():
        errors["received_on"] = _("The day received cannot be in the future.")
    if errors:
        raise FeedbackError("invalid", _("Please correct the marked fields."), errors)
    with transaction.atomic():
        message = _create(
            office=office,
            mailbox=mailbox,
            channel=channel,
            category=category,
            status=Status.RECEIVED,
            received_on=received_on,
            user=user,
            **fields,
        )
        _route(message, user=user)
        record_audit(user, AuditEntry.Action.CREATE, message, fields=["name", "email", "body"])
    return message


def confirm(token):
    """Follow the e-mailed link: the message counts from today and is routed. Confirming
    twice is harmless; a bad or old link raises FeedbackError."""
    try:
        pk = signing.loads(str(token or "")[:200], salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise FeedbackError(
            "expired", _("This link has expired (after 7 days). Please write your message again.")
        ) from None
    except signing.BadSignature:
        raise FeedbackError(
            "bad_link", _("This link is not valid. Please copy the whole link from the e-mail.")
        ) from None
    with transaction.atomic():
        message = FeedbackMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None:
            raise FeedbackError("bad_link", _("This message no longer exists."))
        if message.status != Status.UNCONFIRMED:
            return message
        message.received_on = roc.today()
        message.due_on = due_date(message.office, message.received_on)
        message.status = Status.RECEIVED
        message.save(update_fields=["received_on", "due_on", "status"])
        _event(message, "confirmed")
        _route(message)
    changed("feedback")
    return message


def confirm_token(message):
    return signing.dumps(message.pk, salt=CONFIRM_SALT)


def due_date(office, received_on, days=ANSWER_WORKING_DAYS):
    """The third working day after the day of receipt, from the office's calendar
    (holidays, make-up workdays, typhoon days)."""
    return add_working_days(office, received_on, days)


def is_blocked(office, email):
    address = str(email or "").strip().lower()
    if not address:
        return False
    domain = "@" + address.rpartition("@")[2]
    return BlockedSender.objects.filter(office=office, address__in=[address, domain]).exists()


# --- handling -----------------------------------------------------------------------------


def assign(message, clerk, *, user=None):
    """Give the message to a staff member of its office."""
    profile = getattr(clerk, "staff_profile", None)
    if (
        clerk is None
        or not clerk.is_active
        or getattr(profile, "office_id", None) != message.office_id
    ):
        raise FeedbackError("invalid_clerk", _("Choose a staff member of this office."))
    with transaction.atomic():
        message = _locked(message)
        _require_open(message)
        message.assigned_to = clerk
        message.status = Status.ASSIGNED
        message.save(update_fields=["assigned_to", "status"])
        _event(message, "assigned", user=user, note=clerk.get_full_name() or clerk.get_username())
        record_audit(user, AuditEntry.Action.UPDATE, message, fields=["assigned_to"])
    return message


def read_message(message, *, user):
    """A staff member opens a message: its writer's details are a staff read, logged."""
    record_audit(user, AuditEntry.Action.READ, message, fields=["name", "email", "body"])
    return message


def read_reply_letter(message, *, user):
    """The reply letter of a message answered by post, for a staff member to print; the
    read is logged. None when the message was not answered by letter."""
    letter = message.reply_letter
    if letter is not None:
        record_audit(user, AuditEntry.Action.READ, message, fields=["reply_letter"])
    return letter


def read_attachment(message, pk, *, user):
    """One of the message's attachments for a staff member, logged; None if no such one."""
    item = message.attachments.filter(pk=pk).first()
    if item is not None:
        record_audit(user, AuditEntry.Action.READ, message, fields=["attachments"])
    return item


def wait_for_citizen(message, *, user=None, note="", on=None):
    """Stop the clock while the office waits for the writer's reply (a question asked, a
    document missing): recorded with who, when and why."""
    note = clean_text(note)[:2000]
    if not note:
        raise FeedbackError(
            "invalid",
            _("Please say what the office is waiting for."),
            {"note": _("Please say what the office is waiting for.")},
        )
    with transaction.atomic():
        message = _locked(message)
        _require_open(message)
        message.status = Status.WAITING
        message.waiting_since = on or roc.today()
        message.save(update_fields=["status", "waiting_since"])
        _event(message, "waiting", user=user, note=note)
    changed("feedback")
    return message


def resume(message, *, user=None, note="", on=None):
    """The writer replied: the clock runs again with the working days that were left when
    it stopped, counted from the day of the reply (a new due date)."""
    resumed_on = on or roc.today()
    with transaction.atomic():
        message = _locked(message)
        if message.status != Status.WAITING:
            raise FeedbackError("not_waiting", _("This message is not waiting for the writer."))
        since = message.waiting_since or resumed_on
        if resumed_on < since:
            raise FeedbackError("invalid", _("The reply cannot come before the wait began."))
        left = working_days_between(message.office, since, message.due_on)
        message.due_on = due_date(message.office, resumed_on, left)
        message.status = Status.ASSIGNED if message.assigned_to_id else Status.RECEIVED
        message.waiting_since = None
        # The new due date earns its own reminders.
        message.half_time_reminded = message.due_day_reminded = False
        message.save(
            update_fields=[
                "due_on",
                "status",
                "waiting_since",
                "half_time_reminded",
                "due_day_reminded",
            ]
        )
        _event(message, "resumed", user=user, note=clean_text(note)[:2000])
    changed("feedback")
    return message


def templates_for(message):
    """The reply templates offered for a message: its category's, then the general ones."""
    rows = ReplyTemplate.objects.filter(office=message.office)
    if message.category_id:
        rows = rows.filter(category__in=[message.category_id]) | rows.filter(category__isnull=True)
    else:
        rows = rows.filter(category__isnull=True)
    return rows.order_by("category", "title")


def fill_template(template, message):
    return template.body.replace("{name}", message.name).replace("{number}", message.number)


def answer(message, text, *, user, address="", postcode=""):
    """Answer a message. A reply to the director's mailbox written by anyone but the
    director waits for the director's review; otherwise it is sent at once: by e-mail,
    or, given a postal address, as a numbered letter from the outgoing-letter register
    (a written opinion answered in writing)."""
    text = clean_text(text)[:MAX_BODY]
    if not text:
        raise FeedbackError(
            "invalid", _("Please write the reply."), {"reply": _("Please write the reply.")}
        )
    with transaction.atomic():
        message = _locked(message)
        _require_open(message)
        if message.mailbox == Mailbox.DIRECTOR and not is_director(user, message.office):
            if str(address or "").strip():
                raise FeedbackError(
                    "review_first",
                    _(
                        "A reply to the director's mailbox is reviewed first; the director "
                        "sends it by post."
                    ),
                )
            message.draft_reply = text
            message.save(update_fields=["draft_reply"])
            _event(message, "drafted", user=user)
            record_audit(user, AuditEntry.Action.UPDATE, message, fields=["draft_reply"])
            return message
        _send_reply(message, text, user, address=address, postcode=postcode)
    return message


def approve_reply(message, *, user, text=None, address="", postcode=""):
    """The director sends a reply waiting for review, as written or edited."""
    if not is_director(user, message.office):
        raise FeedbackError(
            "not_director", _("Only the director reviews replies to the director's mailbox.")
        )
    with transaction.atomic():
        message = _locked(message)
        _require_open(message)
        text = clean_text(text if text is not None else message.draft_reply)[:MAX_BODY]
        if not text:
            raise FeedbackError("invalid", _("There is no reply to send."))
        _event(message, "reviewed", user=user)
        _send_reply(message, text, user, address=address, postcode=postcode)
    return message


def close(message, *, user=None):
    """Close an answered message and ask the writer the one satisfaction question."""
    with transaction.atomic():
        message = _locked(message)
        if message.status != Status.ANSWERED:
            raise FeedbackError("not_answered", _("Only an answered message can be closed."))
        message.status = Status.CLOSED
        message.closed_at = timezone.now()
        message.save(update_fields=["status", "closed_at"])
        _event(message, "closed", user=user)
        if message.email:
            _notify(
                message,
                _("How did we handle your message %(number)s?") % {"number": message.number},
                _(
                    "Dear %(name)s,\n\nYour message %(number)s is closed. Was the handling "
                    "satisfactory? One question, 1 to 5:\n%(link)s\n"
                )
                % {"name": message.name, "number": message.number, "link": rate_url(message)},
                topic="feedback.rate",
            )
    changed("feedback")
    return message


def transfer(message, agency, *, user=None):
    """Hand a message to the agency that is responsible (移轉他機關) and tell the writer."""
    agency = clean_line(agency, 100)
    if not agency:
        raise FeedbackError(
            "invalid", _("Please name the agency."), {"agency": _("Please name the agency.")}
        )
    with transaction.atomic():
        message = _locked(message)
        _require_open(message)
        message.status = Status.TRANSFERRED
        message.transferred_to = agency
        message.closed_at = timezone.now()
        message.save(update_fields=["status", "transferred_to", "closed_at"])
        _event(message, "transferred", user=user, note=agency)
        if message.email:
            _notify(
                message,
                _("Your message %(number)s was passed on") % {"number": message.number},
                _(
                    "Dear %(name)s,\n\nYour message %(number)s is for %(agency)s, "
                    "which will answer you.\n"
                )
                % {"name": message.name, "number": message.number, "agency": agency},
                topic="feedback.transferred",
            )
    return message


def withdraw(message, *, user=None, note=""):
    """The writer withdrew the message (撤回), recorded by staff."""
    with transaction.atomic():
        message = _locked(message)
        if message.status not in (
            Status.UNCONFIRMED,
            Status.RECEIVED,
            Status.ASSIGNED,
            Status.WAITING,
        ):
            raise FeedbackError("closed", _("This message is no longer open."))
        message.status = Status.WITHDRAWN
        message.closed_at = timezone.now()
        message.save(update_fields=["status", "closed_at"])
        _event(message, "withdrawn", user=user, note=clean_text(note)[:500])
    return message


def rate(token, score, comment=""):
    """The writer's answer to the satisfaction question (民眾意見處理滿意度), once."""
    try:
        pk = signing.loads(str(token or "")[:200], salt=RATE_SALT)
    except signing.BadSignature:
        raise FeedbackError(
            "bad_link", _("This link is not valid. Please copy the whole link from the e-mail.")
        ) from None
    try:
        score = int(str(score).strip())
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise FeedbackError(
            "invalid", _("Choose a score from 1 to 5."), {"score": _("Choose a score from 1 to 5.")}
        )
    with transaction.atomic():
        message = FeedbackMessage.objects.select_for_update().filter(pk=pk).first()
        if message is None or message.status != Status.CLOSED:
            raise FeedbackError("not_closed", _("This message cannot be rated."))
        if message.rated_at is not None:
            raise FeedbackError("rated", _("Thank you: this message has already been rated."))
        message.satisfaction = score
        message.satisfaction_comment = clean_line(comment, 500)
        message.rated_at = timezone.now()
        message.save(update_fields=["satisfaction", "satisfaction_comment", "rated_at"])
        _event(message, "rated", note=str(score))
    return message


def rate_token(message):
    return signing.dumps(message.pk, salt=RATE_SALT)


def rate_url(message):
    return _absolute(reverse("feedback:rate", args=[rate_token(message)]))


def is_director(user, office):
    if not getattr(user, "pk", None):
        return False
    if user.is_superuser:
        return True
    profile = getattr(user, "staff_profile", None)
    return (
        getattr(profile, "office_id", None) in (office.pk, None)
        and user.groups.filter(name=DIRECTOR).exists()
    )


# --- tracking -----------------------------------------------------------------------------


def directors(office):
    """The director's staff accounts of an office (主任)."""
    return get_user_model().objects.filter(
        is_active=True, groups__name=DIRECTOR, staff_profile__office=office
    )


# --- helpers ------------------------------------------------------------------------------


def _create(*, office, mailbox, channel, category, status, received_on=None, user=None, **fields):
    received_on = received_on or roc.today()
    year = roc.roc_year(received_on.year)
    sequence = next_number("feedback", office=office, period=year)
    message = FeedbackMessage.objects.create(
        number=f"{year}-{office.code.upper()}-F{sequence:05d}",
        office=office,
        mailbox=mailbox,
        channel=channel,
        category=category,
        status=status,
        received_on=received_on,
        due_on=due_date(office, received_on),
        **fields,
    )
    _event(message, "received", user=user)
    return message


def _route(message, *, user=None):
    """Give a counted message to its category's clerk, if the category names one."""
    assignee = message.category.assignee if message.category_id else None
    if assignee is None or not assignee.is_active:
        return
    message.assigned_to = assignee
    message.status = Status.ASSIGNED
    message.save(update_fields=["assigned_to", "status"])
    _event(message, "assigned", user=user, note=assignee.get_full_name() or assignee.get_username())


def _send_reply(message, text, user, *, address="", postcode=""):
    now = timezone.now()
    message.reply = text
    message.draft_reply = ""
    message.replied_at = now
    message.replied_by = user if getattr(user, "pk", None) else None
    message.status = Status.ANSWERED
    letter = _reply_letter(message, text, user, address, postcode) if address else None
    message.reply_letter = letter or message.reply_letter
    message.save(
        update_fields=[
            "reply",
            "draft_reply",
            "replied_at",
            "replied_by",
            "status",
            "reply_letter",
        ]
    )
    _event(message, "answered", user=user, note=letter.number if letter else "")
    record_audit(user, AuditEntry.Action.UPDATE, message, fields=["reply"])
    if letter is None and message.email:
        _notify(
            message,
            _("Reply to your message %(number)s") % {"number": message.number},
            _("Dear %(name)s,\n\n%(reply)s\n\nFollow your message: %(link)s\n")
            % {"name": message.name, "reply": text, "link": _absolute(reverse("feedback:track"))},
            topic="feedback.reply",
        )


def _reply_letter(message, text, user, address, postcode):
    """The reply as a letter numbered from the office's outgoing-letter register."""
    from huzheng.notify.letters import LetterError, issue_letter

    try:
        return issue_letter(
            office=message.office,
            template_key=REPLY_LETTER_TEMPLATE,
            recipient=message.name,
            address=address,
            postcode=postcode,
            values={"name": message.name, "reference": message.number, "reply": text},
            topic="feedback.reply",
            reference=message.number,
            user=user,
        )
    except LetterError as exc:
        raise FeedbackError("letter", exc.message, {"address": exc.message}) from None


def _send_confirmation(message):
    link = _absolute(reverse("feedback:confirm", args=[confirm_token(message)]))
    _notify(
        message,
        _("Please confirm your message %(number)s") % {"number": message.number},
        _(
            "Dear %(name)s,\n\nWe received your message “%(subject)s”. It counts once you "
            "confirm it through this link (valid for 7 days):\n%(link)s\n\n"
            "If you did not write to us, ignore this e-mail.\n"
        )
        % {"name": message.name, "subject": message.subject, "link": link},
        topic="feedback.confirm",
    )


def _notify(message, subject, body, *, topic):
    from huzheng.notify import services as notify

    notify.send_email(
        message.email,
        subject,
        body,
        topic=topic,
        reference=message.number,
        office=message.office,
    )


def _event(message, action, *, user=None, note=""):
    return MessageEvent.objects.create(
        message=message,
        action=action,
        status=message.status,
        at=timezone.now(),
        by=user if getattr(user, "pk", None) else None,
        note=note,
    )


def _locked(message):
    return FeedbackMessage.objects.select_for_update().select_related("office").get(pk=message.pk)


def _require_open(message):
    if message.status not in (Status.RECEIVED, Status.ASSIGNED):
        raise FeedbackError("closed", _("This message is no longer open."))


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
