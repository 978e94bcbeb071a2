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
