"""The shared contact rules: which numbers can take a text message, and what counts as
one e-mail address."""

import pytest
from django.core.exceptions import ValidationError

from huzheng.core.validators import clean_email, mobile_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0912345678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+886 912 345 678", "0912345678"),
        ("０９１２３４５６７８", "0912345678"),
    ],
)
def test_taiwan_mobiles_in_any_spelling_become_one_number(typed, number):
    assert mobile_number(typed) == number


@pytest.mark.parametrize(
    "typed", ["06-9921234", "0912345678#12", "091234567", "", None, "09a2345678"]
)
def test_landlines_extensions_and_others_are_not_mobiles(typed):
    assert mobile_number(typed) == ""


def test_one_address_is_kept_and_empty_stays_empty():
    assert clean_email("  ming@example.tw ") == "ming@example.tw"
    assert clean_email("") == ""
    assert clean_email(None) == ""


@pytest.mark.parametrize(
    "typed",
    [
        "a@b.example\nBcc: x@y.example",
        "a@b\r.example",
        "a@b\u2028.example",
        "a\x00@b.example",
        "x" * 250 + "@b.tw",
        "not-an-address",
        "a@b.example, c@d.example",
    ],
)
def test_anything_but_one_address_is_refused_not_cleaned(typed):
    with pytest.raises(ValidationError):
        clean_email(typed)
