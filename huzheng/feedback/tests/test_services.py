"""The mailbox register's rules: numbers, the three working days, confirmation, routing,
replies and the director's review, closing and the satisfaction question."""

import datetime as dt
import re

import pytest
from django.core import mail

from huzheng.core.models import SpecialDay
from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import intake, services, tracking
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.feedback.tests.factories import (
    CategoryFactory,
    ReplyTemplateFactory,
    counted_message,
    web_message,
)
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(code="huxi")


def _link(topic, path):
    body = Message.objects.filter(topic=topic).latest("created_at").body
    return re.search(rf"/feedback/{path}/([^/\s]+)/", body).group(1)


def test_a_message_received_before_lunar_new_year_is_due_three_working_days_later(office):
    assert services.due_date(office, dt.date(2026, 2, 13)) == dt.date(2026, 2, 25)


def test_a_declared_typhoon_day_does_not_count(office):
    # Received Monday 3 August 2026; the office closed on Tuesday for a typhoon.
    assert services.due_date(office, dt.date(2026, 8, 3)) == dt.date(2026, 8, 6)
    SpecialDay.objects.create(
        office=office, date=dt.date(2026, 8, 4), kind="typhoon", reason="颱風"
    )
    assert services.due_date(office, dt.date(2026, 8, 3)) == dt.date(2026, 8, 7)
    other = OfficeFactory(code="magong")
    assert services.due_date(other, dt.date(2026, 8, 3)) == dt.date(2026, 8, 6)


def test_a_message_received_on_a_typhoon_day_is_due_three_working_days_after(office):
    SpecialDay.objects.create(
        office=office, date=dt.date(2026, 8, 4), kind="typhoon", reason="颱風"
    )
    # The typhoon day itself is the day of receipt; counting starts the day after.
    assert services.due_date(office, dt.date(2026, 8, 4)) == dt.date(2026, 8, 7)
    message = counted_message(office, received_on=dt.date(2026, 8, 4))
    assert message.due_on == dt.date(2026, 8, 7)


def test_a_web_message_counts_only_once_its_link_is_followed(office, settings):
    category = CategoryFactory(office=office, assignee=StaffFactory(office=office).user)
    message = web_message(office, category=category)
    assert re.fullmatch(r"1\d\d-HUXI-F\d{5}", message.number)
    assert message.status == Status.UNCONFIRMED
    assert len(mail.outbox) == 1 and message.number in mail.outbox[0].subject
    services.confirm(_link("feedback.confirm", "confirm"))
    message.refresh_from_db()
    assert message.status == Status.ASSIGNED
    assert message.assigned_to == category.assignee
    assert message.due_on == services.due_date(office, message.received_on)
    assert list(message.events.values_list("action", flat=True)) == [
        "received",
        "confirmed",
        "assigned",
    ]
    # A second click changes nothing.
    services.confirm(_link("feedback.confirm", "confirm"))
    assert message.events.count() == 3


def test_numbers_are_never_reused(office):
    first = counted_message(office)
    second = web_message(office)
    first.delete()
    third = counted_message(office)
    numbers = [first.number, second.number, third.number]
    assert len(set(numbers)) == 3
    assert [int(n[-5:]) for n in numbers] == [1, 2, 3]


def test_a_reply_to_the_directors_mailbox_waits_for_the_director(office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    director = StaffFactory(office=office, roles=[DIRECTOR]).user
    message = counted_message(office, mailbox="director")
    template = ReplyTemplateFactory(office=office)
    text = services.fill_template(template, message)
    assert message.number in text and message.name in text
    services.answer(message, text, user=clerk)
    message.refresh_from_db()
    assert message.status == Status.RECEIVED and message.draft_reply
    assert not Message.objects.filter(topic="feedback.reply").exists()
    with pytest.raises(services.FeedbackError):
        services.approve_reply(message, user=clerk)
    services.approve_reply(message, user=director, text=text + "\n主任敬上")
    message.refresh_from_db()
    assert message.status == Status.ANSWERED
    assert message.replied_by == director and message.reply.endswith("主任敬上")
    assert Message.objects.filter(topic="feedback.reply", reference=message.number).count() == 1


def test_closing_asks_the_one_question_once(office):
    clerk = StaffFactory(office=office, roles=[REGISTRAR]).user
    message = counted_message(office)
    with pytest.raises(services.FeedbackError):
        services.close(message, user=clerk)
    services.answer(message, "已改善。", user=clerk)
    services.close(message, user=clerk)
    token = _link("feedback.rate", "rate")
    for bad in ("0", "6", "x", ""):
        with pytest.raises(services.FeedbackError) as caught:
            services.rate(token, bad)
        assert "score" in caught.value.errors
    services.rate(token, "4", "<b>謝謝</b>")
    message.refresh_from_db()
    assert message.satisfaction == 4 and message.satisfaction_comment == "<b>謝謝</b>"
    with pytest.raises(services.FeedbackError):
        services.rate(token, "5")
    with pytest.raises(services.FeedbackError):
        services.rate(token + "x", "5")


def test_transfer_and_withdraw_end_the_clock(office):
    message = counted_message(office)
    services.transfer(message, "澎湖縣政府民政處")
    message.refresh_from_db()
    assert message.status == Status.TRANSFERRED
    with pytest.raises(services.FeedbackError):
        services.answer(message, "x", user=None)
    other = counted_message(office)
    services.withdraw(other, note="民眾來電撤回")
    assert FeedbackMessage.objects.get(pk=other.pk).status == Status.WITHDRAWN


@pytest.mark.parametrize(
    "change, field",
    [
        ({"name": "  "}, "name"),
        ({"email": "a@b.c\r\nBcc: x@y.z"}, "email"),
        ({"email": ""}, "email"),
        ({"subject": ""}, "subject"),
        ({"body": "x" * 5001}, "body"),
        ({"body": "\x00\x01"}, "body"),
        ({"phone": "abc"}, "phone"),
        ({"mailbox": "boss"}, "mailbox"),
    ],
)
def test_hostile_input_is_refused_and_writes_nothing(office, change, field):
    with pytest.raises(services.FeedbackError) as caught:
        web_message(office, **change)
    assert field in caught.value.errors
    assert not FeedbackMessage.objects.exists() and not Message.objects.exists()


def test_attachments_are_checked_by_their_content(office):
    html = intake.Upload("evil.pdf", b"<html><script>alert(1)</script>")
    big = intake.Upload("big.pdf", b"%PDF-" + b"0" * intake.MAX_ATTACHMENT_BYTES)
    for uploads in ([html], [big], [intake.Upload("a.png", b"\x89PNG\r\n\x1a\n")] * 4):
        with pytest.raises(services.FeedbackError) as caught:
            web_message(office, uploads=uploads)
        assert "attachments" in caught.value.errors
    assert not FeedbackMessage.objects.exists()
    message = web_message(office, uploads=[intake.Upload("photo.jpg", b"\xff\xd8\xff\xe0x")])
    assert message.attachments.get().content_type == "image/jpeg"


def test_honeypot_block_list_and_rate_limits(office):
    with pytest.raises(services.FeedbackError):
        web_message(office, honeypot="http://spam.example")
    office_block = services.BlockedSender.objects.create(office=office, address="@spam.example")
    with pytest.raises(services.FeedbackError) as caught:
        web_message(office, email="x@SPAM.example")
    assert caught.value.code == "blocked"
    office_block.delete()
    assert not FeedbackMessage.objects.exists()
    for _ in range(services.ADDRESS_LIMIT):
        web_message(office)
    with pytest.raises(services.TooManyAttempts):
        web_message(office)
    for n in range(services.CLIENT_LIMIT - services.ADDRESS_LIMIT):
        web_message(office, email=f"p{n}@example.com")
    with pytest.raises(services.TooManyAttempts):
        web_message(office, email="new@example.com")
    assert FeedbackMessage.objects.count() == services.CLIENT_LIMIT


def test_tracking_gives_one_answer_for_any_wrong_fact_and_is_limited(office):
    message = counted_message(office)
    unconfirmed = web_message(office, email="u@example.com")
    assert tracking.track(message.number.lower(), "HUA@example.com", client="c") == message
    for number, email in (
        (message.number, "other@example.com"),
        (unconfirmed.number, "u@example.com"),
        ("nonsense", "hua@example.com"),
        (message.number, ""),
    ):
        with pytest.raises(services.MessageNotFound):
            tracking.track(number, email, client="c")
    for _ in range(tracking.TRACK_LIMIT):
        with pytest.raises((services.MessageNotFound, services.TooManyAttempts)):
            tracking.track("x", "y", client="c")
    with pytest.raises(services.TooManyAttempts):
        tracking.track(message.number, "hua@example.com", client="c")
