"""Queue statistics (叫號統計): the director reads tickets per hour and per day, waiting
and service times, no-shows and each counter's and clerk's work for a day or a month of
their own office, on a page and as a CSV, and every figure is the one the tickets give."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from huzheng.catalog.models import Category, RegistrationService
from huzheng.core import roles
from huzheng.core.models import Office
from huzheng.core.tests.factories import OfficeFactory, StaffFactory, UserFactory
from huzheng.queueing import statistics as stats
from huzheng.queueing.models import Counter, Series, Ticket, TicketStatus

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 25)
OTHER_DAY = dt.date(2026, 11, 3)
URL = "/queue/huxi/statistics/"
SERIES = [
    ("A", "一般業務", Series.Kind.REGULAR),
    ("B", "謄本及證明", Series.Kind.REGULAR),
    ("C", "預約報到", Series.Kind.CHECK_IN),
    ("P", "優先服務", Series.Kind.PRIORITY),
]
STAFF = [
    ("director", roles.DIRECTOR, "林", "美華", "huxi"),
    ("clerk", roles.REGISTRAR, "陳", "志明", "huxi"),
    ("counter", roles.COUNTER_STAFF, "王", "淑芬", "huxi"),
    ("magong-director", roles.DIRECTOR, "黃", "建國", "magong"),
]
SERVICES = [
    ("test-move-in", "遷入登記", Category.REGISTRATION),
    ("test-transcript", "戶籍謄本", Category.CERTIFICATE),
]
CSV_URL = "/queue/huxi/statistics.csv"


def at(day, hh, mm):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def ticket(office, letter, number, issued, *, day=DAY, called=None, started=None,
           finished=None, status=TicketStatus.WAITING, counter=None, by=None, service=None,
           no_show_count=0):  # fmt: skip
    series = Series.objects.get(office=office, letter=letter)
    return Ticket.objects.create(
        office=office,
        date=day,
        series=series,
        number=number,
        label=f"{letter}{number:03d}",
        service=service,
        status=status,
        queued_at=at(day, *issued),
        issued_at=at(day, *issued),
        called_at=at(day, *called) if called else None,
        started_at=at(day, *started) if started else None,
        finished_at=at(day, *finished) if finished else None,
        counter=Counter.objects.get(office=office, number=counter) if counter else None,
        served_by=by,
        no_show_count=no_show_count,
    )


@pytest.fixture
def offices(db):
    """Two offices with the demo's series and counters and their staff, built directly
    (seeding the whole demo site for each test would take ten times longer)."""
    made = {}
    for code in ("huxi", "magong"):
        office = OfficeFactory(code=code)
        series = {
            letter: Series.objects.create(
                office=office, letter=letter, name=name, kind=kind, sort_order=order
            )
            for order, (letter, name, kind) in enumerate(SERIES)
        }
        for number in (1, 2, 3, 4):
            counter = Counter.objects.create(
                office=office, number=number, is_full_function=number != 4
            )
            if number == 4:
                counter.series.set([series["B"], series["C"]])
        made[code] = office
    # The permission is given directly (the roles' groups take long to build); that the
    # director's role holds it is checked against roles.MODEL_PERMISSIONS below.
    permission = Permission.objects.get(codename="view_queue_statistics")
    for username, role, last, first, code in STAFF:
        profile = StaffFactory(
            user__username=username, user__last_name=last, user__first_name=first, office=made[code]
        )
        if permission_of(role):
            profile.user.user_permissions.add(permission)
    UserFactory(username="admin", is_superuser=True)
    return made


@pytest.fixture
def day_of_tickets(offices):
    """One day at Huxi with known times. Waits 10, 20, 5, 0, 40 min; service 10, 6, 4, 12."""
    office = offices["huxi"]
    users = {u.username: u for u in get_user_model().objects.all()}
    clerk, counter = users["clerk"], users["counter"]
    move_in, transcript = (
        RegistrationService.objects.create(slug=slug, name=name, name_en=slug, category=category)
        for slug, name, category in SERVICES
    )
    done = TicketStatus.DONE
    ticket(office, "A", 1, (8, 5), called=(8, 15), started=(8, 16), finished=(8, 26),
           status=done, counter=1, by=counter, service=move_in)  # fmt: skip
    # Never started: service time runs from the call.
    ticket(office, "A", 2, (8, 10), called=(8, 30), finished=(8, 36), status=done,
           counter=2, by=clerk)  # fmt: skip
    ticket(office, "A", 3, (9, 0), called=(9, 5), status=TicketStatus.NO_SHOW, counter=1,
           by=counter, no_show_count=1)  # fmt: skip
    ticket(office, "B", 1, (9, 20), called=(9, 20), started=(9, 21), finished=(9, 25),
           status=done, counter=4, by=clerk, service=transcript)  # fmt: skip
    ticket(office, "P", 1, (14, 0), called=(14, 40), started=(14, 40), finished=(14, 52),
           status=done, counter=1, by=counter)  # fmt: skip
    ticket(office, "A", 4, (16, 30))
    ticket(office, "A", 5, (18, 10), status=TicketStatus.CANCELLED)
    # Another office's ticket that day never counts at Huxi.
    ticket(offices["magong"], "A", 1, (8, 0), called=(10, 0), finished=(10, 30), status=done)
    return {"office": office, "move_in": move_in, "transcript": transcript}


def permission_of(role):
    return "queueing.view_queue_statistics" in roles.MODEL_PERMISSIONS[role]


def figures(office, period):
    return stats.period_statistics(office, period)


# --- the figures -------------------------------------------------------------------------------


def test_totals_count_issued_called_served_and_no_shows(day_of_tickets):
    totals = stats.totals(day_of_tickets["office"], stats.day_period(DAY))
    assert totals == {
        "issued": 7,
        "called": 5,
        "served": 4,
        "no_show": 1,
        "waiting": 1,
        "cancelled": 1,
        "no_show_rate": 0.2,
    }


def test_a_no_show_who_came_back_still_counts_as_a_no_show(day_of_tickets):
    office = day_of_tickets["office"]
    ticket(office, "A", 6, (10, 0), called=(10, 10), started=(10, 30), finished=(10, 40),
           status=TicketStatus.DONE, counter=2, no_show_count=1)  # fmt: skip
    totals = stats.totals(office, stats.day_period(DAY))
    assert (totals["called"], totals["no_show"], totals["no_show_rate"]) == (6, 2, 0.3333)


def test_waiting_time_is_from_issue_to_call_mean_and_p90(day_of_tickets):
    waiting = stats.waiting_times(day_of_tickets["office"], stats.day_period(DAY))
    # Waits 0, 5, 10, 20, 40: the 90th percentile lies 60% of the way from 20 to 40.
    assert waiting == {"count": 5, "mean_minutes": 15.0, "p90_minutes": 32.0, "max_minutes": 40.0}


def test_tickets_per_hour_cover_the_office_day_and_any_other_hour_with_tickets(day_of_tickets):
    per_hour = stats.tickets_per_hour(day_of_tickets["office"], stats.day_period(DAY))
    assert [row["hour"] for row in per_hour] == list(range(8, 19))
    counts = {row["hour"]: row["issued"] for row in per_hour}
    assert counts == {8: 2, 9: 2, 10: 0, 11: 0, 12: 0, 13: 0, 14: 1, 15: 0, 16: 1, 17: 0, 18: 1}


def test_an_empty_day_still_shows_the_office_hours(offices):
    per_hour = stats.tickets_per_hour(offices["huxi"], stats.day_period(DAY))
    assert [row["hour"] for row in per_hour] == list(range(8, 17))
    assert {row["issued"] for row in per_hour} == {0}
    result = figures(offices["huxi"], stats.day_period(DAY))
    assert result["waiting"] == {
        "count": 0,
        "mean_minutes": None,
        "p90_minutes": None,
        "max_minutes": None,
    }
    assert result["totals"]["no_show_rate"] is None
    assert result["by_counter"] == result["by_staff"] == result["by_service"] == []


def test_service_time_by_service_runs_from_start_or_call_to_finish(day_of_tickets):
    rows = stats.service_times_by_service(day_of_tickets["office"], stats.day_period(DAY))
    by_id = {row["service_id"]: row for row in rows}
    move_in, transcript = day_of_tickets["move_in"], day_of_tickets["transcript"]
    assert by_id[move_in.pk] | {"service": ""} == {
        "service_id": move_in.pk,
        "service": "",
        "count": 1,
        "mean_minutes": 10.0,
        "p90_minutes": 10.0,
        "max_minutes": 10.0,
    }
    assert by_id[move_in.pk]["service"] == move_in.name
    assert by_id[transcript.pk]["mean_minutes"] == 4.0
    # A002 (6 min from its call) and P001 (12 min) chose no service; they come last.
    assert rows[-1]["service_id"] is None
    assert (rows[-1]["count"], rows[-1]["mean_minutes"], rows[-1]["p90_minutes"]) == (2, 9.0, 11.4)


def test_overall_service_time_mean_and_p90(day_of_tickets):
    service = figures(day_of_tickets["office"], stats.day_period(DAY))["service"]
    # 4, 6, 10, 12: the 90th percentile lies 70% of the way from 10 to 12.
    assert service == {"count": 4, "mean_minutes": 8.0, "p90_minutes": 11.4, "max_minutes": 12.0}


def test_by_series_gives_tickets_service_and_wait(day_of_tickets):
    office, period = day_of_tickets["office"], stats.day_period(DAY)
    rows = {r["letter"]: r for r in stats.service_times_by_series(office, period)}
    assert list(rows) == ["A", "B", "C", "P"]
    assert (rows["A"]["issued"], rows["A"]["served"], rows["A"]["mean_minutes"]) == (5, 2, 8.0)
    assert rows["A"]["mean_wait_minutes"] == 11.7  # (10 + 20 + 5) / 3
    assert (rows["B"]["issued"], rows["B"]["mean_minutes"], rows["B"]["mean_wait_minutes"]) == (
        1,
        4.0,
        0.0,
    )
    assert (rows["C"]["issued"], rows["C"]["mean_minutes"]) == (0, None)
    assert (rows["P"]["served"], rows["P"]["p90_wait_minutes"]) == (1, 40.0)


def test_by_counter_and_by_staff(day_of_tickets):
    period = stats.day_period(DAY)
    office = day_of_tickets["office"]
    counters = stats.by_counter(office, period)
    work = [(r["number"], r["served"], r["mean_service_minutes"], r["no_show"]) for r in counters]
    assert work == [
        (1, 2, 11.0, 1),
        (2, 1, 6.0, 0),
        (4, 1, 4.0, 0),
    ]  # fmt: skip
    staff = {r["name"]: r for r in stats.by_staff(office, period)}
    assert set(staff) == {"王淑芬", "陳志明"}  # surname first, as the office writes names
    assert (staff["王淑芬"]["served"], staff["王淑芬"]["mean_service_minutes"]) == (2, 11.0)
    assert staff["王淑芬"]["no_show"] == 1
    assert (staff["陳志明"]["served"], staff["陳志明"]["mean_service_minutes"]) == (2, 5.0)


def test_a_month_adds_every_day_and_leaves_out_other_months(day_of_tickets):
    office = day_of_tickets["office"]
    ticket(office, "A", 1, (10, 0), day=OTHER_DAY, called=(10, 30), finished=(10, 40),
           status=TicketStatus.DONE, counter=3)  # fmt: skip
    ticket(office, "A", 1, (10, 0), day=dt.date(2026, 12, 1))
    ticket(office, "A", 1, (10, 0), day=dt.date(2026, 10, 31))
    period = stats.month_period(DAY)
    result = figures(office, period)
    assert result["period"] == {"kind": "month", "first": "2026-11-01", "last": "2026-11-30"}
    assert result["totals"]["issued"] == 8
    per_day = {row["date"]: row for row in result["per_day"]}
    assert len(per_day) == 30
    assert per_day[OTHER_DAY] == {
        "date": OTHER_DAY,
        "issued": 1,
        "served": 1,
        "no_show": 0,
        "mean_wait_minutes": 30.0,
    }
    assert (per_day[DAY]["issued"], per_day[DAY]["served"], per_day[DAY]["no_show"]) == (7, 4, 1)
    assert per_day[DAY]["mean_wait_minutes"] == 15.0
    assert per_day[dt.date(2026, 11, 4)]["issued"] == 0
    hours = {row["hour"]: row["issued"] for row in result["per_hour"]}
    assert hours[10] == 1 and hours[8] == 2
    # A day has no per-day table.
    assert figures(office, stats.day_period(DAY))["per_day"] == []


def test_percentile_interpolates_between_ranks():
    assert stats.percentile(list(range(1, 11)), 90) == pytest.approx(9.1)
    assert stats.percentile([7], 90) == 7
    assert stats.percentile([], 90) is None


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        ("2026-11-25", None, ("day", "2026-11-25", "2026-11-25")),
        (None, "2026-02", ("month", "2026-02-01", "2026-02-28")),
        ("2026-11-25", "2026-02", ("day", "2026-11-25", "2026-11-25")),
        (" 2026-11-25 ", None, ("day", "2026-11-25", "2026-11-25")),
    ],
)
def test_the_period_is_read_from_the_query(day, month, expected):
    period, note = stats.parse_period(day, month, today=DAY)
    assert (period.kind, period.first.isoformat(), period.last.isoformat()) == expected
    assert note == ""


@pytest.mark.parametrize(
    ("day", "month"),
    [
        ("2026-02-30", None),
        ("115/11/25", None),
        ("yesterday", None),
        ("1800-01-01", None),
        ("2026-11-25" * 50, None),
        (None, "2026-13"),
        (None, "2026-1"),
        (None, "9999-01"),
        (None, "'; DROP TABLE"),
    ],
)
def test_a_bad_period_gives_today_with_a_note(day, month):
    period, note = stats.parse_period(day, month, today=DAY)
    assert (period.kind, period.first) == ("day", DAY)
    assert note


def test_the_period_steps_to_the_previous_and_next_day_or_month():
    day = stats.day_period(dt.date(2026, 3, 1))
    assert (day.previous().first, day.next().first) == (dt.date(2026, 2, 28), dt.date(2026, 3, 2))
    month = stats.month_period(dt.date(2026, 1, 15))
    assert (month.previous().iso, month.next().iso) == ("2025-12", "2026-02")
    assert month.label in ("民國115年1月", "ROC year 115, month 1")


# --- the page, the CSV and who may read them -----------------------------------------------


def signed_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(offices):
    for url in (URL, CSV_URL):
        response = Client().get(url + "?day=2026-11-25")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=/queue/huxi/statistics")


def test_the_director_reads_the_statistics_and_the_counter_does_not():
    assert permission_of(roles.DIRECTOR)
    assert not permission_of(roles.COUNTER_STAFF)
    assert not permission_of(roles.WEB_EDITOR)


def test_staff_without_the_permission_get_403(offices):
    client = signed_in("counter")
    response = client.get(URL)
    assert response.status_code == 403
    # The office's own words, not a bare English "403 Forbidden".
    assert "無權" in response.content.decode() or "不能開啟" in response.content.decode()
    assert client.get(CSV_URL).status_code == 403


def test_a_director_reads_only_their_own_office(offices):
    client = signed_in("magong-director")
    assert client.get(URL).status_code == 403
    assert client.get(CSV_URL).status_code == 403
    assert client.get("/queue/magong/statistics/").status_code == 200
    # A superuser or county staff without an office reads every office.
    admin = signed_in("admin")
    assert admin.get(URL).status_code == 200
    assert admin.get("/queue/magong/statistics.csv").status_code == 200


def test_an_unknown_office_is_404(offices):
    assert signed_in("director").get("/queue/nowhere/statistics/").status_code == 404


def test_the_page_shows_charts_beside_their_tables(day_of_tickets):
    response = signed_in("director").get(URL + "?day=2026-11-25")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="queue-stats__chart"') == 1 and 'role="img"' in html
    assert html.count('class="chart-bar"') == 11  # 08:00 to 18:00
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "民國115年11月25日" in html or "2026-11-25 (ROC 115)" in html
    assert "statistics.csv?day=2026-11-25" in html
    assert "王淑芬" in html and "32.0" in html  # a clerk, and the wait's p90
    month = signed_in("director").get(URL + "?month=2026-11").content.decode()
    assert month.count('class="queue-stats__chart"') == 2  # per hour and per day
    assert month.count('class="chart-bar"') == 11 + 30


@pytest.mark.parametrize(
    "query", ["?day=2026-02-30", "?month=abc", "?day=2026-11-25%20extra", "?month=" + "9" * 500]
)
def test_bad_parameters_show_today_with_a_message_not_an_error(offices, query):
    client = signed_in("director")
    response = client.get(URL + query)
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    today = timezone.localdate().isoformat()
    assert response.context["period"].first.isoformat() == today
    csv_response = client.get(CSV_URL + query)
    assert csv_response.status_code == 200
    assert today in csv_response.content.decode("utf-8-sig")


def read_csv(response):
    body = response.content
    assert body.startswith("\ufeff".encode())  # BOM, so Excel reads the Chinese
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def blocks(rows):
    """The CSV's blocks by the first cell of their heading row."""
    out, current = {}, None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = out.setdefault(row[0], [row])
        else:
            current.append(row)
    return out


def test_the_csv_gives_the_same_figures(day_of_tickets):
    response = signed_in("director").get(CSV_URL + "?day=2026-11-25")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "queue-statistics-huxi-2026-11-25.csv" in response["Content-Disposition"]
    parts = blocks(read_csv(response))
    assert parts["office"] == [["office", "huxi"], ["period", "day", "2026-11-25", "2026-11-25"]]
    totals = dict(zip(parts["totals"][0][1:], parts["totals"][1][1:], strict=True))
    assert totals == {
        "issued": "7",
        "called": "5",
        "served": "4",
        "no_show": "1",
        "no_show_rate": "0.2",
        "waiting": "1",
        "cancelled": "1",
    }
    measures = {row[0]: row[1:] for row in parts["measure"][1:]}
    assert measures == {
        "waiting": ["5", "15.0", "32.0", "40.0"],
        "service": ["4", "8.0", "11.4", "12.0"],
    }
    hours = {row[0]: row[1] for row in parts["hour"][1:]}
    assert (hours["08"], hours["14"], hours["18"], hours["10"]) == ("2", "1", "1", "0")
    assert "date" not in parts  # no per-day block for a day
    counters = [(row[0], row[2], row[3], row[4]) for row in parts["counter"][1:]]
    assert counters == [("1", "2", "11.0", "1"), ("2", "1", "6.0", "0"), ("4", "1", "4.0", "0")]
    staff = {row[0]: row[1:] for row in parts["staff"][1:]}
    assert staff["王淑芬"] == ["2", "11.0", "1"]
    service_names = [row[0] for row in parts["service"][1:]]
    assert day_of_tickets["move_in"].name in service_names


def test_the_csv_of_a_month_has_a_row_per_day(day_of_tickets):
    response = signed_in("director").get(CSV_URL + "?month=2026-11")
    parts = blocks(read_csv(response))
    days = parts["date"]
    assert days[0] == ["date", "issued", "served", "no_show", "mean_wait_minutes"]
    assert len(days) == 31
    assert ["2026-11-25", "7", "4", "1", "15.0"] in days


def test_a_csv_cell_never_starts_a_formula(day_of_tickets):
    move_in = day_of_tickets["move_in"]
    RegistrationService.objects.filter(pk=move_in.pk).update(name="=HYPERLINK(1)")
    text = signed_in("director").get(CSV_URL + "?day=2026-11-25").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


# --- in a browser ------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_statistics_page_passes_axe_and_works_by_keyboard(page, live_site, axe):
    office = Office.objects.get(code="huxi")
    ticket(office, "A", 1, (8, 5), called=(8, 15), started=(8, 16), finished=(8, 26),
           status=TicketStatus.DONE, counter=1)  # fmt: skip
    ticket(office, "A", 2, (9, 5), called=(9, 7), status=TicketStatus.NO_SHOW, counter=2)
    page.goto(live_site + "/admin/login/")
    page.locator("#id_username").fill("director")
    page.locator("#id_password").fill("huzheng-demo")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    page.goto(live_site + URL + "?month=2026-11")
    assert page.locator(".queue-stats__chart svg[role=img]").count() == 2
    axe(page)
    page.goto(live_site + URL + "?day=2026-11-25")
    axe(page)
    # A day is chosen and shown by keyboard alone; the step links work with Enter.
    page.locator("#stats-day").fill("2026-11-03")
    with page.expect_navigation():
        page.locator("#stats-day").press("Enter")
    assert "day=2026-11-03" in page.url
    page.locator("a[rel=prev]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "day=2026-11-02" in page.url
    page.goto(live_site + URL + "?day=not-a-day")
    assert page.locator("[role=status]").is_visible()
    axe(page)
    page.emulate_media(media="print")
    assert not page.locator(".queue-stats__periods").is_visible()
