"""Personal data at rest: a keyed hash to find a record, encryption to read it back.

National ID numbers are never stored in plain text. A record keeps
``lookup_hash(number)`` (HMAC-SHA256, so equal numbers can be found without the number
being guessable from the table) and ``encrypt(number)`` (Fernet) for authorised staff,
whose every read goes through ``huzheng.core.services.reveal`` and the audit log.
Both keys are derived from settings.HUZHENG_DATA_KEY.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from huzheng.core.identity import normalize


class DecryptionError(Exception):
    """The ciphertext was made with another key or has been altered."""


def lookup_hash(value):
    """A stable keyed hash of a normalised identifier, 64 hex characters."""
    digest = hmac.new(_keys(settings.HUZHENG_DATA_KEY)[0], normalize(value).encode(), "sha256")
    return digest.hexdigest()


def encrypt(value):
    return _fernet(settings.HUZHENG_DATA_KEY).encrypt(str(value).encode()).decode()


def decrypt(token):
    try:
        return _fernet(settings.HUZHENG_DATA_KEY).decrypt(token.encode()).decode()
    except (InvalidToken, AttributeError, ValueError) as exc:
        raise DecryptionError(str(exc) or "invalid token") from exc


def _fernet(secret):
    return Fernet(base64.urlsafe_b64encode(_keys(secret)[1]))


@lru_cache(maxsize=4)
def _keys(secret):
    """Two independent 32-byte keys from one secret: one to hash, one to encrypt."""
    material = HKDF(
        algorithm=hashes.SHA256(), length=64, salt=b"huzheng-personal-data", info=b"v1"
    ).derive(hashlib.sha256(secret.encode()).digest())
    return material[:32], material[32:]
