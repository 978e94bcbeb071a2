"""Remove the recipient and the words of finished messages past their type's retention
(settings.HUZHENG_MESSAGE_RETENTION_DAYS). Run daily from cron or a systemd timer; safe
to repeat. --enqueue hands it to the task worker instead."""

from django.core.management.base import BaseCommand

from huzheng.notify import retention, tasks


class Command(BaseCommand):
    help = "Remove the personal data of messages past their type's retention."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="run it on the task worker")

    def handle(self, *args, **options):
        if options["enqueue"]:
            tasks.purge_messages.enqueue()
            self.stdout.write("queued")
            return
        purged = retention.purge_expired()
        if options["verbosity"] > 1:
            self.stdout.write(f"{purged} message(s) purged.")
