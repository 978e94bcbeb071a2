"""Issue 15, finding 7, in a real browser under the real Content-Security-Policy: the
public pages run with no inline script (the browser reports no violation), a form
answered with errors still moves focus to its error summary (static/js/page.js), and
the back office still works with Wagtail's own scripts."""

import pytest

from huzheng.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_pages_work_under_the_strict_policy(strict_page, live_site):
    page = strict_page
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(live_site + "/")
    assert "content-security-policy" in {
        h.lower() for h in page.context.request.get(live_site + "/").headers
    }

    page.goto(live_site + "/appointments/manage/")
    page.locator("#id_code").fill("X000000")
    page.locator("#id_national_id").fill("A123456789")
    with page.expect_navigation():
        page.locator("#id_code").press("Enter")
    page.locator("#error-summary:focus").wait_for(timeout=10_000)

    page.goto(live_site + "/admin/login/")
    page.locator("#id_username").fill("clerk")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert "/admin/" in page.url and "/login/" not in page.url

    assert not [p for p in problems if "Content Security Policy" in p], problems
