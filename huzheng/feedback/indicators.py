"""The citizens' voice's figures for the service-quality plan (服務品質績效指標)."""

from django.utils.translation import gettext_lazy as _

from huzheng.core.indicators import LOWER, indicator
from huzheng.feedback import documents, statistics


@indicator(
    "feedback.answered_in_time",
    name=_("Messages answered within 3 working days"),
    unit="%",
    source=_("The mailbox register: replies sent by the due day"),
    target=100,
)
def answered_in_time(office, period):
    share = statistics.figures(office, period.first, period.last)["share_in_time"]
    return None if share is None else round(share * 100, 1)


@indicator(
    "feedback.satisfaction",
    name=_("Satisfaction with the handling of messages"),
    unit=_("score 1–5"),
    source=_("The one question asked after a message is closed"),
    target=4,
)
def satisfaction(office, period):
    return statistics.figures(office, period.first, period.last)["satisfaction"]


@indicator(
    "feedback.first_reply_days",
    name=_("Time to the first reply"),
    unit=_("working days"),
    source=_("The mailbox register: receipt to reply"),
    better=LOWER,
    target=3,
)
def first_reply_days(office, period):
    return statistics.figures(office, period.first, period.last)["first_reply_days"]


@indicator(
    "feedback.documents_on_time",
    name=_("Official documents replied to on time"),
    unit="%",
    source=_("The register of incoming official documents: replies by the speed class's due day"),
    target=100,
)
def documents_on_time(office, period):
    replied, in_time = documents.on_time(office, period.first, period.last)
    return round(in_time / replied * 100, 1) if replied else None
