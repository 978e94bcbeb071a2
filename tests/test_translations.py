"""Every user-facing string has its Traditional Chinese translation, and every catalog
(the project's and each app's own) is well formed: placeholders match, no fuzzy guesses."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = [
    ROOT / "locale/zh_Hant/LC_MESSAGES/django.po",
    *sorted((ROOT / "huzheng").glob("*/locale/zh_Hant/LC_MESSAGES/django.po")),
]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_traditional_chinese_catalog_is_complete_and_checked(catalog):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_the_back_office_keeps_wagtails_words_where_ours_mean_something_else():
    """Our "Pages" is pagination and our "Documents" the documents to bring; in the
    admin menu they are Wagtail's pages and documents, so ours carry a context."""
    from django.utils import translation

    with translation.override("zh-hant"):
        assert translation.gettext("Pages") not in ("分頁", "Pages")
        assert translation.gettext("Documents") not in ("證件", "Documents")
        assert translation.gettext("title") == "標題"
        assert translation.pgettext("pagination", "Pages") == "分頁"
        assert translation.gettext("Exploring") == "瀏覽中"


@pytest.mark.django_db
def test_the_admins_script_strings_are_in_taiwan_chinese(client):
    # Wagtail's own zh_Hant catalog leaves "Collapse all" and others in English;
    # locale/wagtail_additions fills them (scripts/taiwan-admin-terms, run by make messages).
    response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 200
    # The catalog lists translated strings only, their Chinese escaped as \\uXXXX.
    assert '"Collapse all": "\\u5168\\u90e8\\u6536\\u5408"' in response.content.decode()
