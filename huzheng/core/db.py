"""Database-level guards that the ORM alone cannot give.

The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE
on SQLite and PostgreSQL, so not even raw SQL through the app's connection can rewrite
history. Migration 0002 installs them.
"""

AUDIT_TABLE = "core_auditentry"
_MESSAGE = "the audit log is append-only"

_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS {AUDIT_TABLE}_no_update BEFORE UPDATE ON {AUDIT_TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS {AUDIT_TABLE}_no_delete BEFORE DELETE ON {AUDIT_TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END",
]
_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_no_delete",
]
_POSTGRES_INSTALL = [
    f"CREATE OR REPLACE FUNCTION {AUDIT_TABLE}_append_only() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{_MESSAGE}'; END; $$ LANGUAGE plpgsql",
    f"CREATE OR REPLACE TRIGGER {AUDIT_TABLE}_no_change BEFORE UPDATE OR DELETE ON "
    f"{AUDIT_TABLE} FOR EACH ROW EXECUTE FUNCTION {AUDIT_TABLE}_append_only()",
    f"CREATE OR REPLACE TRIGGER {AUDIT_TABLE}_no_truncate BEFORE TRUNCATE ON "
    f"{AUDIT_TABLE} FOR EACH STATEMENT EXECUTE FUNCTION {AUDIT_TABLE}_append_only()",
]
_POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_no_change ON {AUDIT_TABLE}",
    f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_no_truncate ON {AUDIT_TABLE}",
]


def install_audit_guard(connection):
    _run(connection, {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRES_INSTALL})


def remove_audit_guard(connection):
    """Only for test teardown, which must empty every table between tests."""
    _run(connection, {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRES_DROP})


def _run(connection, statements_by_vendor):
    statements = statements_by_vendor.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"No audit guard for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
