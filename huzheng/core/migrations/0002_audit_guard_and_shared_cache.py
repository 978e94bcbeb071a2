from django.core.management import call_command
from django.db import migrations

from huzheng.core.db import install_audit_guard, remove_audit_guard


def install(apps, schema_editor):
    install_audit_guard(schema_editor.connection)


def remove(apps, schema_editor):
    remove_audit_guard(schema_editor.connection)


def create_cache_table(apps, schema_editor):
    # The "shared" cache lives in the database when there is no Redis.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(install, remove),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
