"""The code keeps its rooms: no Python module in huzheng/ (migrations aside) grows past
700 lines; a module that does becomes a package split by capability, audience or page
type (see docs/architecture.md, "Rooms of an app")."""

from pathlib import Path

MAX_LINES = 700
ROOT = Path(__file__).resolve().parent.parent / "huzheng"


def test_no_module_is_longer_than_700_lines():
    too_long = {
        str(path.relative_to(ROOT.parent)): lines
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these modules (lines): {too_long}"


def test_a_second_capability_is_a_package_not_prefixed_files():
    # request_*.py, house_*.py, eform_*.py beside an app's own modules was the old way.
    prefixed = sorted(
        str(path.relative_to(ROOT.parent))
        for path in ROOT.glob("*/*.py")
        if path.stem.startswith(("request_", "house_", "eform_"))
    )
    assert not prefixed, prefixed
