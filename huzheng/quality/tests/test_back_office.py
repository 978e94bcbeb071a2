"""The director's home, the monthly meeting and the self-evaluation in the back office."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from huzheng.cases.models import Case
from huzheng.cases.tests.factories import case_desk, make_case
from huzheng.core.roles import DIRECTOR
from huzheng.core.tests.factories import StaffFactory
from huzheng.quality import services
from huzheng.quality.models import Meeting, PlanItem, SelfScore

PLAN_103 = services.DATA_DIR / "plan-103.json"


@pytest.fixture
def desk(db):
    cache.clear()
    return case_desk()


@pytest.fixture
def plan(desk):
    plan = services.load_plan_file(desk["office"], PLAN_103)
    return services.copy_plan(plan, timezone.localdate().year)


def test_the_directors_home_shows_today_and_the_overdue_case(client, desk, plan):
    case = make_case(desk)
    Case.objects.filter(pk=case.pk).update(due_on=timezone.localdate() - dt.timedelta(days=2))
    client.force_login(desk["director"])
    html = client.get("/admin/").content.decode()
    assert "director-home" in html
    assert 'data-figure="waiting"' in html and 'data-figure="cards_ready"' in html
    assert f'href="/admin/cases/{case.pk}/"' in html
    assert "本月指標與計畫目標" in html  # this month against the plan's targets
    # Wagtail's page counts ("26 Pages") are gone for the director.
    assert "w-summary" not in html


def test_a_registrar_gets_todays_figures_without_the_targets(client, desk, plan):
    client.force_login(desk["clerk"])
    html = client.get("/admin/").content.decode()
    assert "director-home" in html
    assert "本月指標與計畫目標" not in html


def test_counter_staff_keep_wagtails_home(client, desk):
    client.force_login(desk["counter"])
    assert "director-home" not in client.get("/admin/").content.decode()


def test_the_director_records_a_monthly_meeting_with_frozen_indicators(client, desk, plan):
    client.force_login(desk["director"])
    today = timezone.localdate()
    response = client.post(
        "/admin/quality/meetings/new/",
        {
            "date": f"{today.year - 1911}/{today.month}/{today.day}",
            "chair": "主任",
            "notes": "檢討本月等候時間",
            "decisions": "增開中午櫃檯",
            "check-TOTAL_FORMS": "2",
            "check-INITIAL_FORMS": "0",
            "check-0-subject": "一次告知單開立",
            "check-0-staff": "王戶籍員",
            "check-0-finding": "符合規定",
            "action-TOTAL_FORMS": "2",
            "action-INITIAL_FORMS": "0",
            "action-0-action": "更新申請須知",
            "action-0-owner": "李承辦",
            "action-0-due": f"{today.year - 1911}/12/31",
        },
    )
    meeting = Meeting.objects.get(office=desk["office"])
    assert response.status_code == 302
    assert meeting.figures_period == f"{today:%Y-%m}"
    keys = {f["key"] for f in meeting.figures}
    assert {"queue.wait_p90", "cases.finished_in_time"} <= keys
    assert meeting.spot_checks.get().finding == "符合規定"
    assert meeting.actions.get().due == dt.date(today.year, 12, 31)
    page = client.get(f"/admin/quality/meetings/{meeting.pk}/").content.decode()
    assert "一次告知單開立" in page and "增開中午櫃檯" in page


def test_a_second_meeting_on_the_same_day_is_refused_with_a_message(client, desk, plan):
    client.force_login(desk["director"])
    today = timezone.localdate()
    services.record_meeting(desk["office"], today)
    response = client.post(
        "/admin/quality/meetings/new/",
        {
            "date": f"{today.year - 1911}/{today.month}/{today.day}",
            "check-TOTAL_FORMS": "0",
            "check-INITIAL_FORMS": "0",
            "action-TOTAL_FORMS": "0",
            "action-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "該日已有所務會議紀錄" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_hostile_meeting_input_changes_nothing(client, desk, plan):
    client.force_login(desk["director"])
    response = client.post(
        "/admin/quality/meetings/new/",
        {
            "date": "not a date\x00",
            "check-TOTAL_FORMS": "9999",
            "check-INITIAL_FORMS": "0",
            "action-TOTAL_FORMS": "x",
            "action-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code in (200, 400)
    assert not Meeting.objects.exists()


def test_counter_staff_cannot_record_meetings(client, desk):
    client.force_login(desk["counter"])
    assert client.get("/admin/quality/meetings/new/").status_code in (302, 403)


def test_the_self_evaluation_is_saved_and_printed_with_its_chinese(client, desk, plan):
    from pypdf import PdfReader

    client.force_login(desk["director"])
    items = services.scored_items(plan)
    first = items[0]
    response = client.post(
        f"/admin/quality/evaluation/{plan.year}/",
        {f"item{first.pk}-self_score": "5", f"item{first.pk}-text": "計畫已依限報府備查"},
    )
    assert response.status_code == 302
    assert SelfScore.objects.get(item=first).self_score == 5
    services.set_self_score(first, self_score="4.5", county=True)
    pdf = client.get(f"/admin/quality/evaluation/{plan.year}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    assert "計畫已依限報府備查" in text
    assert "訂定年度提升服務品質執行計畫" in text


def test_a_self_score_above_the_points_is_refused_on_the_page(client, desk, plan):
    client.force_login(desk["director"])
    first = services.scored_items(plan)[0]
    response = client.post(
        f"/admin/quality/evaluation/{plan.year}/", {f"item{first.pk}-self_score": "50"}
    )
    assert response.status_code == 200
    assert not SelfScore.objects.filter(self_score__isnull=False).exists()


def test_another_offices_director_cannot_open_this_offices_meeting(client, desk, plan):
    meeting = services.record_meeting(desk["office"], timezone.localdate())
    other = StaffFactory(user__username="magong-director-q", roles=[DIRECTOR])
    client.force_login(other.user)
    assert client.get(f"/admin/quality/meetings/{meeting.pk}/").status_code == 404


def test_the_demo_history_gives_every_indicator_a_value(desk):
    from huzheng.appointments.tests.factories import bookable_service
    from huzheng.core.indicators import Period, all_indicators
    from huzheng.quality.demo_history import seed_history
    from huzheng.queueing.tests.factories import SeriesFactory

    office = desk["office"]
    SeriesFactory(office=office, letter="A")
    bookable_service()
    today = dt.date(2026, 12, 6)
    assert seed_history(office, today)
    assert not seed_history(office, today)  # once
    figures = services.indicator_figures(office, Period.month(2026, 11))
    ours = (
        "queue.",
        "appointments.",
        "cases.",
        "catalog.",
        "idcards.",
        "linkcheck.",
        "quality.",
        "search.",
    )
    missing = [f["key"] for f in figures if f["value"] is None and f["key"].startswith(ours)]
    # The other apps' figures come from their own demo seeds.
    assert missing == [], missing
    assert len(figures) == len(all_indicators())


def test_only_scored_items_take_a_score(plan):
    area = plan.items.filter(level=PlanItem.Level.AREA).first()
    with pytest.raises(ValidationError):
        services.set_self_score(area, self_score="1")


def test_evidence_is_filed_only_against_the_offices_own_measures(client, desk, plan):
    from huzheng.core.tests.factories import OfficeFactory
    from huzheng.quality.models import Evidence

    other_plan = services.load_plan_file(
        OfficeFactory(code="magong", weekday_hours=False), PLAN_103
    )
    own = plan.items.filter(level=PlanItem.Level.MEASURE).first()
    foreign = other_plan.items.filter(level=PlanItem.Level.MEASURE).first()
    client.force_login(desk["director"])
    form = {"month": "2026-11-01", "title": "一次告知單統計", "link": "https://example.invalid/"}
    response = client.post("/admin/quality_evidence/new/", {**form, "measure": foreign.pk})
    assert response.status_code == 200  # the other office's measure is not a choice
    assert not Evidence.objects.exists()
    response = client.post("/admin/quality_evidence/new/", {**form, "measure": own.pk})
    assert response.status_code == 302
    assert Evidence.objects.get().measure == own
