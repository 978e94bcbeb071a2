"""National ID numbers (國民身分證統一編號) and resident certificate numbers (外來人口統一證號).

Three formats share one check-digit rule (docs: ../shared/reference/household-registration.md §5):

* national ID: a letter, 1 (male) or 2 (female), eight digits — A123456789
* resident certificate number, 2021 format: a letter, 8 (male) or 9 (female), eight digits
* resident certificate number, old format: two letters (the second A–D), eight digits

The third digit's meaning is not documented, so it is not checked.
"""

import re
import unicodedata
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A letter's code is its index in this string plus 10 (A=10 … Z=33, I=34, O=35).
_LETTER_ORDER = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
LETTER_CODES = {letter: index + 10 for index, letter in enumerate(_LETTER_ORDER)}
_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)

NATIONAL_ID = "national_id"
RESIDENT_NEW = "resident_new"
RESIDENT_OLD = "resident_old"
ALL_KINDS = (NATIONAL_ID, RESIDENT_NEW, RESIDENT_OLD)

_PATTERNS = {
    NATIONAL_ID: re.compile(r"^[A-Z][12]\d{8}$"),
    RESIDENT_NEW: re.compile(r"^[A-Z][89]\d{8}$"),
    RESIDENT_OLD: re.compile(r"^[A-Z][A-D]\d{8}$"),
}
_SEX = {"1": "M", "2": "F", "8": "M", "9": "F"}


@dataclass(frozen=True)
class PersonId:
    """A checked identity number, normalised to upper-case ASCII."""

    number: str
    kind: str

    @property
    def sex(self):
        """'M' or 'F' where the format encodes it; None for old resident numbers."""
        return _SEX.get(self.number[1])

    @property
    def masked(self):
        return mask(self.number)

    def __str__(self):
        return self.number


def normalize(value):
    """Full-width to half-width, upper case, spaces and dashes removed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return re.sub(r"[\s\-]", "", text).upper()


def parse_person_id(value, kinds=ALL_KINDS):
    """Return the PersonId for value, or raise ValidationError saying what is wrong."""
    number = normalize(value)
    if not number:
        raise ValidationError(_("Please enter an ID number."), code="required")
    kind = next((k for k in ALL_KINDS if _PATTERNS[k].match(number)), None)
    if kind is None:
        raise ValidationError(_format_message(kinds), code="format")
    if kind not in kinds:
        if kinds == (NATIONAL_ID,):
            message = _(
                "This looks like a resident certificate number; please enter a national "
                "ID number (the second character is 1 or 2)."
            )
        else:
            message = _("This kind of ID number is not accepted here.")
        raise ValidationError(message, code="kind")
    if not has_valid_check_digit(number):
        raise ValidationError(
            _(
                "The ID number %(number)s does not pass the check-digit test; "
                "please check each character again."
            ),
            code="checksum",
            # A typo of a real number is still personal data: the message goes into
            # pages, JSON answers and logs, so it quotes the number masked.
            params={"number": mask(number)},
        )
    return PersonId(number=number, kind=kind)


def has_valid_check_digit(number):
    """True when the weighted sum of the number's 11-digit expansion ends in 0."""
    digits = check_expansion(number)
    return sum(w * d for w, d in zip(_WEIGHTS, digits, strict=True)) % 10 == 0


def check_expansion(number):
    """The 11 digits the checksum runs over: the letter's two, then nine more."""
    code = LETTER_CODES[number[0]]
    second = number[1]
    second_digit = LETTER_CODES[second] % 10 if second.isalpha() else int(second)
    return [code // 10, code % 10, second_digit, *(int(c) for c in number[2:])]


def check_digit_for(first_nine):
    """The tenth character that makes first_nine a valid number (used to make test data)."""
    digits = check_expansion(first_nine + "0")[:10]
    total = sum(w * d for w, d in zip(_WEIGHTS, digits, strict=False))
    return str((10 - total % 10) % 10)


def mask(value):
    """A12****78*: enough for a person to recognise their own number, not to use it.
    The check digit stays hidden: shown, it would narrow the four hidden digits to a
    thousand candidates; hidden, ten thousand remain."""
    number = normalize(value)
    if len(number) < 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 6) + number[-3:-1] + "*"


def validate_national_id(value):
    parse_person_id(value, kinds=(NATIONAL_ID,))


def validate_person_id(value):
    parse_person_id(value, kinds=ALL_KINDS)


def _format_message(kinds):
    if kinds == (NATIONAL_ID,):
        return _(
            "A national ID number is one letter followed by nine digits, "
            "the first of them 1 or 2, for example A123456789."
        )
    return _(
        "An ID number is one letter and nine digits (national ID: A123456789; resident "
        "certificate: A800000014), or two letters and eight digits for an old resident "
        "certificate number (AB12345677)."
    )


class PersonIdField(forms.CharField):
    """A form field that accepts a national ID or resident number and cleans it to PersonId."""

    def __init__(self, *, kinds=ALL_KINDS, **kwargs):
        self.kinds = tuple(kinds)
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("ID number"))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("spellcheck", "false")
        self.widget.attrs.setdefault("autocapitalize", "characters")

    def to_python(self, value):
        return normalize(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        parse_person_id(value, kinds=self.kinds)

    def clean(self, value):
        number = super().clean(value)
        if number in self.empty_values:
            return None
        return parse_person_id(number, kinds=self.kinds)
