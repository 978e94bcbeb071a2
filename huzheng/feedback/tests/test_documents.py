"""Official documents (公文): due days by speed class, stages forward only, and the public
look-up with its one not-found answer and its limit."""

import datetime as dt

import pytest

from huzheng.core.tests.factories import OfficeFactory
from huzheng.feedback import documents
from huzheng.feedback.models import DocumentStage, OfficialDocument, SpeedLimit
from huzheng.feedback.services import FeedbackError, TooManyAttempts

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(settings):
    settings.HUZHENG_DEFAULT_OFFICE = "huxi"
    return OfficeFactory(code="huxi")


def receive(office, **change):
    values = {
        "office": office,
        "sender": "澎湖縣政府",
        "sender_number": "府民戶字第1150000123號",
        "subject": "逕遷戶所案",
        "speed": "urgent",
        "received_on": dt.date(2026, 2, 13),
    }
    values.update(change)
    return documents.receive(**values)


def test_the_speed_class_sets_the_due_day_and_an_office_may_change_it(office):
    assert receive(office, speed="most_urgent").due_on == dt.date(2026, 2, 23)
    assert receive(office, speed="urgent").due_on == dt.date(2026, 2, 25)
    assert receive(office, speed="normal").due_on == dt.date(2026, 3, 3)
    SpeedLimit.objects.create(office=office, speed="normal", working_days=10)
    assert receive(office, speed="normal").due_on == dt.date(2026, 3, 9)
    numbers = list(OfficialDocument.objects.values_list("received_number", flat=True))
    assert len(set(numbers)) == 4 and all(n.startswith("115") for n in numbers)


def test_a_document_is_followed_online_by_either_number(office, client):
    document = receive(office)
    with pytest.raises(FeedbackError):
        documents.move(document, DocumentStage.REPLIED)
    documents.move(document, DocumentStage.REPLIED, reply_number="湖戶字第1150000456號")
    with pytest.raises(FeedbackError):
        documents.move(document, DocumentStage.PROCESSING)
    progress = documents.lookup(document.received_number, "澎湖縣政府", client="a")
    assert progress.reply_number == "湖戶字第1150000456號"
    assert documents.lookup("府民戶字第1150000123號", " 澎湖縣政府 ", client="a").number == (
        document.received_number
    )
    page = client.post(
        "/cases/documents/", {"number": document.received_number, "sender": "澎湖縣政府"}
    )
    assert page.status_code == 200 and "湖戶字第1150000456號" in page.content.decode()


def test_wrong_facts_get_one_answer_and_a_limit(office, client):
    document = receive(office)
    for number, sender in (
        (document.received_number, "內政部"),
        ("9999999999", "澎湖縣政府"),
        ("<script>", "澎湖縣政府"),
        (document.received_number, ""),
    ):
        with pytest.raises(documents.DocumentNotFound):
            documents.lookup(number, sender, client="b")
    for _ in range(documents.LOOKUP_LIMIT):
        try:
            documents.lookup("x", "y", client="b")
        except (documents.DocumentNotFound, TooManyAttempts):
            pass
    with pytest.raises(TooManyAttempts):
        documents.lookup(document.received_number, "澎湖縣政府", client="b")
    assert client.post("/cases/documents/", {"number": "", "sender": ""}).status_code == 422


@pytest.mark.parametrize(
    "change",
    [{"sender": " "}, {"subject": ""}, {"speed": "warp"}, {"received_on": dt.date(2999, 1, 1)}],
)
def test_hostile_input_registers_nothing(office, change):
    with pytest.raises(FeedbackError):
        receive(office, **change)
    assert not OfficialDocument.objects.exists()
