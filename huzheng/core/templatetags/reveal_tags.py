"""The "show the full ID number" link (查閱完整身分證字號) next to a masked number, shown
only to staff who may open the audited page for that record."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from huzheng.core.reveal import may_reveal, reveal_url

register = template.Library()


@register.simple_tag(takes_context=True)
def reveal_link(context, obj, described_by=""):
    """A small link to the audited page, or nothing. `described_by` (a case number, a
    loss reference) is read out to screen readers so links in a table stay distinct."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if obj is None or user is None or not may_reveal(user, obj):
        return ""
    hidden = format_html(' <span class="w-sr-only">{}</span>', described_by) if described_by else ""
    return format_html(
        '<a class="button button-small button-secondary reveal-link" href="{}">{}{}</a>',
        reveal_url(obj),
        gettext("Show the full ID number"),
        hidden,
    )
