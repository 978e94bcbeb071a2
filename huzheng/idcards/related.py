"""What the ID card guides link to on this site: the online loss report, so the 補領 and
掛失 guides lead to the next step here instead of a dead end or the ministry's site."""

from django.urls import reverse
from django.utils.translation import gettext as _

REPORT_LOSS_FIRST = {"id-card-reissue", "id-card-loss"}


def online_actions_for(service):
    """[{"text", "url"}] for the guide of `service` (shown above its facts)."""
    if service.slug not in REPORT_LOSS_FIRST:
        return []
    if service.slug == "id-card-loss":
        text = _("Report a lost ID card online now")
    else:
        text = _("Lost it? Report the loss online first")
    return [{"text": text, "url": reverse("idcards:report_lost")}]
