"""Issue 15, finding 7: every response carries a Content-Security-Policy without inline
script (kept pages too) and a Permissions-Policy; the language cookie is Secure,
HttpOnly and SameSite in production; no public template carries an inline script."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def _csp(response):
    return dict(
        ([*part.split(" ", 1), ""])[:2] for part in response["Content-Security-Policy"].split("; ")
    )


def test_public_pages_forbid_inline_script_and_unused_features(client, demo_data):
    for path in ("/", "/", "/offices/", "/api/v1/offices", "/no-such-page/"):
        response = client.get(path)  # the second "/" comes from the page cache
        policy = _csp(response)
        assert policy["script-src"] == "'self'", path
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_only_the_back_office_allows_wagtails_inline_scripts(client):
    assert "'unsafe-inline'" in _csp(client.get("/admin/login/"))["script-src"]


def test_no_template_outside_the_back_office_has_an_inline_script():
    offenders = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("huzheng/*/templates/**/*.html")]:
        if "/admin/" in str(path):
            continue
        text = path.read_text()
        inline = re.findall(r"<script(?![^>]*\b(?:src|type=\"application/json\")=?)[^>]*>", text)
        handlers = re.findall(r"\son(?:click|load|change|submit|input)=", text)
        if inline or handlers:
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_the_language_cookie_is_secure_httponly_and_samesite_in_production(client, settings):
    settings.LANGUAGE_COOKIE_SECURE = True  # as settings make it with DEBUG=0
    response = client.get("/language/en/?next=/")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
