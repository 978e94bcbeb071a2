"""Rules of the code's layout that a reader would otherwise have to take on trust: the
services own every write (their audit entries included), and a rule that several apps
need lives once in core. Import cycles are checked by `lint-imports` in `make check`."""

import re
from pathlib import Path

import pytest

APPS = Path(__file__).resolve().parent.parent / "huzheng"
# Entry points: they parse, call a service and render; they never decide or write.
ENTRY_POINT = re.compile(
    r"(^|_)(views?|forms?|api|admin|admin_views|wagtail_hooks)$|^(views|api|forms)$"
)


def entry_point_modules():
    for path in sorted(APPS.rglob("*.py")):
        parts = path.relative_to(APPS).parts
        if "tests" in parts or "migrations" in parts:
            continue
        in_package = len(parts) > 2 and parts[-2] in ("views", "api", "forms")
        if in_package or ENTRY_POINT.search(path.stem):
            yield path


def test_the_entry_points_are_found():
    found = {p.relative_to(APPS).as_posix() for p in entry_point_modules()}
    assert {"cases/admin_views.py", "queueing/views/kiosk.py", "api.py"} <= found


@pytest.mark.parametrize(
    "path", list(entry_point_modules()), ids=lambda p: str(p.relative_to(APPS))
)
def test_no_view_form_or_api_module_writes_the_audit_log(path):
    """Audit entries are written by the service, inside the write's transaction: a view
    that writes one after the service returns is skipped by the API and by commands."""
    source = path.read_text(encoding="utf-8")
    assert "record_audit" not in source, f"{path}: call a service that records the entry"


# Patterns of rules that live once in core: control characters (core.text) and Taiwan
# phone numbers (core.validators). A copy elsewhere drifts from the rule.
COPIED_RULES = {
    r"\x00-\x": "control characters: use core.text (clean_line, clean_text, strip_controls)",
    r"09\d{8}": "mobile numbers: use core.validators (clean_phone, mobile_number)",
    r"(?:\+886|0)\d": "phone numbers: use core.validators (clean_phone, validate_phone)",
}
HOMES = {"core/text.py", "core/validators.py"}


def test_shared_rules_are_not_copied_out_of_core():
    copies = [
        f"{path.relative_to(APPS)}: {why}"
        for path in sorted(APPS.rglob("*.py"))
        if not {"tests", "migrations"} & set(path.relative_to(APPS).parts)
        and path.relative_to(APPS).as_posix() not in HOMES
        for pattern, why in COPIED_RULES.items()
        if pattern in path.read_text(encoding="utf-8")
    ]
    assert copies == []
