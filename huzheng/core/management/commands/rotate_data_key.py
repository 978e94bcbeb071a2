"""Re-encrypt every stored personal value with the newest key (金鑰輪替).

Key rotation in three steps (docs/deploy.md): put the new secret first in
HUZHENG_DATA_KEY, keeping the old one after it (`new,old`), and restart, so the new key
encrypts and both decrypt; run this command, which rewrites every encrypted column
(the contact fields of `core.fields` and the `*_encrypted` ID number columns) with the
new key; then the old secret may leave HUZHENG_DATA_KEY (set HUZHENG_LOOKUP_KEY to it
first: the keyed look-up hashes stay as they are).

Exit status 1 when a value can be read by no key of the list (it is left as it is and
counted), so a wrong key list is noticed before the old key is thrown away."""

import sys

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, models, transaction

from huzheng.core import crypto
from huzheng.core.fields import EncryptedTextField

BATCH = 500


def encrypted_columns():
    """(model, column) of every column holding ciphertext."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField) or (
                isinstance(field, models.TextField) and field.name.endswith("_encrypted")
            ):
                yield model, field.column


class Command(BaseCommand):
    help = "Re-encrypt all personal data with the first key of HUZHENG_DATA_KEY."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; write nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        total = unreadable = 0
        for model, column in encrypted_columns():
            done, bad = rotate_column(model, column, write=not dry_run)
            total += done
            unreadable += bad
            if done or bad:
                self.stdout.write(
                    f"{model._meta.label}.{column}: {done} re-encrypted, {bad} unreadable"
                )
        verb = "would be re-encrypted" if dry_run else "re-encrypted"
        self.stdout.write(self.style.SUCCESS(f"{total} values {verb}."))
        if unreadable:
            self.stderr.write(
                f"{unreadable} values could be read by no key of HUZHENG_DATA_KEY; "
                "they were left as they are. Do not remove an old key yet."
            )
            sys.exit(1)


def rotate_column(model, column, *, write=True):
    """(re-encrypted, unreadable) for one column, in batches by primary key."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    col = quote(column)
    done = unreadable = 0
    last = None
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            after = "" if last is None else f"AND {pk} > %s "
            cursor.execute(
                f"SELECT {pk}, {col} FROM {table} WHERE {col} IS NOT NULL AND {col} <> '' "  # noqa: S608 - names from the models
                f"{after}ORDER BY {pk} LIMIT {BATCH}",
                [] if last is None else [last],
            )
            rows = cursor.fetchall()
            for key, value in rows:
                try:
                    new = crypto.rotate(value)
                except crypto.DecryptionError:
                    unreadable += 1
                    continue
                done += 1
                if write:
                    cursor.execute(
                        f"UPDATE {table} SET {col} = %s WHERE {pk} = %s",  # noqa: S608
                        [new, key],
                    )
        if len(rows) < BATCH:
            return done, unreadable
        last = rows[-1][0]
