"""Every indicator of the plan, computed from rows made here with known answers
(March 2026 for one office; rows of another office and of other months must not count)."""

import datetime as dt

import pytest
from django.utils import timezone

from huzheng.appointments.models import Booking, OutreachSession, SessionBooking
from huzheng.appointments.tests.factories import bookable_service
from huzheng.cases.models import Case, Stage
from huzheng.cases.tests.factories import case_desk, make_case
from huzheng.catalog.models import NoticeSlip
from huzheng.core.indicators import Period, all_indicators, get_indicator
from huzheng.core.tests.factories import OfficeFactory
from huzheng.idcards.models import LossReport
from huzheng.linkcheck.models import LinkCheckRun
from huzheng.queueing.models import Ticket, TicketStatus
from huzheng.queueing.tests.factories import SeriesFactory

MARCH = Period.month(2026, 3)


def at(day, hour, minute=0):
    return timezone.make_aware(dt.datetime(2026, 3, day, hour, minute))


def value(key, office, period=MARCH):
    return get_indicator(key).value(office, period)


@pytest.fixture
def office(db):
    return OfficeFactory(code="huxi", weekday_hours=False)


@pytest.fixture
def other(db):
    return OfficeFactory(code="magong", weekday_hours=False)


def ticket(office, number, *, wait, service=None, status=TicketStatus.DONE, code="", day=10):
    issued = at(day, 9)
    called = issued + dt.timedelta(minutes=wait) if wait is not None else None
    return Ticket.objects.create(
        office=office,
        date=issued.date(),
        series=SeriesFactory(office=office, letter="A"),
        number=number,
        label=f"A{number:03}",
        status=status,
        queued_at=issued,
        issued_at=issued,
        called_at=called,
        started_at=called,
        finished_at=called + dt.timedelta(minutes=service) if service is not None else None,
        appointment_code=code,
    )


@pytest.fixture
def visits(office, other):
    # Waits 4, 8, 12 and 40 minutes; service 5, 10, 15 and 20 minutes.
    ticket(office, 1, wait=4, service=5, code="BK1")
    ticket(office, 2, wait=8, service=10)
    ticket(office, 3, wait=12, service=15)
    ticket(office, 4, wait=40, service=20)
    ticket(office, 5, wait=None, status=TicketStatus.CANCELLED)
    ticket(other, 1, wait=90, service=90)  # another office
    april = ticket(office, 6, wait=90, service=90)
    Ticket.objects.filter(pk=april.pk).update(date=dt.date(2026, 4, 1))  # another month


def test_queue_waits_and_service_times(visits, office):
    assert value("queue.wait_mean", office) == 16.0
    assert value("queue.wait_p90", office) == 31.6  # 12 + 0.7 × (40 − 12)
    assert value("queue.service_mean", office) == 12.5
    assert value("queue.service_p90", office) == 18.5
    assert value("queue.served_within_target", office) == 75.0  # 3 of 4 within 15 minutes


def test_queue_figures_are_none_with_no_visits(office):
    assert value("queue.wait_mean", office) is None
    assert value("queue.served_within_target", office) is None


def test_share_of_visits_booked_online(visits, office):
    assert value("appointments.booked_online_share", office) == 25.0  # 1 of 4, cancelled out


def booking(office, service, n, *, start_day, made_days_before, status):
    start = at(start_day, 10)
    row = Booking.objects.create(
        code=f"T{n:05}",
        office=office,
        service=service,
        start=start,
        end=start + dt.timedelta(minutes=15),
        place=1,
        name="王小明",
        national_id_hash=f"h{n}",
        national_id_encrypted="x",
        national_id_masked="A12****789",
        phone="0912345678",
        status=status,
    )
    Booking.objects.filter(pk=row.pk).update(created_at=start - dt.timedelta(days=made_days_before))
    return row


@pytest.fixture
def bookings(office):
    service = bookable_service()
    booking(office, service, 1, start_day=20, made_days_before=1, status=Booking.Status.ATTENDED)
    booking(office, service, 2, start_day=20, made_days_before=2, status=Booking.Status.ATTENDED)
    booking(office, service, 3, start_day=20, made_days_before=3, status=Booking.Status.NO_SHOW)
    booking(office, service, 4, start_day=20, made_days_before=9, status=Booking.Status.CANCELLED)
    # Made in February for March: counts for lead time and no-shows, not as booked in March.
    booking(office, service, 5, start_day=2, made_days_before=5, status=Booking.Status.BOOKED)


def test_appointments_booked_no_shows_and_lead_time(bookings, office):
    assert value("appointments.booked", office) == 4
    assert value("appointments.no_show_share", office) == 33.3  # 1 of 3 due
    assert value("appointments.lead_time", office) == 2.8  # (1 + 2 + 3 + 5) / 4 days


def test_outreach_places_used(office):
    session = OutreachSession.objects.create(
        office=office,
        kind=OutreachSession.Kind.SCHOOL,
        title="湖西國中初領身分證",
        place="湖西國中",
        starts_at=at(12, 9),
        ends_at=at(12, 12),
        capacity=20,
    )
    for n, (people, status) in enumerate(
        [(3, "booked"), (2, "booked"), (6, SessionBooking.Status.CANCELLED)]
    ):
        SessionBooking.objects.create(
            code=f"S{n}",
            session=session,
            name="三年一班",
            people=people,
            phone="0912345678",
            status=status,
        )
    assert value("appointments.outreach_places_used", office) == 25.0


def test_cases_finished_within_their_time_limit(db):
    desk = case_desk()
    office = desk["office"]
    cases = [make_case(desk) for _n in range(4)]
    due = dt.date(2026, 3, 10)
    Case.objects.filter(pk__in=[c.pk for c in cases]).update(due_on=due)
    for case, closed_day in zip(cases[:3], (9, 10, 13), strict=True):
        Case.objects.filter(pk=case.pk).update(stage=Stage.CLOSED, closed_at=at(closed_day, 16))
    assert value("cases.finished_in_time", office) == 66.7  # closed on the 9th and 10th
    assert value("cases.open_overdue", office) == 1


def test_notice_slips_issued(office, other):
    service = bookable_service()
    for n, owner in enumerate([office, office, other]):
        slip = NoticeSlip.objects.create(
            number=f"S-{n}", office=owner, service=service, service_name="補發"
        )
        NoticeSlip.objects.filter(pk=slip.pk).update(created_at=at(5, 10))
    assert value("catalog.slips_issued", office) == 2


def test_id_card_loss_reports_by_channel(office, other):
    for n, (owner, channel) in enumerate(
        [
            (office, LossReport.Channel.PHONE),
            (office, LossReport.Channel.PHONE),
            (other, LossReport.Channel.PHONE),
            (None, LossReport.Channel.ONLINE),
        ]
    ):
        report = LossReport.objects.create(
            reference=f"L{n}",
            national_id_hash=f"h{n}",
            national_id_encrypted="x",
            national_id_masked="A12****789",
            channel=channel,
            office=owner,
        )
        LossReport.objects.filter(pk=report.pk).update(created_at=at(3, 10))
    assert value("idcards.reports_by_phone", office) == 2
    assert value("idcards.reports_online", office) == 1


def test_broken_links_come_from_the_last_finished_check(office):
    assert value("linkcheck.broken_links", office) is None
    LinkCheckRun.objects.create(finished_at=at(1, 3), status="done", broken=5)
    LinkCheckRun.objects.create(finished_at=at(20, 3), status="done", broken=2)
    LinkCheckRun.objects.create(finished_at=at(21, 3), status="failed", broken=0)
    LinkCheckRun.objects.create(finished_at=at(28, 3) + dt.timedelta(days=10), broken=9)
    assert value("linkcheck.broken_links", office) == 2


def test_online_share_of_transactions(visits, bookings, office):
    # 4 bookings made in March + 0 online loss reports, against 3 counter visits
    # not booked online (the cancelled ticket does not count).
    assert value("quality.online_share", office) == 57.1


def test_pages_overdue_and_disclosure_coverage(office):
    from wagtail.models import Page

    from huzheng.site.models import ContentPage, DisclosureCategory, DisclosureLink, DisclosurePage

    root = Page.get_first_root_node()
    overdue = ContentPage(title="過期頁", slug="overdue-q", review_by=dt.date(2026, 3, 1))
    root.add_child(instance=overdue)
    fresh = ContentPage(title="新頁", slug="fresh-q", review_by=dt.date(2026, 12, 1))
    root.add_child(instance=fresh)
    disclosure = DisclosurePage(title="政府資訊公開", slug="disclosure-q")
    root.add_child(instance=disclosure)
    categories = list(DisclosureCategory)
    for category in categories[:2]:
        DisclosureLink.objects.create(
            page=disclosure, category=category, title="x", link_url="https://example.invalid/"
        )
    assert value("site.pages_overdue_review", office) == 1
    assert value("site.disclosure_coverage", office) == round(100 * 2 / len(categories), 1)


def test_every_indicator_names_its_unit_and_source():
    for key, indicator in all_indicators().items():
        assert key.count(".") == 1 and str(indicator.name) and str(indicator.source), key
