"""Words in the visitor's language (語言): Traditional Chinese first, English second.

Records keep their Chinese text in a field (`name`) and the English beside it
(`name_en`). `localized(obj, "name")` is the one rule for which to show: the English
when the active language is English and the English is filled in, else the Chinese.
Templates use the `localized` filter: `{{ service|localized:"name" }}`."""

from django.utils.translation import get_language


def is_english(language=None):
    """True when the active (or given) language is English."""
    return (language or get_language() or "").lower().startswith("en")


def localized(obj, field="name", language=None):
    """`obj.<field>_en` in English when it is filled in, else `obj.<field>`. `obj` may be
    a model instance or a dict (rows from `.values()`)."""
    get = obj.get if isinstance(obj, dict) else lambda name, default="": getattr(obj, name, default)
    if is_english(language):
        english = get(f"{field}_en", "")
        if english:
            return english
    return get(field, "")


def pick(chinese, english, language=None):
    """One of two texts at hand: the English one in English when there is one."""
    return english if is_english(language) and english else chinese


def _han(text):
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def person_name(user):
    """A staff member's name as the office writes it: a Chinese name family name first
    with no space (陳志明), a Western one given name first; the username only when the
    account has no name."""
    if user is None:
        return ""
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    if not (first or last):
        return user.get_username()
    if _han(first + last):
        return f"{last}{first}"
    return f"{first} {last}".strip()
