import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from huzheng.core.tests.factories import OfficeFactory
from huzheng.quality import services
from huzheng.quality.models import Plan, PlanItem

PLAN_103 = services.DATA_DIR / "plan-103.json"


@pytest.fixture
def huxi(db):
    return OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所", weekday_hours=False)


@pytest.fixture
def plan(huxi):
    return services.load_plan_file(huxi, PLAN_103)


def test_the_103_plan_scores_100_points_over_its_five_areas(plan):
    areas = plan.items.filter(level=PlanItem.Level.AREA).order_by("position")
    assert [a.points for a in areas] == [5, 30, 30, 30, 5]
    assert plan.total_points() == 100
    # The scored items (執行指標) add up to the same hundred.
    assert sum(item.points for item in services.scored_items(plan)) == 100
    assert plan.filed_with_county == dt.date(2014, 4, 24)


def test_every_measure_has_a_deadline_and_a_responsible_unit(plan):
    measures = plan.items.filter(level=PlanItem.Level.MEASURE)
    assert measures.count() > 30
    assert not measures.filter(deadline__isnull=True).exists()
    assert set(measures.values_list("unit", flat=True)) == {"湖西鄉戶政事務所"}
    first = measures.order_by("position").first()
    assert first.deadline == dt.date(2014, 4, 24)


def test_loading_again_replaces_the_plan_instead_of_adding_a_second(huxi, plan):
    count = plan.items.count()
    services.load_plan_file(huxi, PLAN_103)
    assert Plan.objects.filter(office=huxi).count() == 1
    assert PlanItem.objects.filter(plan__office=huxi).count() == count


def test_a_new_year_is_copied_from_last_years_plan(plan):
    copy = services.copy_plan(plan, 2026)
    assert copy.copied_from == plan
    assert copy.title == "澎湖縣湖西鄉戶政事務所115年度提升服務品質執行計畫"
    assert copy.items.count() == plan.items.count()
    assert copy.total_points() == 100
    assert not copy.is_published and copy.filed_with_county is None
    deadlines = set(copy.items.filter(level=5).values_list("deadline", flat=True))
    assert deadlines == {dt.date(2026, 4, 24), dt.date(2026, 12, 31)}
    # The tree is kept: every copied item's parent belongs to the copy.
    assert not copy.items.exclude(parent__isnull=True).exclude(parent__plan=copy).exists()


def test_a_year_is_copied_only_once(plan):
    services.copy_plan(plan, 2026)
    with pytest.raises(ValidationError):
        services.copy_plan(plan, 2026)


def test_the_public_plan_page_shows_the_103_plan_and_its_100_points(client, plan):
    response = client.get("/quality/103/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "澎湖縣湖西鄉戶政事務所103年度提升服務品質執行計畫" in html
    assert "全功能單一綜合服務櫃檯" in html
    assert "民國103年4月24日" in html  # filed with the county, as the office writes it
    assert '<td class="num">100</td>' in html
    listing = client.get("/quality/").content.decode()
    assert 'href="/quality/103/"' in listing


def test_an_unpublished_or_missing_year_is_not_found(client, plan):
    services.copy_plan(plan, 2026)  # a draft
    assert client.get("/quality/115/").status_code == 404
    assert client.get("/quality/99/").status_code == 404
    assert client.get("/quality/99999999999999/").status_code == 404
    assert client.get("/quality/0/").status_code == 404


def test_the_plan_prints_as_a_pdf_whose_chinese_can_be_read(client, plan):
    from pypdf import PdfReader

    response = client.get("/quality/103/plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "提升服務品質執行計畫" in text.replace(" ", "").replace("\n", "")


def test_the_plans_indicators_are_published_as_csv_and_json(client, plan):
    response = client.get("/quality/103/indicators.json?period=2014-06")
    data = json.loads(response.content)
    keys = [row["key"] for row in data["indicators"]]
    assert "queue.wait_p90" in keys
    row = data["indicators"][0]
    assert set(row) >= {"key", "name", "value", "unit", "target", "period", "computed_at"}
    assert row["period"] == "2014-06"
    csv_text = client.get("/quality/103/indicators.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "key,name,value,unit,target,period,computed_at"


def test_a_bad_period_gets_a_clear_error(client, plan):
    response = client.get("/quality/103/indicators.json?period=2014-13x")
    assert response.status_code == 400
    assert json.loads(response.content)["code"] == "invalid_period"


def test_the_load_command_loads_a_plan_file(huxi):
    out = io.StringIO()
    call_command("load_quality_plan", "huxi", str(PLAN_103), stdout=out)
    assert "100" in out.getvalue()
    assert Plan.objects.get(office=huxi, year=2014).is_published


def test_a_self_score_above_the_items_points_is_refused(plan):
    item = services.scored_items(plan)[0]  # 5 points
    with pytest.raises(ValidationError):
        services.set_self_score(item, self_score="6")
    with pytest.raises(ValidationError):
        services.set_self_score(item, self_score="many")
    row = services.set_self_score(item, self_score="4.5", text="已報府備查")
    services.set_self_score(item, self_score="5", county=True)
    row.refresh_from_db()
    assert (row.self_score, row.county_score) == (Decimal("4.5"), Decimal("5.0"))


def test_the_api_gives_every_indicator_of_a_month(client, plan):
    response = client.get("/api/v1/quality/huxi/indicators?period=2014-06")
    assert response.status_code == 200
    data = response.json()
    assert data["office"] == "huxi" and data["period"] == "2014-06"
    row = next(r for r in data["indicators"] if r["key"] == "queue.wait_p90")
    assert row["value"] is None and row["unit"]
    assert set(row) >= {"key", "name", "value", "unit", "target", "period", "computed_at"}


@pytest.mark.parametrize("period", ["2026-13", "9999-12", "1-1", "<script>", "2026-1x"])
def test_the_api_refuses_a_bad_period_clearly(client, plan, period):
    response = client.get("/api/v1/quality/huxi/indicators", {"period": period})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_period"


def test_the_api_answers_404_for_an_unknown_office(client, plan):
    response = client.get("/api/v1/quality/nowhere/indicators")
    assert response.status_code == 404
    assert response.json()["code"] == "office_not_found"
