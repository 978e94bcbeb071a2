"""A month of made-up history for the demo office, so that every indicator of the plan
has a figure when `make run` shows the director's home: last month's counter visits,
appointments, notice slips, closed cases, ID card reports and a link check, and a few
people waiting today. Only for the demo office, once (a marker: last month's tickets).

It runs only when the demo is served (`HUZHENG_DEMO=1` in the environment, as `make run`
sets it), not in the test suite's demo snapshot, whose tests count rows of these apps."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from huzheng.core import roc
from huzheng.core.services import is_working_day

# Tickets a day, and the share of them that came with a booking.
TICKETS_A_DAY = 14


def seed_history(office, today=None):
    from huzheng.queueing.models import Series, Ticket

    today = today or roc.today()
    last_month_end = today.replace(day=1) - dt.timedelta(days=1)
    first = last_month_end.replace(day=1)
    if Ticket.objects.filter(office=office, date__gte=first, date__lte=last_month_end).exists():
        return False
    series = Series.objects.filter(office=office, is_active=True).order_by("sort_order").first()
    if series is None:
        return False
    rng = random.Random(f"{office.code}-{first:%Y-%m}")  # the same history on every machine
    days = [
        first + dt.timedelta(days=n)
        for n in range((last_month_end - first).days + 1)
        if is_working_day(office, first + dt.timedelta(days=n))
    ]
    with transaction.atomic():
        _tickets(office, series, days, rng)
        _bookings(office, days, rng)
        _slips(office, days, rng)
        _loss_reports(office, days)
        _outreach(office, days)
        _closed_cases(office, days)
        _link_check(last_month_end)
        _search_counts(days, rng)
    return True


def _at(day, hour, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _tickets(office, series, days, rng):
    from huzheng.queueing.models import Ticket, TicketStatus

    rows = []
    for day in days:
        for number in range(1, TICKETS_A_DAY + 1):
            issued = _at(day, 8, 30) + dt.timedelta(minutes=25 * number + rng.randint(0, 15))
            called = issued + dt.timedelta(minutes=rng.choice([2, 4, 6, 8, 10, 12, 15, 20, 28]))
            no_show = rng.random() < 0.04
            finished = called + dt.timedelta(minutes=rng.randint(4, 18))
            rows.append(
                Ticket(
                    office=office,
                    date=day,
                    series=series,
                    numbered_in=series,
                    number=number,
                    label=f"{series.letter}{number:03}",
                    status=TicketStatus.NO_SHOW if no_show else TicketStatus.DONE,
                    queued_at=issued,
                    issued_at=issued,
                    called_at=called,
                    started_at=None if no_show else called,
                    finished_at=None if no_show else finished,
                    appointment_code="DEMO" if rng.random() < 0.2 else "",
                )
            )
    Ticket.objects.bulk_create(rows)


def _bookings(office, days, rng):
    from huzheng.appointments.models import Booking
    from huzheng.catalog.models import RegistrationService

    service = RegistrationService.objects.filter(bookable=True).order_by("pk").first()
    if service is None:
        return
    for n, day in enumerate(days):
        start = _at(day, 10)
        status = Booking.Status.NO_SHOW if n % 6 == 5 else Booking.Status.ATTENDED
        booking = Booking.objects.create(
            code=f"HIST{day:%m%d}",
            office=office,
            service=service,
            start=start,
            end=start + dt.timedelta(minutes=15),
            place=1,
            name="示範預約者（虛構）",
            national_id_hash=f"demo-history-{day:%Y%m%d}",
            national_id_encrypted="",
            national_id_masked="A1****0001",
            phone="0912000000",
            status=status,
        )
        Booking.objects.filter(pk=booking.pk).update(
            created_at=start - dt.timedelta(days=rng.randint(1, 6), hours=3)
        )


def _slips(office, days, rng):
    from huzheng.catalog.models import NoticeSlip, RegistrationService

    service = RegistrationService.objects.order_by("pk").first()
    if service is None:
        return
    for day in days[::2]:
        slip = NoticeSlip.objects.create(
            number=f"{office.code.upper()}-HIST-{day:%Y%m%d}",
            office=office,
            service=service,
            service_name=service.name,
            missing=["示範：尚缺文件（虛構）"],
        )
        NoticeSlip.objects.filter(pk=slip.pk).update(created_at=_at(day, 11))


def _loss_reports(office, days):
    from huzheng.idcards.models import LossReport

    for n, day in enumerate(days[:4]):
        report = LossReport.objects.create(
            reference=f"HIST{day:%Y%m%d}{n}",
            national_id_hash=f"demo-history-loss-{day:%Y%m%d}",
            national_id_encrypted="",
            national_id_masked="A1****0002",
            channel=LossReport.Channel.ONLINE if n == 3 else LossReport.Channel.PHONE,
            office=office,
        )
        LossReport.objects.filter(pk=report.pk).update(created_at=_at(day, 9))


def _outreach(office, days):
    from huzheng.appointments.models import OutreachSession, SessionBooking

    day = days[len(days) // 2]
    session = OutreachSession.objects.create(
        office=office,
        kind=OutreachSession.Kind.SCHOOL,
        title="示範：赴國中受理初領身分證（虛構）",
        place="湖西國中",
        starts_at=_at(day, 9),
        ends_at=_at(day, 12),
        capacity=30,
        published=False,
    )
    for n, people in enumerate((12, 9)):
        SessionBooking.objects.create(
            code=f"HS{day:%m%d}{n}",
            session=session,
            name=f"示範學校第{n + 1}班（虛構）",
            people=people,
            phone="069920000",
        )


def _closed_cases(office, days):
    from huzheng.cases import services
    from huzheng.cases.demo import DEMO_BIRTH_DATE, DEMO_NATIONAL_ID
    from huzheng.cases.models import Case, Stage
    from huzheng.catalog.models import RegistrationService

    service = RegistrationService.objects.filter(slug="house-number-assignment").first()
    if service is None:
        return
    for n, day in enumerate(days[:6]):
        case = services.register_case(
            office=office,
            service=service,
            applicant_name="示範申請人（虛構）",
            national_id=DEMO_NATIONAL_ID,
            birth_date=DEMO_BIRTH_DATE,
            received_on=day,
        )
        # One in six finished a day late, the rest on time.
        closed_on = case.due_on + dt.timedelta(days=1) if n == 5 else day
        Case.objects.filter(pk=case.pk).update(stage=Stage.CLOSED, closed_at=_at(closed_on, 16))


def _link_check(day):
    from huzheng.linkcheck.models import LinkCheckRun

    LinkCheckRun.objects.create(
        finished_at=_at(day, 3), status=LinkCheckRun.Status.DONE, pages_checked=30, broken=1
    )


def _search_counts(days, rng):
    """The site search's daily counts (the deployment's, not one office's): a few
    everyday questions, one of them often finding nothing."""
    from huzheng.search.models import QueryStat

    for day in days:
        for query, empty_share in (("身分證 補發", 0), ("戶籍謄本", 0), ("寵物登記", 1)):
            searches = rng.randint(3, 12)
            QueryStat.objects.get_or_create(
                day=day,
                query=query,
                defaults={
                    "searches": searches,
                    "empty": searches * empty_share,
                    "clicks": 0 if empty_share else searches - 1,
                },
            )


def seed_waiting_today(office):
    """Three people in line now, so the director's home shows a queue."""
    from huzheng.queueing import services
    from huzheng.queueing.models import Ticket, TicketStatus

    today = roc.today()
    if Ticket.objects.filter(office=office, date=today, status=TicketStatus.WAITING).exists():
        return
    for n in range(3):
        try:
            services.issue_ticket(office, idempotency_key=f"demo-waiting-{today}-{n}")
        except Exception:  # the office closed now and not in demo mode: no line today
            return
