"""Validators shared by forms, models and the API."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Taiwan landlines (06-9921234, (06)992-1234, 06 992 1234), mobiles (0912-345-678),
# extensions (#123 or 分機123) and +886 forms.
# What marks an extension: #123, 分機123, ext. 123 (the staff phone list splits on it too).
EXTENSION_MARK = r"(?:#|分機|ext\.?)"
_PHONE = re.compile(r"^(?:\+886|0)\d{1,3}\d{5,8}(?:" + EXTENSION_MARK + r"\d{1,6})?$")


def normalize_phone(value):
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    return re.sub(r"[\s\-()（）]", "", text)


def validate_phone(value):
    if not _PHONE.match(normalize_phone(value)):
        raise ValidationError(
            _("Please enter a Taiwan phone number, for example 06-9921234 or 0912-345-678."),
            code="phone",
        )


def clean_phone(value):
    """The Taiwan phone number in `value`, normalised (0912345678, 069921234#12);
    ValidationError for anything else."""
    number = normalize_phone(value)
    validate_phone(number)
    return number


# Taiwan mobiles: 0912-345-678, +886 912 345 678 and full-width digits all become 0912345678.
_MOBILE = re.compile(r"09\d{8}")
# What a mail header could be made of beyond one address: controls, CR/LF, line separators.
_NOT_IN_EMAIL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_EMAIL_LENGTH = 254


def mobile_number(value):
    """The Taiwan mobile number in `value` as 09xxxxxxxx, or "" when it is not one (a
    landline, an extension, anything else): only mobiles can take a text message."""
    number = normalize_phone(value)
    if number.startswith("+8869"):
        number = "0" + number[4:]
    return number if _MOBILE.fullmatch(number) else ""


def clean_email(value):
    """One e-mail address, stripped; ValidationError for anything else. Control and
    line-break characters are refused, not removed, so nothing can reach a mail header."""
    text = str(value or "").strip()
    try:
        if _NOT_IN_EMAIL.search(text) or len(text) > MAX_EMAIL_LENGTH:
            raise ValidationError("not one address")
        if text:
            validate_email(text)
    except ValidationError:
        raise ValidationError(_("Please enter a valid e-mail address."), code="email") from None
    return text
