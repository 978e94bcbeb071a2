"""The offices API and the shape of API errors."""

import pytest

pytestmark = pytest.mark.django_db


def test_offices_are_listed_with_their_status(client, demo_data):
    response = client.get("/api/v1/offices")
    assert response.status_code == 200
    codes = [o["code"] for o in response.json()]
    assert codes == ["huxi", "magong"] or sorted(codes) == ["huxi", "magong"]
    huxi = next(o for o in response.json() if o["code"] == "huxi")
    assert huxi["name"] == "澎湖縣湖西鄉戶政事務所"
    assert huxi["status"]["state"] in {"open", "noon", "evening", "closed"}


def test_one_office_has_its_hours(client, demo_data):
    data = client.get("/api/v1/offices/huxi").json()
    assert {p["kind"] for p in data["opening_hours"]} == {"regular", "noon"}
    assert data["opening_hours"][0]["opens"] == "08:00:00"


def test_an_unknown_office_is_a_json_404_in_chinese_by_default(client, demo_data):
    response = client.get("/api/v1/offices/atlantis")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "office_not_found"
    assert "atlantis" in body["message"]
    assert "戶政事務所" in body["message"]


def test_api_messages_follow_accept_language(client, demo_data):
    response = client.get("/api/v1/offices/atlantis", HTTP_ACCEPT_LANGUAGE="en")
    assert "household registration office" in response.json()["message"]


@pytest.mark.parametrize("code", ["<script>", "' OR 1=1 --", "x" * 500, "ＨＵＸＩ２"])
def test_hostile_office_codes_get_the_same_clean_404(client, demo_data, code):
    response = client.get(f"/api/v1/offices/{code}")
    assert response.status_code == 404
    assert response.json()["code"] == "office_not_found"
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/offices/%00", "/api/v1/offices/huxi?x=%00"])
def test_a_nul_byte_is_a_json_400_and_never_reaches_the_database(client, demo_data, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_the_openapi_schema_is_public_and_the_docs_are_for_staff(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Huzheng API"
    assert "/api/v1/offices/{code}" in schema["paths"]
    assert schema["components"]["securitySchemes"]["KioskAuth"]["scheme"] == "kiosk"
    assert client.get("/api/v1/docs").status_code == 302  # to the sign-in page
    from huzheng.core.tests.factories import StaffFactory

    client.force_login(StaffFactory().user)
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    # Swagger UI from our own static files: the docs work offline, and the CSP holds.
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
