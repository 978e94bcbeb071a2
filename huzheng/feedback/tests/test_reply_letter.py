"""A written opinion answered by post: the reply is a letter numbered in the office's
outgoing-letter register (發文簿), printed as a PDF that reads in Chinese; a bad address
writes nothing; another office's staff cannot print it."""

import io

import pytest

from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.feedback.tests.factories import counted_message
from huzheng.notify.models import Letter, Message

pytestmark = pytest.mark.django_db


def test_a_written_opinion_is_answered_by_a_numbered_letter_that_prints(client):
    from pypdf import PdfReader

    office = OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所")
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    message = counted_message(office, channel="written", email="", name="陳阿公")
    client.force_login(clerk)
    url = f"/admin/feedback/{message.pk}/answer/"
    # A bad postcode is refused and nothing is written.
    client.post(
        url, {"reply": "已增設櫃檯。", "address": "澎湖縣湖西鄉湖西村1號", "postcode": "88"}
    )
    message.refresh_from_db()
    assert message.status == Status.RECEIVED and not Letter.objects.exists()
    client.post(
        url, {"reply": "已增設櫃檯。", "address": "澎湖縣湖西鄉湖西村1號", "postcode": "885"}
    )
    message.refresh_from_db()
    letter = message.reply_letter
    assert message.status == Status.ANSWERED
    assert letter.number.startswith("湖西戶字第") and letter.topic == "feedback.reply"
    assert (letter.recipient, letter.reference) == ("陳阿公", message.number)
    assert not Message.objects.filter(topic="feedback.reply").exists()
    assert letter.number in client.get(f"/admin/feedback/{message.pk}/").content.decode()
    response = client.get(f"/admin/feedback/{message.pk}/letter/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    for expected in (f"發文字號：{letter.number}", "陳阿公君", "已增設櫃檯。", message.number):
        assert expected in text, expected
    letter.refresh_from_db()
    assert letter.printed_at is not None
    other = StaffFactory(office=OfficeFactory(code="magong"), roles=[DIRECTOR]).user
    client.force_login(other)
    assert client.get(f"/admin/feedback/{message.pk}/letter/").status_code == 404


def test_a_reply_to_the_directors_mailbox_goes_by_post_only_from_the_director(client):
    office = OfficeFactory(code="huxi")
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    message = counted_message(office, mailbox="director", channel="written", email="")
    client.force_login(clerk)
    client.post(f"/admin/feedback/{message.pk}/answer/", {"reply": "擬稿", "address": "湖西村1號"})
    message.refresh_from_db()
    assert message.draft_reply == "" and not Letter.objects.exists()
    client.post(f"/admin/feedback/{message.pk}/answer/", {"reply": "擬稿"})
    client.force_login(director)
    client.post(
        f"/admin/feedback/{message.pk}/approve/", {"reply": "主任回覆", "address": "湖西村1號"}
    )
    message = FeedbackMessage.objects.get(pk=message.pk)
    assert message.status == Status.ANSWERED and message.reply_letter.body.count("主任回覆") == 1
