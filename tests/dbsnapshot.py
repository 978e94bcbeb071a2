"""A picture of the whole test database, taken once and put back in a fraction of a second.

Loading the demo data through the models takes seconds (Wagtail pages, revisions, search
and reference indexes); hundreds of tests start from it. The first test that asks for it
loads it for real and reads every table's rows; every later test deletes what is in the
tables and writes those rows back with plain INSERTs. Foreign keys are deferred to the end
of the transaction on both SQLite and PostgreSQL, so the order of the tables does not
matter, and the rows come back with their own primary keys, so every reference holds.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import transaction


def built_once(name, build, *, prebuilt=None, prebuilt_day=None):
    """Rows that take seconds to build, for a test that starts from them.

    The first test of a worker (and of the day: demo rows may be dated relative to
    today) runs `build()` for real and takes a snapshot of every table
    (tests/dbsnapshot.py); later tests asking for the same `name` get the same rows back
    from it in a fraction of the time. Call it before the test writes anything: the
    restore replaces whatever the tables hold.

    With `prebuilt` (a function returning the name or path of a database that another
    process has built the same way, tests/demobuild.py), the first test takes its
    snapshot from that database instead of building, as long as `prebuilt_day()` is
    today."""
    from django.db import connection
    from django.utils import timezone

    from huzheng.core.db import install_audit_guard, remove_audit_guard

    key = (name, connection.vendor, timezone.localdate())
    snapshot = _SNAPSHOTS.get(key)
    if snapshot is None and prebuilt is not None:
        where = prebuilt()
        if prebuilt_day() == timezone.localdate().isoformat():
            snapshot = _SNAPSHOTS[key] = _snapshot_of_database(connection, where)
    if snapshot is None:
        build()
        _SNAPSHOTS[key] = DatabaseSnapshot(connection)
        return
    # The audit log's guard refuses the DELETE that empties its table.
    remove_audit_guard(connection)
    snapshot.restore(connection)
    install_audit_guard(connection)


_SNAPSHOTS = {}


def _snapshot_of_database(connection, name):
    """A snapshot of another database of the same schema (the same backend and server as
    the test database), read through a driver connection of its own: Django's test case
    refuses queries through any connection it did not set up for the test."""
    settings = {**connection.settings_dict, "NAME": name}
    settings["OPTIONS"] = {k: v for k, v in settings.get("OPTIONS", {}).items() if k != "pool"}
    from django.db import connections

    other = type(connections[connection.alias])(settings, alias="prebuilt")
    raw = other.get_new_connection(other.get_connection_params())
    try:
        return DatabaseSnapshot(connection, rows_from=raw)
    finally:
        raw.close()


class DatabaseSnapshot:
    def __init__(self, connection, rows_from=None):
        """Every table's rows; read from `rows_from` (a driver connection to a database of
        the same schema) instead, when given. On PostgreSQL a table's rows are kept as
        what `COPY … TO STDOUT` writes, and put back by `COPY … FROM STDIN`: the server
        reads them in one stream, where 7,000 INSERTs took most of a restore's 0.45 s."""
        self.vendor = connection.vendor
        self.tables = {}
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            derived = set(_full_text_tables(connection, cursor))
            source = rows_from.cursor() if rows_from is not None else cursor
            for table in _tables(connection):
                if table in derived:
                    continue
                columns = [
                    column.name
                    for column in connection.introspection.get_table_description(cursor, table)
                ]
                if self.vendor == "postgresql":
                    names = ", ".join(quote(c) for c in columns)
                    with source.copy(f"COPY {quote(table)} ({names}) TO STDOUT") as copy:
                        self.tables[table] = (columns, b"".join(bytes(part) for part in copy))
                    continue
                select = ", ".join(_raw(connection, quote(c)) for c in columns)
                source.execute(f"SELECT {select} FROM {quote(table)}")
                self.tables[table] = (columns, source.fetchall())

    def restore(self, connection):
        """Make every table hold exactly the rows of the picture."""
        quote = connection.ops.quote_name
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            # The model tables first: their triggers take their rows out of SQLite's
            # full-text tables, and the search terms' table reads its text from the
            # documents' table (an FTS5 external-content table), so emptying it first
            # and then deleting the documents would take their terms out twice and
            # corrupt the index. What is left in the full-text tables goes last.
            tables = [*self.tables, *_full_text_tables(connection, cursor)]
            if self.vendor == "postgresql":
                # One round trip for every table's DELETE.
                cursor.execute("; ".join(f"DELETE FROM {quote(t)}" for t in tables))
            else:
                for table in tables:
                    cursor.execute(f"DELETE FROM {quote(table)}")
            for table, (columns, rows) in self.tables.items():
                if not rows:
                    continue
                names = ", ".join(quote(c) for c in columns)
                if self.vendor == "postgresql":
                    with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                        copy.write(rows)
                    continue
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",
                    rows,
                )
            # PostgreSQL's sequences must run past the restored keys; SQLite's
            # AUTOINCREMENT counters follow explicit keys by themselves.
            models = [
                m
                for m in apps.get_models(include_auto_created=True)
                if m._meta.db_table in self.tables
            ]
            resets = connection.ops.sequence_reset_sql(no_style(), models)
            if resets:
                cursor.execute("; ".join(resets))
        _forget_cached_rows()


def _tables(connection):
    # Every model's table (flush empties the same ones); views and the cache table are
    # not models' tables and are left alone.
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def _full_text_tables(connection, cursor):
    # SQLite's full-text search tables (Wagtail's and modelsearch's) are filled by
    # triggers on their index tables, keyed by the entry's id. They are left out of the
    # picture and emptied on restore; the triggers fill them again from the entries.
    if connection.vendor != "sqlite":
        return []
    cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    return [name for (name,) in cursor.fetchall()]


def _raw(connection, column):
    # SQLite's converters (dates, booleans) act on a plain column by its declared type; an
    # identity function hides the type, so the stored value comes back byte for byte.
    return f"likely({column})" if connection.vendor == "sqlite" else column


def _forget_cached_rows():
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=True):
        cache.clear()
