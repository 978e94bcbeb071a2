"""The mailbox demo: messages in every status, a written opinion answered by a letter
from the outgoing-letter register, and one waiting for the writer's reply."""

import pytest

from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import demo
from huzheng.feedback.models import FeedbackMessage, Status

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_message_in_every_status():
    office = OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所", is_demo=True)
    for username, role in (("clerk", REGISTRAR), ("director", DIRECTOR)):
        staff = StaffFactory(office=office, roles=[role])
        staff.user.username = username
        staff.user.save()
    demo.seed()
    statuses = set(FeedbackMessage.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    letter = FeedbackMessage.objects.get(reply_letter__isnull=False).reply_letter
    assert letter.number.startswith("湖西戶字第")
    demo.seed()  # safe to repeat
    assert FeedbackMessage.objects.filter(reply_letter__isnull=False).count() == 1
