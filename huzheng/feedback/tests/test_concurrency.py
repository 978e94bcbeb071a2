"""Mailbox numbers are never given twice, and a confirmation link followed twice at the
same moment counts the message once: real threads, on SQLite and PostgreSQL."""

import re

import pytest

from huzheng.core.tests.factories import OfficeFactory
from huzheng.core.tests.races import race
from huzheng.feedback import services
from huzheng.feedback.models import FeedbackMessage, Status
from huzheng.feedback.tests.factories import counted_message, web_message
from huzheng.notify.models import Message


@pytest.mark.django_db(transaction=True)
def test_eight_counters_taking_opinions_at_once_never_share_a_number():
    office = OfficeFactory(code="huxi")
    results, errors = race(8, lambda i: counted_message(office, name=f"民眾{i}").number)
    assert errors == []
    assert len(set(results)) == 8
    assert sorted(int(n[-5:]) for n in results) == list(range(1, 9))


@pytest.mark.django_db(transaction=True)
def test_a_link_followed_twice_at_once_confirms_once():
    office = OfficeFactory(code="huxi")
    message = web_message(office)
    body = Message.objects.get(topic="feedback.confirm").body
    token = re.search(r"/feedback/confirm/([^/\s]+)/", body).group(1)
    results, errors = race(4, lambda _i: services.confirm(token).status)
    assert errors == []
    assert set(results) == {Status.RECEIVED}
    assert FeedbackMessage.objects.get(pk=message.pk).events.filter(action="confirmed").count() == 1
