"""National ID numbers at rest: a keyed hash to find, encryption to read back."""

import pytest
from django.test import override_settings

from huzheng.core import crypto


def test_the_lookup_hash_is_stable_and_ignores_how_the_number_was_typed():
    assert crypto.lookup_hash("A123456789") == crypto.lookup_hash(" a123456789")
    assert len(crypto.lookup_hash("A123456789")) == 64
    assert crypto.lookup_hash("A123456789") != crypto.lookup_hash("X222345689")


def test_the_lookup_hash_depends_on_the_key():
    first = crypto.lookup_hash("A123456789")
    with override_settings(HUZHENG_DATA_KEY="another-office-key"):
        assert crypto.lookup_hash("A123456789") != first


def test_encrypted_numbers_read_back_and_do_not_show_the_number():
    token = crypto.encrypt("A123456789")
    assert "A123456789" not in token
    assert crypto.encrypt("A123456789") != token  # a fresh nonce each time
    assert crypto.decrypt(token) == "A123456789"


def test_a_tampered_or_foreign_ciphertext_is_refused():
    token = crypto.encrypt("A123456789")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token[:-4] + "AAAA")
    with (
        override_settings(HUZHENG_DATA_KEY="another-office-key"),
        pytest.raises(crypto.DecryptionError),
    ):
        crypto.decrypt(token)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt("not a token")
