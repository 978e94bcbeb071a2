"""Tracking a message (意見查詢): the writer looks up their message by its number and their
e-mail address, behind the case query's limits, and sees the steps it has taken."""

import re
import unicodedata

from django.utils.translation import gettext as _

from huzheng.core import ratelimit
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.feedback.services import MessageNotFound, TooManyAttempts

NUMBER = re.compile(r"^\d{1,3}-[A-Z0-9_-]{1,32}-F\d{5,9}$")
MAX_NUMBER_LENGTH = 40
# Tracking: the case query's rule, 10 failures in 10 minutes per client and per number.
TRACK_LIMIT, TRACK_WINDOW = 10, 600
SCOPE_TRACK_CLIENT = "feedback-track-client"
SCOPE_TRACK_NUMBER = "feedback-track-number"


def track(number, email, *, client):
    """The message for someone who knows its number and e-mail address, behind the rate
    limits; MessageNotFound for any wrong fact, TooManyAttempts over a limit."""
    number_key = normalize_number(number)[:MAX_NUMBER_LENGTH]
    if ratelimit.exceeded(SCOPE_TRACK_CLIENT, client, limit=TRACK_LIMIT) or ratelimit.exceeded(
        SCOPE_TRACK_NUMBER, number_key, limit=TRACK_LIMIT
    ):
        raise TooManyAttempts
    message = None
    if NUMBER.fullmatch(number_key):
        message = (
            FeedbackMessage.objects.select_related("office")
            .filter(number=number_key)
            .exclude(status=Status.UNCONFIRMED)
            .first()
        )
    address = str(email or "").strip().lower()[:254]
    if message is None or not address or message.email.lower() != address:
        ratelimit.counted(SCOPE_TRACK_CLIENT, client, window_seconds=TRACK_WINDOW)
        ratelimit.counted(SCOPE_TRACK_NUMBER, number_key, window_seconds=TRACK_WINDOW)
        raise MessageNotFound
    return message


def public_timeline(message):
    """(label, at) of the steps a writer may see; notes and names stay inside."""
    labels = {
        "received": _("Received"),
        "confirmed": _("Confirmed by e-mail"),
        "assigned": _("Given to the staff member in charge"),
        "waiting": _("Waiting for your reply"),
        "resumed": _("Your reply was received"),
        "answered": _("Answered"),
        "closed": _("Closed"),
        "transferred": _("Passed on to another agency"),
        "withdrawn": _("Withdrawn"),
        "rated": _("Rated"),
    }
    return [
        (labels[action], at)
        for action, at in message.events.values_list("action", "at")
        if action in labels
    ]


def normalize_number(value):
    text = unicodedata.normalize("NFKC", str(value or ""))[: MAX_NUMBER_LENGTH * 2]
    return re.sub(r"\s", "", text).upper()
