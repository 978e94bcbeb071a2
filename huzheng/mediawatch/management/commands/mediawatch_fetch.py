"""Queue a read of every news source; run by cron or a timer, say every 30 minutes."""

from django.core.management.base import BaseCommand

from huzheng.mediawatch import tasks


class Command(BaseCommand):
    help = "Queue the news monitor's read of every active source."

    def handle(self, *args, **options):
        tasks.fetch_feeds.enqueue()
        self.stdout.write("queued")
