"""Updates the applicant asks for (案件進度通知): the signed sign-up token of the progress
page, opting in and out by channel, the stop links, and the messages a moving case
sends to an applicant who asked for them."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.cases.models import Case
from huzheng.cases.services.errors import OptInError
from huzheng.core import crypto, ratelimit
from huzheng.core.models import AuditEntry
from huzheng.core.services import record_audit
from huzheng.core.validators import MAX_EMAIL_LENGTH, clean_email, mobile_number
from huzheng.notify import services as notify
from huzheng.surveys.services import case_survey_message

# Opting in online: the progress page carries a signed token of the case, good for 30
# minutes, so the sign-up proves a recent successful look-up without a second one. The
# stop links in messages are signed with another salt and never expire.
OPT_IN_SALT = "cases.notify"
OPT_IN_MAX_AGE = 30 * 60
STOP_SALT = "cases.notify.stop"
CHANNEL_EMAIL = "email"
CHANNEL_SMS = "sms"
CHANNELS = (CHANNEL_EMAIL, CHANNEL_SMS)
# At most this many sign-ups per case in the token's lifetime, so a token cannot be used
# to send confirmations to a stream of strangers' addresses.
OPT_IN_LIMIT = 5
SCOPE_OPT_IN = "cases-opt-in"
MAX_CONTACT_INPUT = 300

BAD_TOKEN_MESSAGE = gettext_lazy(
    "This link is not valid. Please look up the case again and use the form on its page."
)
EXPIRED_TOKEN_MESSAGE = gettext_lazy(
    "This page has expired (after 30 minutes). Please look up the case again."
)
CLOSED_MESSAGE = gettext_lazy("This case is closed, so there will be no more updates to send.")
BAD_STOP_MESSAGE = gettext_lazy(
    "This stop link is not valid. Please copy the whole link from the message, or call the office."
)


def notify_applicant(case):
    """An e-mail and/or a text message to an applicant who asked for them, each with its
    channel's stop link; a failed delivery is recorded by notify and never stops the case."""
    if not (case.notify_email or case.notify_sms):
        return
    survey = case_survey_message(case)
    values = {
        "reference": case.number,
        "office": case.office.name,
        "stage": case.get_stage_display(),
        "note": f" {survey}" if survey else "",
    }
    # The words are the notify templates case.update-email and case.update-sms.
    if case.notify_email and case.email:
        notify.send_template(
            "case.update-email",
            case.email,
            {**values, "link": stop_url(case, CHANNEL_EMAIL)},
            language=translation.get_language() or settings.LANGUAGE_CODE,
            topic="case",
            reference=case.number,
            office=case.office,
        )
    if case.notify_sms and case.phone:
        notify.send_template(
            "case.update-sms",
            case.phone,
            {**values, "link": stop_url(case, CHANNEL_SMS)},
            language=translation.get_language() or settings.LANGUAGE_CODE,
            topic="case",
            reference=case.number,
            office=case.office,
        )


def opt_in_token(case):
    """The signed token the progress page's sign-up form carries (30 minutes)."""
    return signing.dumps(case.pk, salt=OPT_IN_SALT)


def case_for_opt_in(token):
    """The case a sign-up token names; OptInError when it is expired, tampered or gone."""
    try:
        pk = signing.loads(_token_text(token), salt=OPT_IN_SALT, max_age=OPT_IN_MAX_AGE)
    except signing.SignatureExpired:
        raise OptInError("expired", EXPIRED_TOKEN_MESSAGE) from None
    except signing.BadSignature:
        raise OptInError("bad_token", BAD_TOKEN_MESSAGE) from None
    case = Case.objects.select_related("office").filter(pk=pk).first() if type(pk) is int else None
    if case is None:
        raise OptInError("bad_token", BAD_TOKEN_MESSAGE)
    return case


def opt_in(case, *, email="", phone=""):
    """The applicant asks online for an e-mail and/or a text message when the case moves
    (案件進度通知). A contact for a channel with none on file (or the same one again) is
    taken at once and gets one confirmation with its stop link. A contact that would
    replace another is not taken yet: the new one gets a link to confirm the change
    (`contact_change_url`) and the old one a notice, so the case number and birth date
    alone cannot redirect someone's updates (issue 15, finding 13). Returns the case;
    its `pending_channels` lists the channels waiting for confirmation. OptInError names
    every bad field at once."""
    if case.is_closed:
        raise OptInError("closed", CLOSED_MESSAGE)
    errors = {}
    clean_email = _opt_in_email(email, errors)
    clean_phone = _opt_in_mobile(phone, errors)
    if errors:
        raise OptInError("invalid", next(iter(errors.values())), errors)
    if not (clean_email or clean_phone):
        message = _("Please enter an e-mail address or a mobile phone number, or both.")
        raise OptInError("empty", message, {"email": message})
    if ratelimit.exceeded(SCOPE_OPT_IN, case.pk, limit=OPT_IN_LIMIT):
        raise OptInError(
            "too_many",
            _("This case has had too many sign-ups just now. Please try again later."),
        )
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("office").get(pk=case.pk)
        if locked.is_closed:
            raise OptInError("closed", CLOSED_MESSAGE)
        fields, channels, pending = [], [], []
        for channel, value in ((CHANNEL_EMAIL, clean_email), (CHANNEL_SMS, clean_phone)):
            if not value:
                continue
            contact, flag = CONTACT_FIELDS[channel]
            current = getattr(locked, contact)
            if current and current != value:
                pending.append((channel, current, value))
                continue
            setattr(locked, contact, value)
            setattr(locked, flag, True)
            fields += [contact, flag]
            channels.append(channel)
        if fields:
            locked.save(update_fields=fields)
        if channels:
            transaction.on_commit(lambda: _confirm_opt_in(locked, channels))
        for channel, current, value in pending:
            transaction.on_commit(
                lambda c=channel, o=current, v=value: _ask_to_confirm_change(locked, c, o, v)
            )
    ratelimit.counted(SCOPE_OPT_IN, case.pk, window_seconds=OPT_IN_MAX_AGE)
    locked.pending_channels = [channel for channel, _old, _new in pending]
    return locked


# --- confirming a changed contact (finding 13) ---------------------------------------------
# The link sent to the new contact is signed (tampering is refused), expires after
# CHANGE_MAX_AGE, carries the new contact encrypted (a URL is logged in many places) and a
# keyed hash of the contact it replaces: once the change is made, or the contact changed
# another way, the link no longer applies, so it works once.

CHANGE_SALT = "cases.notify.change"
CHANGE_MAX_AGE = 24 * 60 * 60
CONTACT_FIELDS = {CHANNEL_EMAIL: ("email", "notify_email"), CHANNEL_SMS: ("phone", "notify_sms")}
BAD_CHANGE_MESSAGE = gettext_lazy(
    "This confirmation link is not valid, or the contact has changed since it was sent. "
    "Please copy the whole link from the message, or sign up again from the case's page."
)
EXPIRED_CHANGE_MESSAGE = gettext_lazy(
    "This confirmation link has expired (after 24 hours). Please sign up again from the "
    "case's page."
)


def contact_change_token(case, channel, old, new):
    return signing.dumps(
        [case.pk, channel, crypto.encrypt(new), _contact_hash(old)], salt=CHANGE_SALT, compress=True
    )


def contact_change_url(case, channel, old, new):
    token = contact_change_token(case, channel, old, new)
    path = reverse("cases:notify_confirm", kwargs={"token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def contact_change_for(token):
    """(case, channel, new contact) of a confirmation link that still applies; OptInError
    when it is tampered, expired, used or overtaken by another change."""
    try:
        value = signing.loads(_token_text(token), salt=CHANGE_SALT, max_age=CHANGE_MAX_AGE)
    except signing.SignatureExpired:
        raise OptInError("expired", EXPIRED_CHANGE_MESSAGE) from None
    except signing.BadSignature:
        raise OptInError("bad_token", BAD_CHANGE_MESSAGE) from None
    if not (
        isinstance(value, list)
        and len(value) == 4
        and type(value[0]) is int
        and value[1] in CHANNELS
        and all(isinstance(part, str) for part in value[2:])
    ):
        raise OptInError("bad_token", BAD_CHANGE_MESSAGE)
    pk, channel, sealed, old_hash = value
    case = Case.objects.select_related("office").filter(pk=pk).first()
    if case is None or _contact_hash(getattr(case, CONTACT_FIELDS[channel][0])) != old_hash:
        raise OptInError("bad_token", BAD_CHANGE_MESSAGE)
    if case.is_closed:
        raise OptInError("closed", CLOSED_MESSAGE)
    try:
        new = crypto.decrypt(sealed)
    except crypto.DecryptionError:
        raise OptInError("bad_token", BAD_CHANGE_MESSAGE) from None
    return case, channel, new


def confirm_contact_change(token):
    """The new contact confirmed: it replaces the old one, and gets the usual
    confirmation with its stop link. Returns (case, channel)."""
    case, channel, new = contact_change_for(token)
    contact, flag = CONTACT_FIELDS[channel]
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("office").get(pk=case.pk)
        if getattr(locked, contact) != getattr(case, contact):
            raise OptInError("bad_token", BAD_CHANGE_MESSAGE)  # changed meanwhile
        setattr(locked, contact, new)
        setattr(locked, flag, True)
        locked.save(update_fields=[contact, flag])
        record_audit(None, AuditEntry.Action.UPDATE, locked, fields=[contact], reason="confirmed")
        transaction.on_commit(lambda: _confirm_opt_in(locked, [channel]))
    return locked, channel


def _contact_hash(value):
    return crypto.lookup_hash(f"case-contact:{value or ''}")


def _ask_to_confirm_change(case, channel, old, new):
    values = {"number": case.number, "office": case.office.name}
    url = contact_change_url(case, channel, old, new)
    if channel == CHANNEL_EMAIL:
        ask = _(
            "Someone asked to get the updates of case %(number)s at %(office)s at this "
            "address instead of the one on file. To confirm, open the link below within 24 "
            "hours. If it was not you, ignore this e-mail: nothing changes."
        )
        notify.send_email(
            new,
            _("Confirm your address for case %(number)s") % values,
            f"{ask % values}\n\n{url}",
            topic="case",
            reference=case.number,
        )
        notice = _(
            "Someone asked to send the updates of case %(number)s at %(office)s to another "
            "e-mail address. Nothing changes unless that address confirms within 24 hours. If "
            "it was not you, please call the office at %(phone)s."
        )
        notify.send_email(
            old,
            _("A change of address was asked for case %(number)s") % values,
            notice % {**values, "phone": case.office.phone},
            topic="case",
            reference=case.number,
        )
    else:
        ask = _(
            "To get the updates of case %(number)s at %(office)s at this number, confirm "
            "within 24 hours: %(url)s If it was not you, ignore this text."
        )
        notify.send_sms(new, ask % {**values, "url": url}, topic="case", reference=case.number)
        notice = _(
            "Someone asked to send the updates of case %(number)s to another number. Nothing "
            "changes unless it confirms. Not you? Call %(phone)s."
        )
        notify.send_sms(
            old,
            notice % {**values, "phone": case.office.phone},
            topic="case",
            reference=case.number,
        )


def stop_token(case, channel):
    """The signed, never-expiring token of a message's stop link: the case and channel."""
    return signing.dumps([case.pk, channel], salt=STOP_SALT)


def stop_url(case, channel):
    path = reverse("cases:notify_stop", kwargs={"token": stop_token(case, channel)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def case_for_stop(token):
    """(case, channel) of a stop link; OptInError when the link is tampered or the case gone."""
    try:
        value = signing.loads(_token_text(token), salt=STOP_SALT)
    except signing.BadSignature:
        raise OptInError("bad_token", BAD_STOP_MESSAGE) from None
    if not (
        isinstance(value, list)
        and len(value) == 2
        and type(value[0]) is int
        and value[1] in CHANNELS
    ):
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    case = Case.objects.select_related("office").filter(pk=value[0]).first()
    if case is None:
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    return case, value[1]


def opt_out(case, channel):
    """Stop one channel's updates for the case; stopping twice is no error."""
    if channel not in CHANNELS:
        raise OptInError("bad_token", BAD_STOP_MESSAGE)
    field = "notify_email" if channel == CHANNEL_EMAIL else "notify_sms"
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if getattr(locked, field):
            setattr(locked, field, False)
            locked.save(update_fields=[field])
    return locked


def _confirm_opt_in(case, channels):
    """The first message of each channel asked for (templates case.updates-on-*)."""
    values = {"reference": case.number, "office": case.office.name}
    fields = {
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "topic": "case",
        "reference": case.number,
        "office": case.office,
    }
    if CHANNEL_EMAIL in channels:
        link = stop_url(case, CHANNEL_EMAIL)
        notify.send_template(
            "case.updates-on-email", case.email, {**values, "link": link}, **fields
        )
    if CHANNEL_SMS in channels:
        link = stop_url(case, CHANNEL_SMS)
        notify.send_template("case.updates-on-sms", case.phone, {**values, "link": link}, **fields)


def _token_text(token):
    text = str(token or "")
    # Real tokens are well under 100 characters; a long one is refused before any work.
    if len(text) > 500:
        raise signing.BadSignature("too long")
    return text


def _opt_in_email(value, errors):
    raw = str(value or "")
    try:
        # An over-long input is refused, not cut short.
        return clean_email(raw if len(raw) <= MAX_CONTACT_INPUT else "x" * (MAX_EMAIL_LENGTH + 1))
    except ValidationError:
        errors["email"] = _("Please enter a valid e-mail address, for example name@example.com.")
        return ""


def _opt_in_mobile(value, errors):
    raw = str(value or "")
    if not raw.strip():
        return ""
    number = mobile_number(raw) if len(raw) <= MAX_CONTACT_INPUT else ""
    if not number:
        errors["phone"] = _(
            "Please enter a Taiwan mobile phone number of 10 digits, for example 0912345678."
        )
    return number
