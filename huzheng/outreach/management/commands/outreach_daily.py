"""The worklist's daily run (cron or a systemd timer, once each working morning): fetch
the registry's notifications for every office, mark items past their deadline and e-mail
each clerk their overdue count. Safe to run more than once a day."""

from django.core.management.base import BaseCommand

from huzheng.core.models import Office
from huzheng.outreach import demo, intake, services


class Command(BaseCommand):
    help = "Fetch notifications, mark overdue worklist items and remind the clerks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-fetch", action="store_true", help="Skip the registry's notifications."
        )

    def handle(self, *args, **options):
        demo.ensure_templates()  # the letters and reminders below need them
        created = existing = 0
        if not options["no_fetch"]:
            for office in Office.objects.all():
                new, old = intake.import_notifications(office)
                created, existing = created + new, existing + old
        marked, told = services.daily()
        self.stdout.write(
            f"{created} new items ({existing} known), {marked} newly overdue, {told} clerks told"
        )
