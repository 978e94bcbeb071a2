"""Appointments (issue 6): how fast the booking calendar is computed for a month that
already holds 1,000 bookings, and what the API answers cost around it.

Target: services.month_availability for one service, with 1,000 bookings in that month,
under 100 ms p95 server time, on SQLite and on PostgreSQL. Run by `make bench` (SQLite),
or with DATABASE_URL for PostgreSQL. Results in docs/performance.md.
"""

import datetime as dt
import os
import random

from common import setup_django, time_calls

BOOKINGS = 1_000
PLACES = 3
ROUNDS = 200
SEED = int(os.environ.get("BENCH_SEED", "6"))


def main():
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from huzheng.appointments import services
    from huzheng.core.models import Office

    print(f"database: {connection.vendor}")
    office = Office.objects.get(code="huxi")
    service = services.bookable_services().first()
    first = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    # The calendar as seen just before the month starts, so every day of it is bookable.
    now = timezone.make_aware(dt.datetime.combine(first, dt.time())) - dt.timedelta(hours=1)
    _policy(office)
    booked = _fill_month(office, service, first, now)
    month = services.month_availability(office, service, first.year, first.month, now=now)
    day = next(d for d, free in sorted(month.items()) if free)
    print(
        f"{booked:,} bookings in {first:%Y-%m} for {service.slug} "
        f"({service.appointment_minutes} min), {PLACES} places; "
        f"{sum(month.values()):,} slots still free"
    )

    client = Client()
    slots_url = f"/api/v1/appointments/slots?office=huxi&service={service.slug}&date={day}"

    def api_slots(n):
        response = client.get(slots_url)
        assert response.status_code == 200, (response.status_code, response.content[:300])

    rows = [
        (
            "services.month_availability",
            time_calls(
                lambda n: services.month_availability(
                    office, service, first.year, first.month, now=now
                ),
                ROUNDS,
            ),
        ),
        (
            "services.day_slots",
            time_calls(lambda n: services.day_slots(office, service, day, now=now), ROUNDS),
        ),
        ("GET /api/v1/appointments/slots (one day)", time_calls(api_slots, ROUNDS)),
    ]
    print(f"\n{'operation':44} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (p50, p95) in rows:
        print(f"{name:44} {p50:8.2f} {p95:8.2f}")


def _policy(office):
    from huzheng.appointments.models import AppointmentPolicy, Booking

    Booking.objects.filter(office=office).delete()  # the demo's few, and their claims
    AppointmentPolicy.objects.update_or_create(
        office=office, defaults={"places": PLACES, "window_days": 45, "lead_minutes": 60}
    )
    office.refresh_from_db()


def _fill_month(office, service, first, now):
    """BOOKINGS bookings on random free (slot, place) pairs of the month, written in bulk:
    the benchmark times the reading side, so filling goes straight to the tables."""
    from huzheng.appointments import services
    from huzheng.appointments.models import Booking, SlotClaim, cell_range

    rng = random.Random(SEED)
    policy = services.policy_for(office)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    days = services.slots_between(office, service, first, last, now=now)
    pairs = [
        (slot, place) for slots in days.values() for slot in slots for place in range(1, PLACES + 1)
    ]
    rng.shuffle(pairs)
    taken, chosen = set(), []
    for slot, place in pairs:
        cells = cell_range(slot.start, slot.end, policy.grid_minutes)
        if any((place, cell) in taken for cell in cells):
            continue
        taken.update((place, cell) for cell in cells)
        chosen.append((slot, place, cells))
        if len(chosen) == BOOKINGS:
            break
    statuses = [Booking.Status.BOOKED] * 8 + [Booking.Status.CANCELLED]
    bookings = Booking.objects.bulk_create(
        [
            Booking(
                code=f"B{n:07d}",
                office=office,
                service=service,
                start=slot.start,
                end=slot.end,
                place=place,
                name=f"民眾{n}",
                national_id_hash=f"{n:064d}",
                national_id_encrypted="-",
                national_id_masked="A12****789",
                phone="0912345678",
                status=rng.choice(statuses),
            )
            for n, (slot, place, _cells) in enumerate(chosen)
        ],
        batch_size=500,
    )
    # Cancelled bookings have given their cells back, as services.cancel does.
    SlotClaim.objects.bulk_create(
        [
            SlotClaim(office=office, place=place, cell=cell, booking=booking)
            for booking, (_slot, place, cells) in zip(bookings, chosen, strict=True)
            if booking.status == Booking.Status.BOOKED
            for cell in cells
        ],
        batch_size=1000,
    )
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh bulk rows have no planner statistics yet
            cursor.execute("ANALYZE appointments_booking")
            cursor.execute("ANALYZE appointments_slotclaim")
    return len(bookings)


if __name__ == "__main__":
    main()
