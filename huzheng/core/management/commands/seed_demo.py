"""Load the demo offices, staff, villages, counters and pages. Safe to run again."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from huzheng.core.cache import bumps_deferred
from huzheng.core.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo data of every Huzheng app (idempotent)."

    def handle(self, *args, **options):
        # Cached pages are made stale once, at the end, not after each of the thousands
        # of rows the demo writes.
        with bumps_deferred():
            self._seed_every_app(options["verbosity"])
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS("Demo data ready."))
            self.stdout.write(
                f"Demo logins (password {DEMO_PASSWORD}): director 主任, clerk 承辦人, "
                "counter 櫃檯, editor 網站管理, admin 系統管理"
            )

    def _seed_every_app(self, verbosity):
        # Each app may keep a demo.py with seed(); core's comes first because every
        # other app's demo rows belong to its offices.
        for config in apps.get_app_configs():
            if not config.name.startswith("huzheng."):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            import_module(module_name).seed()
            if verbosity > 1:
                self.stdout.write(f"seeded {config.label}")
