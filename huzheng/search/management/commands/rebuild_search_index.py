"""Rebuild the search index from every registered source (or the ones named)."""

from django.core.management.base import BaseCommand, CommandError

from huzheng.search import registry, services


class Command(BaseCommand):
    help = "Rebuild the search index from its sources (pages, services, forms …)."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", help="Only these sources.")

    def handle(self, *args, **options):
        known = registry.sources()
        unknown = [name for name in options["sources"] if name not in known]
        if unknown:
            raise CommandError(
                f"Unknown source(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
            )
        count = services.rebuild(options["sources"] or None)
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
