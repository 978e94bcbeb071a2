from django import template

register = template.Library()


@register.filter
def grouped(value):
    """13,482: a count with thousands separators; "—" for nothing."""
    if value is None or value == "":
        return "—"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def signed(value):
    """+12 / −3 / 0 for a month's change."""
    if value is None:
        return "—"
    value = int(value)
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"−{-value:,}"
    return "0"


@register.filter
def field(row, key):
    return row.get(key) if hasattr(row, "get") else None
