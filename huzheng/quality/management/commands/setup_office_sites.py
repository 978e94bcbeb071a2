"""Give each office with its own site its own page permissions and approvals."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Page permissions and the director's approval per office's site (run after "
        "setup_roles on a deployment where offices have sites of their own)."
    )

    def handle(self, *args, **options):
        from huzheng.quality.county import separate_office_sites

        groups = separate_office_sites()
        if not groups:
            self.stdout.write("Fewer than two offices have a site: nothing to separate.")
        for (code, _role), group in sorted(groups.items(), key=lambda pair: pair[0]):
            self.stdout.write(f"{code}: {group.name}")
