"""Template filters and tags every template may use (loaded as builtins).

{{ page.last_published_at|roc_date }} → 民國115年11月26日
{% office_hours office %} → the week's hours, grouped
"""

import re

from django import template
from django.utils import timezone

from huzheng.core import i18n, roc, services
from huzheng.core.validators import normalize_phone

register = template.Library()


@register.filter
def roc_date(value):
    """民國115年11月26日 (in English: 2026-11-26 (ROC 115))."""
    return roc.format_for_language(value)


@register.filter
def roc_short(value):
    """115/11/26."""
    return roc.format_short(value)


@register.filter
def roc_datetime(value):
    """民國115年11月26日 14:05, in the office's time zone."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{roc.format_for_language(local)} {local:%H:%M}"


@register.inclusion_tag("core/office_hours.html")
def office_hours(office):
    return {"groups": services.weekly_hours(office) if office else []}


@register.filter
def accessible_widget(field):
    """The field's input tied to its hint and error (aria-describedby), marked invalid
    when it has errors, so a screen reader reads them with the input."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def get_item(mapping, key):
    """{{ row|get_item:key }}: a dict's value by a key held in a variable."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def staff_name(user):
    """{{ case.assigned_to|staff_name }} → 陳志明 (family name first for Chinese names)."""
    return i18n.person_name(user)


@register.filter
def tel_href(phone):
    """06-9921145#21 → tel:069921145,21: digits only, the extension after a pause (a "#"
    would end the URL)."""
    parts = re.split(r"#|分機|ext\.?", normalize_phone(phone), maxsplit=1)
    href = "tel:" + re.sub(r"[^\d+]", "", parts[0])
    if len(parts) > 1 and parts[1]:
        href += "," + re.sub(r"\D", "", parts[1])
    return href


@register.filter
def localized(obj, field="name"):
    """{{ service|localized:"name" }}: the English text in English when there is one."""
    return i18n.localized(obj, field)
