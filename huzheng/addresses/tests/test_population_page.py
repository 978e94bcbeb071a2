"""The public statistics page, its month selector, the open-data downloads, the search
document, and the back office's upload."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from huzheng.addresses.models import PopulationFigure, PopulationStatisticsPage, Village
from huzheng.addresses.population import services
from huzheng.addresses.tests.factories import office_with_villages
from huzheng.core.tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 500,
    "\u0007\u001b",
    "2026-13",
    "0000-00",
    "9999-12",
    "-1",
    "115/10/10/10",
    "2025-01",  # a month with no figures
]
HEADER = "村里,月份,戶數,男,女,出生,死亡,結婚,離婚,遷入,遷出\n"


@pytest.fixture
def stats(demo_data):
    return PopulationStatisticsPage.objects.get()


def _months():
    return sorted(set(PopulationFigure.objects.values_list("month", flat=True)))


def test_the_demo_has_twelve_plausible_months_for_every_huxi_village(stats, demo_data):
    huxi = demo_data["huxi"]
    months = _months()
    assert len(months) == 12
    for month in months:
        rows = PopulationFigure.objects.filter(month=month, village__office=huxi)
        assert rows.count() == Village.objects.filter(office=huxi).count() == 22
        population = sum(r.population for r in rows)
        assert 13_000 <= population <= 14_000, population
        households = sum(r.households for r in rows)
        assert 4_500 <= households <= 6_500, households
    assert huxi.is_demo


def test_seeding_again_changes_nothing(stats, demo_data):
    from huzheng.addresses import demo

    before = list(PopulationFigure.objects.order_by("pk").values())
    demo.seed()
    assert list(PopulationFigure.objects.order_by("pk").values()) == before
    assert PopulationStatisticsPage.objects.count() == 1


def test_the_page_shows_the_latest_month_with_chart_and_table(client, stats):
    response = client.get(stats.url)
    assert response.status_code == 200
    html = response.content.decode()
    latest = _months()[-1]
    assert response.context["month"] == latest
    for text in (
        "湖西村",
        "潭邊村",
        "<svg",
        'role="img"',
        "<caption",
        'scope="col"',
        'scope="row"',
    ):
        assert text in html, text
    assert 'aria-labelledby="chart-title chart-desc"' in html
    assert "population__demo" in html  # fictional figures say so
    total = sum(r.population for r in PopulationFigure.objects.filter(month=latest))
    assert f"{total:,}" in html  # the totals, and the table's total row
    assert f'value="{latest:%Y-%m}" selected' in html
    assert "/statistics/population.csv?office=huxi" in html


def test_the_month_selector_shows_an_earlier_month(client, stats):
    first = _months()[0]
    response = client.get(stats.url, {"month": first.strftime("%Y-%m")})
    assert response.status_code == 200
    assert response.context["month"] == first
    assert not response.context["month_note"]


def test_a_village_shows_its_own_trend(client, stats):
    village = Village.objects.get(name="龍門村")
    response = client.get(stats.url, {"village": village.pk})
    assert response.context["selected_village"] == village
    assert len(response.context["trend"]) == 12
    html = response.content.decode()
    assert "龍門村" in html


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_month_and_village_values_get_the_normal_page(client, stats, value):
    response = client.get(stats.url, {"month": value, "village": value})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 200:
        assert response.context["month"] == _months()[-1]
        assert response.context["month_note"]


def test_another_offices_village_is_not_shown(client, stats, demo_data):
    other = Village.objects.exclude(office=demo_data["huxi"]).first()
    response = client.get(stats.url, {"village": other.pk})
    assert response.context["selected_village"] is None
    assert response.context["village_note"]


def test_a_page_with_no_figures_yet(client, stats):
    PopulationFigure.objects.all().delete()
    response = client.get(stats.url, {"month": "2026-01"})
    assert response.status_code == 200
    assert response.context["month"] is None


def test_the_csv_download_is_open_data(client, stats):
    response = client.get("/statistics/population.csv", {"office": "huxi"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert list(rows[0]) == list(services.OPEN_DATA_COLUMNS)
    assert len(rows) == 22 * 12
    assert rows[0]["month"] == _months()[0].strftime("%Y-%m")
    assert rows[0]["office_code"] == "huxi"
    first = rows[0]
    assert int(first["population"]) == int(first["males"]) + int(first["females"])


def test_the_json_download_for_one_month(client, stats):
    latest = _months()[-1].strftime("%Y-%m")
    response = client.get("/statistics/population.json", {"office": "huxi", "month": latest})
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["columns"] == list(services.OPEN_DATA_COLUMNS)
    assert payload["month"] == latest
    assert payload["demo"] is True and payload["note"]
    assert len(payload["rows"]) == 22
    assert {r["month"] for r in payload["rows"]} == {latest}
    assert isinstance(payload["rows"][0]["households"], int)


def test_downloads_default_to_the_sites_office(client, stats):
    payload = json.loads(client.get("/statistics/population.json").content)
    assert payload["office"]["code"] == "huxi"


@pytest.mark.parametrize("path", ["/statistics/population.csv", "/statistics/population.json"])
@pytest.mark.parametrize(
    "params",
    [{"month": v} for v in HOSTILE if v not in ("9999-12", "2025-01")]
    + [{"office": "nosuch"}, {"office": "<b>"}, {"office": "x" * 300}],
)
def test_bad_download_parameters_are_a_404_not_a_500(client, path, params):
    office, _villages = office_with_villages(code="huxi")
    response = client.get(path, {"office": office.code, **params})
    assert response.status_code in (400, 404)


def test_a_well_formed_month_without_figures_is_an_empty_download(client):
    _office, _villages = office_with_villages(code="huxi")
    response = client.get("/statistics/population.json", {"office": "huxi", "month": "2025-01"})
    assert response.status_code == 200
    assert json.loads(response.content)["rows"] == []


def test_the_search_document_uses_the_registry_keys(stats):
    from huzheng.search.registry import Document
    from huzheng.search.taxonomy import DocumentType, Policy, Topic

    document = stats.specific.search_document()
    built = Document(key=f"page:{stats.pk}", url=stats.url, **document)
    assert built.type == DocumentType.STATISTICS
    assert built.topics == [Topic.POPULATION]
    assert built.policies == [Policy.STATISTICS]
    assert "湖西村" in built.body
    assert built.summary


# --- the back office ------------------------------------------------------------------


def _staff_with_import_permission(office):
    profile = StaffFactory(office=office, user=UserFactory(username="stats-clerk"))
    profile.user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="import_populationfigure"),
    )
    return get_user_model().objects.get(pk=profile.user.pk)


def test_staff_upload_a_csv_in_the_back_office(client, stats, demo_data):
    user = _staff_with_import_permission(demo_data["huxi"])
    client.force_login(user)
    url = reverse("addresses_admin:population_import")
    page = client.get(url)
    assert page.status_code == 200
    assert "村里" in page.content.decode()  # the layout is documented
    assert list(page.context["form"].fields["office"].queryset) == [demo_data["huxi"]]
    latest = _months()[-1]
    text = HEADER + f"湖西村,{latest:%Y-%m},1,2,3,0,0,0,0,0,0\n"
    upload = SimpleUploadedFile("f.csv", text.encode("cp950"), content_type="text/csv")
    response = client.post(url, {"office": demo_data["huxi"].pk, "file": upload})
    assert response.status_code == 302
    row = PopulationFigure.objects.get(village__name="湖西村", month=latest)
    assert (row.households, row.males, row.females) == (1, 2, 3)


def test_a_bad_upload_lists_the_rows_and_changes_nothing(client, stats, demo_data):
    client.force_login(_staff_with_import_permission(demo_data["huxi"]))
    before = list(PopulationFigure.objects.order_by("pk").values())
    text = HEADER + "湖西村,115/01,1,2,3,0,0,0,0,0,0\n無此村,115/01,1,2,3,0,0,0,0,0,0\n"
    upload = SimpleUploadedFile("f.csv", text.encode(), content_type="text/csv")
    response = client.post(
        reverse("addresses_admin:population_import"),
        {"office": demo_data["huxi"].pk, "file": upload},
    )
    assert response.status_code == 400
    assert [e.row for e in response.context["errors"]] == [3]
    assert "無此村" in response.content.decode()
    assert list(PopulationFigure.objects.order_by("pk").values()) == before


def test_staff_cannot_import_for_another_office(client, stats, demo_data):
    client.force_login(_staff_with_import_permission(demo_data["huxi"]))
    text = HEADER + "重慶里,115/01,1,2,3,0,0,0,0,0,0\n"
    upload = SimpleUploadedFile("f.csv", text.encode(), content_type="text/csv")
    response = client.post(
        reverse("addresses_admin:population_import"),
        {"office": demo_data["magong"].pk, "file": upload},
    )
    assert response.status_code == 400
    assert "office" in response.context["form"].errors
    assert not PopulationFigure.objects.filter(village__name="重慶里").exists()


def test_the_template_download(client, stats, demo_data):
    client.force_login(_staff_with_import_permission(demo_data["huxi"]))
    response = client.get(reverse("addresses_admin:population_template"))
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff村里,月份,戶數,男,女,出生,死亡,結婚,離婚,遷入,遷出")
    assert body.count("\n") == 23  # the headings and one row per village


def test_without_the_permission_there_is_no_upload(client, stats, demo_data):
    client.force_login(get_user_model().objects.get(username="counter"))
    response = client.get(reverse("addresses_admin:population_import"))
    assert response.status_code in (302, 403)
    response = client.get(reverse("addresses_admin:population_template"))
    assert response.status_code in (302, 403)


def test_the_figures_are_listed_read_only_in_the_back_office(client, stats, demo_data):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(reverse("population_figures:index"))
    assert response.status_code == 200
    assert client.get(reverse("addresses_admin:population_import")).status_code == 200
