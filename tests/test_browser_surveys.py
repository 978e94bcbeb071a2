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


def test_the_director_builds_a_survey_and_a_citizen_answers_it(browser, live_site, axe):
    """The builder itself: a scale and a choice question, open from today (published),
    answered through its general link on the public site."""
    import datetime as dt

    from huzheng.surveys.models import Response, Survey

    today = timezone.localdate()
    context, page = signed_in(browser, live_site, "director", "/admin/surveys/new/")
    try:
        # The dates first: their date pickers close once the titles take the focus.
        page.locator("[name=opens_on]").fill(today.isoformat())
        page.keyboard.press("Escape")
        page.locator("[name=closes_on]").fill((today + dt.timedelta(days=30)).isoformat())
        page.keyboard.press("Escape")
        page.locator("[name=title]").click()
        page.locator("[name=title]").fill("臨櫃服務快問快答")
        page.locator("[name=title_en]").fill("Counter quick poll")
        page.locator(".xdsoft_datetimepicker").first.wait_for(state="hidden")
        page.locator("[name='questions-0-kind']").select_option("scale")
        page.locator("[name='questions-0-text']").fill("櫃檯人員是否親切？")
        page.locator("[name='questions-0-low_label']").fill("很不親切")
        page.locator("[name='questions-0-high_label']").fill("非常親切")
        page.locator("#id_questions-ADD").click()
        page.locator("[name='questions-1-kind']").select_option("single")
        page.locator("[name='questions-1-text']").fill("您今天辦理的業務")
        page.locator("[name='questions-1-choices']").fill(
            "戶籍謄本 | transcript\n身分證 | ID card\n其他 | other"
        )
        with page.expect_navigation():
            page.locator("footer button.button-longrunning[type=submit]").first.click()
        saved = Survey.objects.filter(title="臨櫃服務快問快答").first()
        assert saved is not None, page.locator(".error-message, .help-critical").all_inner_texts()
        survey = saved
        assert survey.office.code == "huxi" and survey.is_open_on(today)
        assert [q.kind for q in survey.questions.all()] == ["scale", "single"]
    finally:
        context.close()

    citizen = browser.new_context(locale="zh-TW", viewport={"width": 390, "height": 844})
    try:
        form = citizen.new_page()
        form.goto(f"{live_site}/surveys/s/{survey.public_token}/?via=counter")
        assert form.get_by_text("櫃檯人員是否親切？").is_visible()
        assert form.get_by_text("非常親切").is_visible()
        axe(form)
        scale, single = survey.questions.all()
        form.locator(f"input[name=q{scale.pk}][value='5']").check()
        form.locator(f"input[name=q{single.pk}][value='2']").check()
        with form.expect_navigation():
            form.get_by_role("button", name="送出").click()
        assert form.locator(".notice--success").is_visible()
        axe(form)
        answer = Response.objects.get(survey=survey)
        assert answer.channel == "counter"
        assert sorted(answer.answers.values_list("value", flat=True)) == [2, 5]
    finally:
        citizen.close()
