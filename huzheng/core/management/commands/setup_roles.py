"""Create or repair the staff role groups and their permissions."""

from django.core.management.base import BaseCommand

from huzheng.core.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the role groups (主任, 承辦人, 櫃檯, 網站管理) with exactly their permissions."

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(groups)}"))
