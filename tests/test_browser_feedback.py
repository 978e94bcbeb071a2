"""The director's mailbox in a real browser: a citizen writes, is refused for a missing
field, confirms through the e-mailed link from the outbox, follows the message online; the
director answers it from a template and closes it; the citizen rates the handling. Every
public page passes axe, on a desktop and on a phone."""

import re

import pytest

from huzheng.core.demo import DEMO_PASSWORD
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.notify.models import Message

pytestmark = pytest.mark.browser

EMAIL = "reader@example.com"


def log_in(page, site, username, next_url):
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def outbox_path(topic, number):
    body = Message.objects.filter(topic=topic, reference=number).latest("created_at").body
    return re.search(r"https?://[^/\s]+(/feedback/[^\s]+)", body).group(1)


def test_a_letter_to_the_director_is_confirmed_answered_and_rated(page, live_site, axe, browser):
    page.goto(f"{live_site}/feedback/director/")
    axe(page)
    # A missing subject: the error summary, focused, and nothing written.
    before = FeedbackMessage.objects.count()
    page.locator("#id_name").fill("黃美華")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_body").fill("希望假日也能辦理戶籍謄本。<b>謝謝</b>")
    with page.expect_navigation():
        page.locator("form.feedback-form button[type=submit]").click()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert FeedbackMessage.objects.count() == before
    axe(page)
    page.locator("#id_subject").fill("假日服務")
    with page.expect_navigation():
        page.locator("form.feedback-form button[type=submit]").click()
    # The e-mail address is encrypted at rest: compared after reading.
    [message] = [m for m in FeedbackMessage.objects.all() if m.email == EMAIL]
    assert message.mailbox == "director" and message.status == Status.UNCONFIRMED
    assert message.number in page.content()
    axe(page)

    # The link from the outbox: a page that asks, then the confirmation.
    page.goto(live_site + outbox_path("feedback.confirm", message.number))
    axe(page)
    page.locator("#feedback-confirm").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#feedback-number").inner_text() == message.number
    message.refresh_from_db()
    assert message.status in (Status.RECEIVED, Status.ASSIGNED)

    # Tracking: the wrong address gets the one answer; the right one the progress.
    page.goto(f"{live_site}/feedback/track/")
    axe(page)
    page.locator("#id_number").fill(message.number)
    page.locator("#id_email").fill("someone@example.com")
    with page.expect_navigation():
        page.locator("#id_email").press("Enter")
    assert page.locator("#feedback-error").is_visible()
    page.locator("#id_email").fill(EMAIL)
    with page.expect_navigation():
        page.locator("#id_email").press("Enter")
    assert page.locator("#feedback-status").is_visible()
    axe(page)

    # The director answers from a template and closes.
    staff = browser.new_context(locale="zh-TW").new_page()
    log_in(staff, live_site, "director", f"/admin/feedback/{message.pk}/")
    with staff.expect_navigation():
        staff.locator("a[data-template]").first.click()
    assert message.number in staff.locator("#id_reply").input_value()
    with staff.expect_navigation():
        staff.locator("#feedback-answer").click()
    with staff.expect_navigation():
        staff.locator("#feedback-close").click()
    message.refresh_from_db()
    assert message.status == Status.CLOSED and message.replied_by.username == "director"
    staff.context.close()

    # The citizen sees the reply and answers the one question on the tracking page.
    page.goto(f"{live_site}/feedback/track/")
    page.locator("#id_number").fill(message.number)
    page.locator("#id_email").fill(EMAIL)
    with page.expect_navigation():
        page.locator("#id_email").press("Enter")
    assert page.locator("#feedback-reply").is_visible()
    axe(page)
    page.locator("input[name=score][value='5']").check()
    with page.expect_navigation():
        page.locator("#feedback-rate").click()
    assert page.locator("#feedback-rated").is_visible()
    axe(page)
    message.refresh_from_db()
    assert message.satisfaction == 5

    # The mailbox on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_site}/feedback/")
    axe(page)


def test_an_official_document_is_followed_online(page, live_site, axe):
    from huzheng.core.models import Office
    from huzheng.feedback import documents
    from huzheng.feedback.models import DocumentStage

    document = documents.receive(
        office=Office.objects.get(code="huxi"),
        sender="澎湖縣政府",
        sender_number="府民戶字第1150009999號",
        subject="逕遷戶所案件",
        speed="urgent",
    )
    documents.move(document, DocumentStage.REPLIED, reply_number="湖戶字第1150000777號")
    page.goto(f"{live_site}/cases/documents/")
    axe(page)
    page.locator("#id_number").fill("府民戶字第1150009999號")
    page.locator("#id_sender").fill("內政部")
    with page.expect_navigation():
        page.locator("#id_sender").press("Enter")
    assert page.locator("#feedback-error").is_visible()
    axe(page)
    page.locator("#id_sender").fill("澎湖縣政府")
    with page.expect_navigation():
        page.locator("#id_sender").press("Enter")
    assert page.locator("#document-reply").inner_text() == "湖戶字第1150000777號"
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    axe(page)
