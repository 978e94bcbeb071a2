"""Walk the audit log's hash chain and report the first break (core.auditchain).

Exit status 0 when the chain is whole, 1 at the first changed, removed or inserted
entry, so cron or a monitoring check can alert on it."""

import sys

from django.core.management.base import BaseCommand

from huzheng.core import auditchain

PROBLEMS = {
    "previous_hash": "does not follow the entry before it (an entry was removed or inserted)",
    "entry_hash": "was changed after it was written",
    "missing_at_end": "is the newest entry the chain knows, but it is missing (entries removed)",
}


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; report the first break."

    def handle(self, *args, **options):
        checked, broken = auditchain.verify()
        if broken is None:
            self.stdout.write(self.style.SUCCESS(f"Audit log intact: {checked} entries."))
            return
        self.stderr.write(
            f"Audit log broken at entry {broken.entry_id}: it {PROBLEMS[broken.problem]}. "
            f"{checked} entries before it are intact."
        )
        sys.exit(1)
