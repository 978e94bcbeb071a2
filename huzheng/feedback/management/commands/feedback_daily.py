"""Queue the citizens' voice's daily work: reminders, escalation, the director's digest.
Run once a day (cron or a systemd timer), after the office opens."""

from django.core.management.base import BaseCommand

from huzheng.feedback import tasks


class Command(BaseCommand):
    help = "Queue the mailbox reminders, escalations and the director's daily digest."

    def handle(self, *args, **options):
        for job in (tasks.send_reminders, tasks.escalate_overdue, tasks.send_digests):
            job.enqueue()
        self.stdout.write("queued")
