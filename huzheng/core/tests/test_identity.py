"""National ID and resident certificate numbers, checked against numbers worked out by
hand from the official rule (reference §5): letter code split into two digits, weights
1 9 8 7 6 5 4 3 2 1 1, valid when the sum ends in 0."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from huzheng.core import identity
from huzheng.core.identity import (
    NATIONAL_ID,
    RESIDENT_NEW,
    RESIDENT_OLD,
    PersonIdField,
    mask,
    parse_person_id,
)

# A123456789  A=10:  1·1 + 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 + 8·1 + 9·1 = 130
# X222345689  X=30 (Penghu):  3 + 0 + 16 + 14 + 18 + 20 + 20 + 18 + 14 + 8 + 9 = 140
# F200000008  F=15:  1 + 45 + 2·8 + 8·1 = 70
# A800000014  2021 resident number:  1 + 0 + 8·8 + 1·1 + 4·1 = 70
# Z900000008  Z=33:  3 + 27 + 9·8 + 8·1 = 110
# AB12345677  old resident number, B=11 counts as 1:
#             1 + 0 + 1·8 + 1·7 + 2·6 + 3·5 + 4·4 + 5·3 + 6·2 + 7·1 + 7·1 = 100
# FD00000000  D=13 counts as 3:  1 + 45 + 3·8 = 70
VALID = {
    "A123456789": NATIONAL_ID,
    "X222345689": NATIONAL_ID,
    "F200000008": NATIONAL_ID,
    "A800000014": RESIDENT_NEW,
    "Z900000008": RESIDENT_NEW,
    "AB12345677": RESIDENT_OLD,
    "FD00000000": RESIDENT_OLD,
}

# Each differs from a valid number in one place, so only the check digit can catch it.
BAD_CHECK_DIGIT = [
    "A123456788",
    "X222345680",
    "F200000009",
    "A800000015",
    "Z900000005",
    "AB12345678",
    "FD00000004",
]

BAD_FORMAT = [
    "A12345678",  # nine characters
    "A1234567890",  # eleven
    "A323456789",  # second digit must be 1, 2, 8 or 9
    "1A23456789",  # digit first
    "AE12345678",  # old resident second letter must be A–D
    "A12345678X",  # letter at the end
    "甲123456789",  # not a Latin letter
]


@pytest.mark.parametrize(("number", "kind"), VALID.items())
def test_numbers_worked_out_by_hand_are_valid(number, kind):
    parsed = parse_person_id(number)
    assert parsed.number == number
    assert parsed.kind == kind


@pytest.mark.parametrize("number", BAD_CHECK_DIGIT)
def test_a_wrong_check_digit_is_refused(number):
    with pytest.raises(ValidationError) as error:
        parse_person_id(number)
    assert error.value.code == "checksum"


@pytest.mark.parametrize("number", BAD_FORMAT)
def test_malformed_numbers_are_refused_as_format_errors(number):
    with pytest.raises(ValidationError) as error:
        parse_person_id(number)
    assert error.value.code == "format"


def test_the_check_digit_helper_agrees_with_the_hand_computed_numbers():
    for number in VALID:
        assert identity.check_digit_for(number[:9]) == number[9]


@pytest.mark.parametrize(
    "typed",
    ["a123456789", " A123456789 ", "Ａ１２３４５６７８９", "A 123 456 789", "A-123456789"],
)
def test_numbers_are_normalised_as_citizens_type_them(typed):
    assert parse_person_id(typed).number == "A123456789"


def test_sex_is_read_from_the_second_character():
    assert parse_person_id("A123456789").sex == "M"
    assert parse_person_id("X222345689").sex == "F"
    assert parse_person_id("A800000014").sex == "M"
    assert parse_person_id("Z900000008").sex == "F"
    assert parse_person_id("AB12345677").sex is None


def test_a_resident_number_is_refused_where_only_a_national_id_will_do():
    with pytest.raises(ValidationError) as error:
        parse_person_id("A800000014", kinds=(NATIONAL_ID,))
    assert error.value.code == "kind"


def test_an_empty_number_is_required():
    with pytest.raises(ValidationError) as error:
        parse_person_id("  ")
    assert error.value.code == "required"


def test_masking_shows_only_the_ends():
    assert mask("A123456789") == "A12****78*"
    assert mask("ab12345677") == "AB1****67*"
    assert mask("A12") == "***"


def _message_in(language, number):
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            parse_person_id(number)
        return error.value.messages[0]


def test_error_messages_are_in_traditional_chinese_by_default():
    message = _message_in("zh-hant", "A123456788")
    assert "檢查碼" in message
    assert "A12****78*" in message  # masked, the check digit hidden too


def test_a_checksum_message_quotes_the_number_masked():
    assert "A123456788" not in _message_in("en", "A123456788")


def test_error_messages_follow_the_english_site():
    assert "check-digit" in _message_in("en", "A123456788")


class _Form(forms.Form):
    national_id = PersonIdField(kinds=(NATIONAL_ID,))


def test_the_form_field_cleans_to_a_checked_number():
    form = _Form({"national_id": "a123456789"})
    assert form.is_valid()
    assert form.cleaned_data["national_id"].number == "A123456789"


@pytest.mark.parametrize("value", ["A123456788", "A800000014", "<script>", "", "A" * 500])
def test_the_form_field_refuses_bad_numbers_with_a_message(value):
    form = _Form({"national_id": value})
    assert not form.is_valid()
    assert form.errors["national_id"]
