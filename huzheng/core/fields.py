"""Model fields whose values are stored encrypted (個資加密): names, phone numbers,
e-mail addresses, birth dates and addresses of the public (issue 15, finding 8).

Python code reads and writes plain values; the database holds Fernet ciphertext made
with the newest key of HUZHENG_DATA_KEY (`core.crypto`), so a copied table or backup
shows no contact data. Equal values encrypt differently each time, so the database
cannot compare them: filtering on these fields finds nothing (an empty value excepted).
Where a record must be found by such a value, keep a keyed hash beside it
(`crypto.lookup_hash`, as for national ID numbers) or compare after reading.
`manage.py rotate_data_key` re-encrypts every field of this module.
"""

import datetime as dt

from django import forms
from django.core import validators
from django.db import models

from huzheng.core import crypto


class EncryptedTextField(models.TextField):
    """Text kept encrypted. `max_length` limits the plain text (forms and validation),
    not the column, which holds the longer ciphertext."""

    description = "Encrypted text"
    form_class = forms.CharField
    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return self.from_plain(crypto.decrypt(value))

    def get_prep_value(self, value):
        value = self.to_plain(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)

    def from_plain(self, text):
        return text

    def to_plain(self, value):
        value = super().get_prep_value(value)
        return value

    def formfield(self, **kwargs):
        # A one-line input (not TextField's text area) limited to the plain text's length.
        defaults = {"form_class": self.form_class, "widget": self.widget}
        if self.max_length is not None and self.form_class is not forms.DateField:
            defaults["max_length"] = self.max_length
        defaults.update(kwargs)
        if defaults["widget"] is None:
            defaults.pop("widget")
        return models.Field.formfield(self, **defaults)


class EncryptedEmailField(EncryptedTextField):
    description = "Encrypted e-mail address"
    default_validators = models.EmailField.default_validators  # as models.EmailField
    form_class = forms.EmailField
    widget = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(*args, **kwargs)


class EncryptedDateField(EncryptedTextField):
    """A date kept encrypted as its ISO text."""

    description = "Encrypted date"
    form_class = forms.DateField
    widget = None

    def from_plain(self, text):
        return dt.date.fromisoformat(text)

    def to_python(self, value):
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, dt.datetime):
            return value.date()
        return models.DateField().to_python(value)

    def to_plain(self, value):
        value = self.to_python(value)
        return value.isoformat() if value is not None else None

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""


ENCRYPTED_FIELDS = (EncryptedTextField, EncryptedEmailField, EncryptedDateField)


def encrypt_columns(columns):
    """A RunPython operation's code: encrypt the plain values already in `columns`
    ({table: [column, ...]}) after they became encrypted fields. Values that already
    decrypt are left alone, so running it twice changes nothing."""

    def forwards(apps, schema_editor):
        _rewrite(schema_editor.connection, columns, _seal)

    def backwards(apps, schema_editor):
        _rewrite(schema_editor.connection, columns, _open)

    return forwards, backwards


def _seal(value):
    try:
        crypto.decrypt(value)
    except crypto.DecryptionError:
        return crypto.encrypt(value)
    return None  # already encrypted


def _open(value):
    try:
        return crypto.decrypt(value)
    except crypto.DecryptionError:
        return None


def _rewrite(connection, columns, change):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, names in columns.items():
            for name in names:
                cursor.execute(
                    f"SELECT id, {quote(name)} FROM {quote(table)} "  # noqa: S608 - names from code
                    f"WHERE {quote(name)} IS NOT NULL AND {quote(name)} <> ''"
                )
                for pk, value in cursor.fetchall():
                    new = change(str(value))
                    if new is not None:
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {quote(name)} = %s WHERE id = %s",  # noqa: S608
                            [new, pk],
                        )
