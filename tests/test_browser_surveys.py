"""Surveys in real browsers: a citizen answers from a finished ticket's link, by
keyboard, on a desktop and a phone, and the link refuses a second answer; every public
survey page passes axe. The director reads the results with a filter."""

import pytest
from django.utils import timezone

from tests.test_browser_queue import signed_in

pytestmark = pytest.mark.browser


def finished_ticket():
    from huzheng.core.models import Office
    from huzheng.queueing import services as queue
    from huzheng.queueing.models import Counter, Ticket

    office = Office.objects.get(code="huxi")
    ticket, _created = queue.issue_ticket(office)
    counter = Counter.objects.filter(office=office).order_by("number").first()
    now = timezone.now()
    # Served at counter 1: the queue's own tests walk call and finish; here the visit is done.
    Ticket.objects.filter(pk=ticket.pk).update(
        status="done", counter=counter, called_at=now, started_at=now, finished_at=now
    )
    return ticket


def test_a_citizen_answers_once_from_a_finished_tickets_link(browser, live_site, axe, settings):
    settings.HUZHENG_DEMO = True  # the demo office issues tickets at any hour
    from huzheng.surveys.models import Response

    ticket = finished_ticket()
    before = Response.objects.count()
    phone_context = browser.new_context(locale="zh-TW", viewport={"width": 390, "height": 844})
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_site}/queue/huxi/t/{ticket.pk}/")
        link = page.locator("[data-survey-link]")
        assert link.is_visible()
        assert page.locator(".survey-link svg[role=img]").count() == 1
        axe(page)
        survey_path = link.get_attribute("href")

        # On a phone the form reads and passes axe too.
        phone = phone_context.new_page()
        phone.goto(live_site + survey_path)
        assert phone.get_by_role("heading", level=1).is_visible()
        axe(phone)

        # Sent empty: the error summary names the required questions; nothing is written.
        link.click()
        page.wait_for_load_state()
        with page.expect_navigation():
            page.get_by_role("button", name="送出").click()
        assert page.locator("#error-summary").is_visible()
        axe(page)
        assert Response.objects.count() == before

        # By keyboard: every required 1–5 question answered 4 with the arrow keys.
        required = page.locator("fieldset.survey-question--scale input[type=radio][value='1']")
        names = [required.nth(i).get_attribute("name") for i in range(required.count())]
        page.locator("h1").click()
        for name in names:
            for _step in range(60):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.name") == name:
                    break
            assert page.evaluate("document.activeElement.name") == name
            for _step in range(3):
                page.keyboard.press("ArrowRight")
            assert page.evaluate("document.activeElement.value") == "4"
        page.locator("textarea").last.fill("櫃檯人員很親切，謝謝。")
        page.locator("textarea").last.focus()
        for _step in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type") == "submit":
                break
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".notice--success").is_visible()
        axe(page)
        assert Response.objects.count() == before + 1
        saved = Response.objects.order_by("-pk").first()
        assert (saved.channel, saved.counter) == ("ticket", 1)

        # The same link again: refused in words, nothing more written.
        page.goto(live_site + survey_path)
        assert "已使用" in page.locator("[data-code=used_link]").inner_text()
        axe(page)
        assert Response.objects.count() == before + 1
    finally:
        context.close()
        phone_context.close()


def test_the_general_link_and_an_unknown_link_pass_axe(page, live_site, axe):
    from huzheng.surveys.models import Survey

    survey = (
        Survey.objects.filter(office__code="huxi", audience="citizens")
        .order_by("-opens_on")
        .first()
    )
    page.goto(f"{live_site}/surveys/s/{survey.public_token}/?via=counter")
    assert page.locator("form.survey-form").is_visible()
    axe(page)
    response = page.goto(f"{live_site}/surveys/a/no-such-link/")
    assert response.status == 404
    assert page.locator("[data-code=unknown_link]").is_visible()
    axe(page)


def test_the_director_reads_the_results_with_a_filter(browser, live_site):
    context, page = signed_in(browser, live_site, "director", "/admin/surveys-desk/")
    try:
        with page.expect_navigation():
            page.get_by_role("link", name="民眾滿意度調查", exact=True).first.click()
        everything = page.locator("[data-total]").inner_text()
        assert page.locator("svg[role=img]").count() >= 3
        assert page.locator("[data-mean]").count() >= 3
        page.select_option("#filter-counter", "1")
        with page.expect_navigation():
            page.get_by_role("button", name="顯示").click()
        assert "counter=1" in page.url
        assert page.locator("#filter-counter").input_value() == "1"
        assert page.locator("[data-total]").inner_text() != everything
    finally:
        context.close()
