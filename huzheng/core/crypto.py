"""Personal data at rest: a keyed hash to find a record, encryption to read it back.

National ID numbers are never stored in plain text. A record keeps
``lookup_hash(number)`` (HMAC-SHA256, so equal numbers can be found without the number
being guessable from the table) and ``encrypt(number)`` (Fernet) for authorised staff,
whose every read goes through ``huzheng.core.services.reveal`` and the audit log.
Both keys are derived from settings.HUZHENG_DATA_KEY.

Key rotation (金鑰輪替): HUZHENG_DATA_KEY may list several secrets, comma-separated,
newest first. The first encrypts; every one decrypts (cryptography's MultiFernet), and
`manage.py rotate_data_key` re-encrypts every stored value with the first. The keyed
hashes must not change with it (every look-up would miss), so they use
HUZHENG_LOOKUP_KEY, which defaults to the last (oldest) secret of the list: set it to that
secret before dropping the old one from HUZHENG_DATA_KEY (docs/deploy.md).

Contact data (names, phones, e-mail addresses, birth dates, addresses) is kept with the
encrypted model fields of `huzheng.core.fields`, which call `encrypt` and `decrypt`.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from huzheng.core.identity import normalize


class DecryptionError(Exception):
    """The ciphertext was made with another key or has been altered."""


def lookup_hash(value):
    """A stable keyed hash of a normalised identifier, 64 hex characters."""
    digest = hmac.new(_keys(lookup_secret())[0], normalize(value).encode(), "sha256")
    return digest.hexdigest()


def encrypt(value):
    return _multi(secrets()).encrypt(str(value).encode()).decode()


def decrypt(token):
    try:
        return _multi(secrets()).decrypt(token.encode()).decode()
    except (InvalidToken, AttributeError, ValueError) as exc:
        raise DecryptionError(str(exc) or "invalid token") from exc


def rotate(token):
    """The same plain text encrypted with the first (newest) key; DecryptionError when no
    key of the list can read it."""
    try:
        return _multi(secrets()).rotate(token.encode()).decode()
    except (InvalidToken, AttributeError, ValueError) as exc:
        raise DecryptionError(str(exc) or "invalid token") from exc


def secrets():
    """The secrets of HUZHENG_DATA_KEY, newest first."""
    found = tuple(part.strip() for part in settings.HUZHENG_DATA_KEY.split(",") if part.strip())
    if not found:
        raise DecryptionError("HUZHENG_DATA_KEY is empty")
    return found


def lookup_secret():
    return getattr(settings, "HUZHENG_LOOKUP_KEY", "") or secrets()[-1]


@lru_cache(maxsize=8)
def _multi(all_secrets):
    return MultiFernet([_fernet(secret) for secret in all_secrets])


def _fernet(secret):
    return Fernet(base64.urlsafe_b64encode(_keys(secret)[1]))


@lru_cache(maxsize=4)
def _keys(secret):
    """Two independent 32-byte keys from one secret: one to hash, one to encrypt."""
    material = HKDF(
        algorithm=hashes.SHA256(), length=64, salt=b"huzheng-personal-data", info=b"v1"
    ).derive(hashlib.sha256(secret.encode()).digest())
    return material[:32], material[32:]
