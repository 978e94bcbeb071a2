"""Reminders (預約提醒) the day before an appointment, sent once however often the
command runs."""

import datetime as dt

from django.utils import timezone

from huzheng.appointments import messages
from huzheng.appointments.models import (
    Booking,
)
from huzheng.appointments.services.common import (
    local_midnight,
)


def send_reminders(*, now=None):
    """Remind everyone booked for tomorrow, by e-mail and SMS, once. Safe to run often."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    due = Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminded_at__isnull=True,
        start__gte=local_midnight(tomorrow),
        start__lt=local_midnight(tomorrow + dt.timedelta(days=1)),
    ).select_related("office", "service")
    sent = 0
    for booking in due:
        # Claim the reminder first, so two runs at once never send it twice.
        if not Booking.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            continue

        messages.send_reminder(booking)
        sent += 1
    return sent
