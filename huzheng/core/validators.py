"""Validators shared by forms, models and the API."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Taiwan landlines (06-9921234, (06)992-1234, 06 992 1234), mobiles (0912-345-678),
# extensions (#123 or 分機123) and +886 forms.
_PHONE = re.compile(r"^(?:\+886|0)\d{1,3}\d{5,8}(?:(?:#|分機|ext\.?)\d{1,6})?$")


def normalize_phone(value):
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    return re.sub(r"[\s\-()（）]", "", text)


def validate_phone(value):
    if not _PHONE.match(normalize_phone(value)):
        raise ValidationError(
            _("Please enter a Taiwan phone number, for example 06-9921234 or 0912-345-678."),
            code="phone",
        )
