"""Load a catalog of services from YAML data files: the office's own, or the one this
project ships (huzheng/catalog/data/). Every row is checked first; one problem and nothing
is written."""

from django.core.management.base import BaseCommand, CommandError

from huzheng.catalog.datafiles import (
    DEFAULT_PATH,
    CatalogFileError,
    load_catalog,
    read_catalog,
)
from huzheng.core.models import Office


class Command(BaseCommand):
    help = (
        "Load the service catalog from a YAML file or a folder of YAML files (default: the "
        "catalog this project ships). Services that exist are kept as editors made them "
        "unless --replace is given; nothing is deleted. See huzheng/catalog/data/README.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
        parser.add_argument(
            "--office",
            help="code of the office whose contacts the files give (default: the files' own)",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="the files win over existing services and fine lines (a new revision each)",
        )
        parser.add_argument(
            "--check", action="store_true", help="only check the files; write nothing"
        )

    def handle(self, *args, path, office=None, replace=False, check=False, **options):
        target = None
        if office:
            target = Office.objects.filter(code=office.strip()[:32]).first()
            if target is None:
                raise CommandError(f"No office has the code {office!r}.")
        try:
            catalog = read_catalog(path)
        except CatalogFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(error.problems)} problem(s) in {path}; nothing was written."
            ) from None
        if check:
            self.stdout.write(
                f"{path}: {len(catalog.services)} services and "
                f"{len(catalog.fine_rules)} fine rules, no problems."
            )
            return
        result = load_catalog(catalog, office=target, replace=replace)
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Services: {len(result.created)} added, {len(result.replaced)} replaced, "
                    f"{len(result.kept)} kept as edited; contacts added: "
                    f"{result.contacts_added}; fine rules: {result.fine_rules_added} added, "
                    f"{result.fine_rules_replaced} replaced."
                )
            )
            if catalog.contacts and result.office is None:
                self.stdout.write(
                    f"No office has the code {catalog.contacts_office!r}: contacts were not "
                    "added (give --office, or load again once the office exists)."
                )
