"""Check every link on the live public pages and keep the results (safe to repeat)."""

from django.core.management.base import BaseCommand

from huzheng.linkcheck import services


class Command(BaseCommand):
    help = "Check every internal and external link on the live public pages."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, help="seconds per link (default 5)")
        parser.add_argument("--max-urls", type=int, help="addresses per run (default 2000)")
        parser.add_argument("--deadline", type=float, help="seconds per run (default 900)")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the check for the task worker instead of running it here",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            from huzheng.linkcheck.tasks import check_links

            result = check_links.enqueue()
            self.stdout.write(f"queued task {result.id}")
            return
        run = services.check_links(
            timeout=options["timeout"], max_urls=options["max_urls"], deadline=options["deadline"]
        )
        self.stdout.write(
            f"{run.get_status_display()}: {run.pages_checked} pages, {run.links_found} links, "
            f"{run.urls_checked} addresses checked, {run.broken} broken."
        )
        if run.note and options["verbosity"] > 1:
            self.stdout.write(run.note)
