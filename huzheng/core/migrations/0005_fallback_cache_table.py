from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # With Redis, the database cache table is the fallback while Redis is unreachable
    # (core.fallbackcache); a database migrated with Redis configured never had it.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_number_sequence")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
