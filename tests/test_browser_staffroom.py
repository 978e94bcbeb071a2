"""The staff room in real browsers: a staff member takes a law test, votes once (a
second vote is refused), and submits a proposal the director adopts."""

import pytest

from tests.test_browser_queue import signed_in

pytestmark = pytest.mark.browser


def test_a_staff_member_takes_a_law_test_once(browser, live_site):
    from huzheng.staffroom.models import TestAttempt

    context, page = signed_in(browser, live_site, "counter", "/admin/staffroom/")
    try:
        with page.expect_navigation():
            page.get_by_role("link", name="參加測驗").first.click()
        with page.expect_navigation():
            page.get_by_role("button", name="開始測驗").click()
        groups = page.locator("fieldset.law-question")
        assert groups.count() == 5
        for i in range(groups.count()):
            groups.nth(i).locator("input[type=radio]").first.check()
        with page.expect_navigation():
            page.get_by_role("button", name="交卷").click()
        assert page.locator("[data-score]").is_visible()
        attempt = TestAttempt.objects.get(user__username="counter")
        assert attempt.score is not None and attempt.finished_at is not None
        # Once: the page now shows the score, and starting again is refused.
        page.reload()
        assert page.get_by_role("button", name="開始測驗").count() == 0
    finally:
        context.close()


def test_a_staff_member_votes_once_for_a_colleague(browser, live_site):
    from huzheng.staffroom.models import Vote

    context, page = signed_in(browser, live_site, "counter", "/admin/staffroom/")
    try:
        with page.expect_navigation():
            page.get_by_role("link", name="本月績優服務人員票選").click()
        page.select_option("#id_candidate", label="吳建宏")
        with page.expect_navigation():
            page.get_by_role("button", name="投票").click()
        assert page.locator("[data-voted]").is_visible()
        page.select_option("#id_candidate", label="李怡君")
        with page.expect_navigation():
            page.get_by_role("button", name="投票").click()
        assert "已投過票" in page.locator(".messages").inner_text()
        votes = Vote.objects.filter(voter__username="counter", period__title="本月績優服務人員票選")
        assert list(votes.values_list("candidate__username", flat=True)) == ["huxi-staff2"]
    finally:
        context.close()


def test_a_proposal_goes_from_submitted_to_adopted(browser, live_site):
    from huzheng.staffroom.models import Proposal

    staff_context, staff = signed_in(
        browser, live_site, "counter", "/admin/staffroom/proposals/new/"
    )
    director_context = None
    try:
        staff.locator("#id_title").fill("叫號機加裝語音")
        staff.locator("#id_problem").fill("視障民眾聽不到號碼")
        staff.locator("#id_idea").fill("叫號時同時以語音播報")
        with staff.expect_navigation():
            staff.get_by_role("button", name="送出").click()
        proposal = Proposal.objects.get(title="叫號機加裝語音")
        assert proposal.state == "submitted"

        path = f"/admin/staffroom/proposals/{proposal.pk}/"
        director_context, director = signed_in(browser, live_site, "director", path)
        director.select_option("#id_state", "review")
        with director.expect_navigation():
            director.get_by_role("button", name="儲存決定").click()
        director.select_option("#id_state", "adopted")
        director.locator("#id_reason").fill("視障民眾受益，成本低。")
        with director.expect_navigation():
            director.get_by_role("button", name="儲存決定").click()
        assert director.locator("span[data-state]").get_attribute("data-state") == "adopted"
        assert "成本低" in director.locator("[data-reason]").inner_text()
        proposal.refresh_from_db()
        assert proposal.state == "adopted"
    finally:
        staff_context.close()
        if director_context is not None:
            director_context.close()
