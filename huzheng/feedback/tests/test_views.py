"""The public mailbox pages and the back office: hostile input gets a clear message and
writes nothing, nothing a citizen wrote is rendered as HTML, staff act through the desk."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.feedback.tests.factories import ReplyTemplateFactory, counted_message
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def office(settings):
    settings.HUZHENG_DEFAULT_OFFICE = "huxi"
    return OfficeFactory(code="huxi")


def form(**change):
    data = {
        "name": "王小明",
        "email": "ming@example.com",
        "phone": "",
        "category": "",
        "subject": "建議",
        "body": "請增加假日服務。",
        "website": "",
    }
    data.update(change)
    return data


def test_a_web_message_is_sent_confirmed_and_tracked(client, office):
    response = client.post("/feedback/director/", form(subject=SCRIPT, body=SCRIPT))
    assert response.status_code == 302
    message = FeedbackMessage.objects.get()
    assert message.mailbox == "director" and message.status == Status.UNCONFIRMED
    assert message.number in client.get("/feedback/sent/").content.decode()
    link = re.search(r"/feedback/confirm/[^/\s]+/", Message.objects.get().body).group(0)
    assert client.get(link).status_code == 200
    assert FeedbackMessage.objects.get().status == Status.UNCONFIRMED
    assert client.post(link).status_code == 200
    assert FeedbackMessage.objects.get().status == Status.RECEIVED
    page = client.post("/feedback/track/", {"number": message.number, "email": message.email})
    assert page.status_code == 200
    html = page.content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "change",
    [
        {"name": ""},
        {"email": "a@b.c\nBcc: x@y.z"},
        {"subject": "x" * 700},
        {"body": "\x00"},
        {"phone": "not a phone"},
        {"category": "99999999999999999999"},
        {"website": "http://spam.example"},
    ],
)
def test_hostile_input_on_the_form_gets_a_clear_message_and_writes_nothing(client, office, change):
    response = client.post("/feedback/", form(**change))
    assert response.status_code == 422
    assert 'id="error-summary"' in response.content.decode()
    assert not FeedbackMessage.objects.exists() and not Message.objects.exists()


def test_an_attachment_that_is_not_what_it_says_is_refused(client, office):
    fake = SimpleUploadedFile("photo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post("/feedback/", {**form(), "attachments": [fake]})
    assert response.status_code == 422
    assert "PDF" in response.content.decode()
    assert not FeedbackMessage.objects.exists()


def test_bad_links_and_wrong_facts_get_one_clear_answer(client, office):
    assert client.post("/feedback/confirm/nonsense/").status_code == 400
    assert client.post("/feedback/rate/nonsense/", {"score": "5"}).status_code == 400
    assert client.post("/feedback/rate/nonsense/", {"score": "9"}).status_code == 422
    message = counted_message(office)
    wrong = client.post("/feedback/track/", {"number": message.number, "email": "x@example.com"})
    unknown = client.post("/feedback/track/", {"number": "nope", "email": message.email})
    assert wrong.status_code == unknown.status_code == 404
    assert client.post("/feedback/track/", {"number": "", "email": ""}).status_code == 422


def test_the_director_answers_from_a_template_in_the_back_office(client, office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    message = counted_message(office, mailbox="director", body=SCRIPT)
    template = ReplyTemplateFactory(office=office)
    client.force_login(clerk)
    page = client.get(f"/admin/feedback/{message.pk}/?template={template.pk}")
    assert page.status_code == 200
    html = page.content.decode()
    assert SCRIPT not in html and message.number in html
    client.post(f"/admin/feedback/{message.pk}/answer/", {"reply": "擬稿"})
    message.refresh_from_db()
    assert message.draft_reply == "擬稿" and message.status == Status.RECEIVED
    client.force_login(director)
    client.post(f"/admin/feedback/{message.pk}/approve/", {"reply": "主任回覆"})
    client.post(f"/admin/feedback/{message.pk}/close/")
    message.refresh_from_db()
    assert message.status == Status.CLOSED and message.reply == "主任回覆"
    assert client.post(f"/admin/feedback/{message.pk}/explode/").status_code == 404
    other = OfficeFactory(code="magong")
    elsewhere = counted_message(other)
    assert client.get(f"/admin/feedback/{elsewhere.pk}/").status_code == 404


def test_staff_enter_an_opinion_taken_by_phone(client, office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    client.force_login(clerk)
    data = {
        "channel": "phone",
        "mailbox": "opinion",
        "category": "",
        "name": "林小姐",
        "email": "",
        "phone": "0912345678",
        "subject": "詢問",
        "body": "出生登記期限？",
    }
    bad = client.post("/admin/feedback/new/", {**data, "channel": "web"})
    assert bad.status_code == 200 and not FeedbackMessage.objects.exists()
    response = client.post("/admin/feedback/new/", data)
    message = FeedbackMessage.objects.get()
    assert response.status_code == 302 and message.channel == "phone"
    assert message.status == Status.RECEIVED
    assert client.get("/admin/feedback/").status_code == 200
