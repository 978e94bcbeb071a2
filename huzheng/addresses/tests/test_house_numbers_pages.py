"""The public house-number pages (/addresses/) and GET /api/v1/addresses/search, with
the demo's fictional Huxi numbers."""

import pytest
from django.urls import reverse

from huzheng.addresses.models import HouseNumber, Village

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/addresses/search"
HOSTILE = [
    "<script>alert(1)</script>",
    "x" * 5000,
    "湖西\x00村",
    "\x00",
    "' OR 1=1 --",
    "%00",
    "\u202e湖西2號",
    "😀" * 50,
]


def test_the_demo_has_fictional_numbers_in_several_huxi_villages(demo_data):
    huxi = demo_data["huxi"]
    assert huxi.is_demo
    numbers = HouseNumber.objects.filter(office=huxi)
    assert numbers.count() >= 30
    assert numbers.values("village").distinct().count() >= 5
    assert numbers.filter(status=HouseNumber.Status.ABOLISHED).exists()


def test_seeding_house_numbers_again_changes_nothing(demo_data):
    from huzheng.addresses import demo

    before = HouseNumber.objects.count()
    demo.seed_house_numbers()
    assert HouseNumber.objects.count() == before


# --- pages ------------------------------------------------------------------------------


def test_the_search_page_shows_a_form(client, demo_data):
    response = client.get(reverse("addresses:house_search"))
    assert response.status_code == 200
    assert 'name="q"' in response.text
    assert "湖西村" in response.text  # the villages with numbers are listed


def test_searching_shows_village_neighbourhood_and_a_history_link(client, demo_data):
    response = client.get(reverse("addresses:house_search"), {"q": "湖西路２段１８號"})
    assert response.status_code == 200
    house = HouseNumber.objects.get(key="湖西路2段18號")
    assert reverse("addresses:house_detail", args=[house.pk]) in response.text
    assert "湖西路二段18號" in response.text
    assert "湖西村" in response.text


def test_a_search_with_no_match_says_so(client, demo_data):
    response = client.get(reverse("addresses:house_search"), {"q": "不存在路999號"})
    assert response.status_code == 200
    assert 'role="status"' in response.text


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_break_the_page(client, demo_data, q):
    response = client.get(reverse("addresses:house_search"), {"q": q})
    assert response.status_code in (200, 400)
    assert "<script>alert" not in response.text
    assert "\x00" not in response.text


def test_an_empty_query_gets_a_clear_message(client, demo_data):
    response = client.get(reverse("addresses:house_search"), {"q": ""})
    assert response.status_code == 400
    assert 'role="alert"' in response.text


def test_a_history_page_shows_roc_dates(client, demo_data):
    house = HouseNumber.objects.get(key="湖西路2段22號")
    response = client.get(reverse("addresses:house_detail", args=[house.pk]))
    assert response.status_code == 200
    assert "民國95年6月1日" in response.text
    assert "民國110年9月15日" in response.text
    renumbered = HouseNumber.objects.get(key="湖西路2段24號")
    response = client.get(reverse("addresses:house_detail", args=[renumbered.pk]))
    assert "湖西村湖西88號" in response.text


def test_a_village_page_lists_neighbourhoods_and_streets(client, demo_data):
    village = Village.objects.get(office=demo_data["huxi"], name="湖西村")
    response = client.get(reverse("addresses:village_detail", args=[village.pk]))
    assert response.status_code == 200
    for text in ("1鄰", "4鄰", "中正路", "湖西路二段", "湖西"):
        assert text in response.text


def test_unknown_numbers_and_villages_are_404(client, demo_data):
    assert client.get("/addresses/numbers/999999/").status_code == 404
    assert client.get("/addresses/villages/999999/").status_code == 404


# --- API --------------------------------------------------------------------------------


def test_the_api_finds_a_number_with_village_and_neighbourhood(client, demo_data):
    response = client.get(SEARCH, {"q": "龍門村龍門３號"})
    assert response.status_code == 200
    assert response.json()["results"][0] == {
        "address": "龍門3號",
        "village": "龍門村",
        "neighbourhood": 1,
        "status": "current",
    }


def test_the_api_reports_abolished_numbers(client, demo_data):
    results = client.get(SEARCH, {"q": "龍門21號", "office": "huxi"}).json()["results"]
    assert results[0]["status"] == "abolished"


def test_the_api_gives_an_empty_list_when_nothing_matches(client, demo_data):
    response = client.get(SEARCH, {"q": "不存在路999號"})
    assert response.status_code == 200
    assert response.json() == {"results": []}


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 101}, {"q": "\x07"}, {"q": "。！"}])
def test_the_api_refuses_empty_or_overlong_queries_with_422(client, demo_data, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_address"
    assert body["message"]


@pytest.mark.parametrize("q", HOSTILE)
def test_the_api_never_breaks_on_hostile_queries(client, demo_data, q):
    response = client.get(SEARCH, {"q": q})
    # A NUL byte is refused for the whole site before any view (core middleware: 400).
    assert response.status_code in ((400,) if "\x00" in q else (200, 422))
    assert response.json()["code" if response.status_code != 200 else "results"] is not None


def test_the_api_with_an_unknown_office_is_404(client, demo_data):
    response = client.get(SEARCH, {"q": "湖西1號", "office": "nowhere"})
    assert response.status_code == 404
    assert client.get(SEARCH, {"q": "湖西1號", "limit": 0}).status_code == 422
