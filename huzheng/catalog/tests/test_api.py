"""The catalog in the API: /api/v1/services/ and /api/v1/services/<slug>."""

import pytest

from huzheng.catalog.tests.factories import move_in_service

pytestmark = pytest.mark.django_db


def test_services_are_listed(client):
    move_in_service()
    data = client.get("/api/v1/services/").json()
    assert [s["slug"] for s in data] == ["move-in"]
    assert data[0]["url"].endswith("/services/move-in/")
    assert data[0]["audiences"] == ["general", "new_immigrants"]


def test_one_service_in_full(client):
    move_in_service()
    data = client.get("/api/v1/services/move-in").json()
    assert data["deadline_months"] == 3 and data["deadline_days"] == 30
    assert [d["name"] for d in data["documents"]] == [
        "國民身分證",
        "戶口名簿",
        "戶長同意書",
        "戶籍謄本",
    ]
    assert data["documents"][3]["office_looks_up"] is True
    assert data["fees"][0]["amount"] == 50
    assert data["questions"][0]["key"] == "not_head"


@pytest.mark.parametrize("slug", ["nope", "<script>", "x" * 200])
def test_an_unknown_service_is_a_json_404(client, slug):
    response = client.get(f"/api/v1/services/{slug}")
    assert response.status_code == 404
    assert response.json()["code"] == "service_not_found"
    assert "服務" in response.json()["message"]


def test_the_services_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/services/" in paths and "/api/v1/services/{slug}" in paths
