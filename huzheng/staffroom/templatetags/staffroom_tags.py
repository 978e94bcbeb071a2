from django import template

register = template.Library()


@register.filter
def person(user):
    """A colleague's name as an office writes it: surname first, no space (王淑芬)."""
    return display_name(user)


def display_name(user):
    if user is None:
        return "-"
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()
