"""Tickets are unique by the series that numbered them, not the one they wait in, so a
transfer never collides with the target series' own numbers (issue 15, finding 1)."""

import django.db.models.deletion
from django.db import migrations, models


def fill_numbered_in(apps, schema_editor):
    """The printed letter names the series that gave the number; a ticket whose letter no
    series has any more keeps the series it waits in."""
    Series = apps.get_model("queueing", "Series")
    Ticket = apps.get_model("queueing", "Ticket")
    letters = {(s.office_id, s.letter): s.pk for s in Series.objects.all()}
    for ticket in Ticket.objects.only("pk", "office_id", "series_id", "label").iterator():
        letter = ticket.label.rstrip("0123456789")
        numbered_in = letters.get((ticket.office_id, letter), ticket.series_id)
        Ticket.objects.filter(pk=ticket.pk).update(numbered_in_id=numbered_in)


class Migration(migrations.Migration):
    dependencies = [
        ("queueing", "0004_number_sequences_in_core"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="ticket",
            name="ticket_unique_number",
        ),
        migrations.AddField(
            model_name="ticket",
            name="numbered_in",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="queueing.series",
                verbose_name="numbered in series",
            ),
        ),
        migrations.RunPython(fill_numbered_in, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="ticket",
            name="numbered_in",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="queueing.series",
                verbose_name="numbered in series",
            ),
        ),
        migrations.AddConstraint(
            model_name="ticket",
            constraint=models.UniqueConstraint(
                fields=("office", "date", "numbered_in", "number"), name="ticket_unique_number"
            ),
        ),
    ]
