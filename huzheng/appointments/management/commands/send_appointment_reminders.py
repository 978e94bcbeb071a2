"""Remind everyone booked for tomorrow (預約提醒), by e-mail and SMS. Idempotent."""

from django.core.management.base import BaseCommand

from huzheng.appointments import services


class Command(BaseCommand):
    help = (
        "Send tomorrow's appointment reminders by e-mail and SMS. Each booking is reminded "
        "once, so running again sends nothing more; run it a few times a day, for example "
        "from cron: `0 9,15,19 * * * cd /srv/huzheng && .venv/bin/python manage.py "
        "send_appointment_reminders`, or from a systemd timer with OnCalendar=*-*-* "
        "09,15,19:00:00 and a service whose ExecStart runs the same command."
    )

    def handle(self, *args, **options):
        sent = services.send_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(f"Sent {sent} appointment reminder(s).")
        return None
