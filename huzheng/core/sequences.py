"""Numbers that are never given twice (編號): one allocator for tickets, cases, notice
slips, loss reports, mailbox messages and outgoing letters.

A numbering is a name (`"case"`), the office it belongs to (none for a national one),
an optional key that splits it further (a ticket series) and a period the numbers restart
in (a day or an ROC year). `next_number` increments the numbering's row with one UPDATE,
which holds the row's lock until the caller's transaction ends: two counters asking at
the same moment wait for each other and get consecutive numbers. A write that rolls back
gives its number back with it, so numbers run without gaps where nothing failed. The
unique constraints on `NumberSequence` settle two first numbers of a period asked for at
the same moment."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F

from huzheng.core.models import NumberSequence


def next_number(name, *, period, office=None, key=""):
    """The next number of the numbering, starting at 1 in each period. Call it inside the
    transaction that writes the numbered record."""
    lookup = {
        "name": name,
        "office_id": getattr(office, "pk", office),
        "key": str(key),
        "period": _period(period),
    }
    # No savepoint of its own: inside the caller's transaction (as it should be) an error
    # here ends that transaction anyway, and on PostgreSQL a savepoint is two round trips
    # while the row is locked.
    with transaction.atomic(savepoint=False):
        number = _increment(lookup)
        if number is None:
            try:
                with transaction.atomic():
                    NumberSequence.objects.create(**lookup, last=1)
                return 1
            except IntegrityError:
                # Another transaction made the period's row first; its lock orders us now.
                number = _increment(lookup)
        return number


def _increment(lookup):
    """The numbering's row incremented and its new last number, or None with no row yet:
    one `UPDATE … RETURNING` where the database has it, else an UPDATE and a SELECT."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        q = connection.ops.quote_name
        table, last = q(NumberSequence._meta.db_table), q("last")
        where = [f"{q(column)} = %s" for column in ("name", "key", "period")]
        params = [lookup["name"], lookup["key"], lookup["period"]]
        if lookup["office_id"] is None:
            where.append(f"{q('office_id')} IS NULL")
        else:
            where.append(f"{q('office_id')} = %s")
            params.append(lookup["office_id"])
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {last} = {last} + 1 "  # noqa: S608 - names from the model
                f"WHERE {' AND '.join(where)} RETURNING {last}",
                params,
            )
            row = cursor.fetchone()
        return None if row is None else row[0]
    rows = NumberSequence.objects.filter(**lookup)
    if not rows.update(last=F("last") + 1):
        return None
    return rows.values_list("last", flat=True).get()


def _period(period):
    if isinstance(period, dt.date):
        return period.isoformat()
    return str(period)
