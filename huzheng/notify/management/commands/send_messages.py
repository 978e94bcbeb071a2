"""Send every queued message that is due, and retry the ones whose pause is over.

Run it every minute or so from cron or a systemd timer (docs/deploy.md): the worker
sends messages as they are queued, and this catches whatever a stopped worker or a
lost task left behind. Safe to run twice at once: each message is taken under a lock."""

from django.core.management.base import BaseCommand

from huzheng.notify.services import send_due_messages


class Command(BaseCommand):
    help = "Send queued messages that are due and retry failed ones whose pause is over."

    def handle(self, *args, **options):
        tried = send_due_messages()
        if options["verbosity"] > 1:
            self.stdout.write(f"{tried} message(s) tried.")
