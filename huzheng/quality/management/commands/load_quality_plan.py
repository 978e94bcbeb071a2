"""Load a service-quality plan from a JSON file (the shape of quality/data/plan-103.json)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from huzheng.core.services import OfficeNotFound, get_office
from huzheng.quality import services


class Command(BaseCommand):
    help = "Load (or replace) one office's yearly service-quality plan from a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("office", help="office code, e.g. huxi")
        parser.add_argument("path", help="the plan as JSON")
        parser.add_argument("--draft", action="store_true", help="do not publish it")

    def handle(self, *args, office, path, draft, **options):
        try:
            target = get_office(office)
        except OfficeNotFound:
            raise CommandError(f"no office with the code {office!r}") from None
        try:
            plan = services.load_plan_file(target, path, publish=not draft)
        except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
            raise CommandError(f"cannot load {path}: {exc}") from None
        self.stdout.write(f"{plan.title}: {plan.items.count()} items, {plan.total_points()} points")
