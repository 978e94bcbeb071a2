"""The case desk in the back office: the counter registers a case (linked to the visit's
ticket), the clerk moves, notes, assigns and closes it and downloads the reply letter;
staff see only their office's cases, and every look at an applicant is audited."""

import pytest
from django.urls import reverse

from huzheng.cases.models import Case, Stage
from huzheng.cases.tests.factories import NATIONAL_ID, case_desk, make_case, staff
from huzheng.core.models import AuditEntry
from huzheng.core.roles import WEB_EDITOR
from huzheng.queueing import services as queue
from huzheng.queueing.models import VisitRecord
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(settings):
    settings.HUZHENG_DEMO = True
    office, _series = queue_office("huxi")
    return case_desk(office=office)


def form_data(desk, **overrides):
    data = {
        "service": desk["service"].pk,
        "applicant_name": "王小明",
        "national_id": NATIONAL_ID.lower(),
        "birth_date": "69/5/1",
        "phone": "0912345678",
        "email": "",
        "received_on": "",
        "documents": "申請書\n使用執照影本\n",
        "ticket_label": "",
        "needs_reply": "on",
    }
    data.update(overrides)
    return data


def test_the_counter_registers_a_case_linked_to_todays_ticket(client, desk):
    ticket = queue.issue_ticket(desk["office"], idempotency_key="k1")[0]
    client.force_login(desk["counter"])
    response = client.post(
        reverse("cases_staff:register"), form_data(desk, ticket_label=ticket.label.lower())
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cases_staff:detail", args=[case.pk])
    assert case.ticket == ticket
    assert case.documents == ["申請書", "使用執照影本"]
    assert VisitRecord.objects.filter(ticket=ticket, reference=case.number).exists()
    assert AuditEntry.objects.filter(action="create", object_id=str(case.pk)).exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"national_id": "A123456788"},
        {"birth_date": "200/1/1"},
        {"ticket_label": "Z999"},
        {"applicant_name": ""},
        {"service": "999999"},
    ],
)
def test_a_bad_registration_says_why_and_saves_nothing(client, desk, overrides):
    client.force_login(desk["counter"])
    response = client.post(reverse("cases_staff:register"), form_data(desk, **overrides))
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_the_clerk_moves_notes_and_closes_with_the_reply_letter(client, desk):
    case = make_case(desk, needs_reply=True)
    client.force_login(desk["clerk"])
    detail = reverse("cases_staff:detail", args=[case.pk])
    page = client.get(detail)
    assert page.status_code == 200 and case.national_id_masked in page.content.decode()
    assert AuditEntry.objects.filter(action="read", object_id=str(case.pk)).exists()

    client.post(reverse("cases_staff:move", args=[case.pk]), {"stage": "review"})
    client.post(reverse("cases_staff:move", args=[case.pk]), {"stage": "received"})  # refused
    client.post(reverse("cases_staff:note", args=[case.pk]), {"note": "已函詢地政事務所"})
    client.post(reverse("cases_staff:assign", args=[case.pk]), {"clerk": desk["counter"].pk})
    client.post(
        reverse("cases_staff:close", args=[case.pk]),
        {"subject": "核准門牌初編", "explanation": "門牌已編釘。"},
    )
    case.refresh_from_db()
    assert case.stage == Stage.CLOSED
    assert case.assigned_to == desk["counter"]
    letter = client.get(reverse("cases_staff:letter", args=[case.pk]))
    assert letter.status_code == 200
    assert letter["Content-Type"] == "application/pdf"
    assert bytes(letter.content).startswith(b"%PDF")


def test_the_dashboard_lists_the_office_and_is_audited(client, desk):
    case = make_case(desk, assigned_to=desk["clerk"])
    client.force_login(desk["director"])
    response = client.get(reverse("cases_staff:dashboard"))
    assert response.status_code == 200
    assert case.number in response.content.decode()


def test_staff_of_another_office_cannot_see_the_case(client, desk):
    case = make_case(desk)
    other = case_desk("magong")
    client.force_login(other["director"])
    assert client.get(reverse("cases_staff:detail", args=[case.pk])).status_code == 404
    assert (
        client.post(reverse("cases_staff:move", args=[case.pk]), {"stage": "review"}).status_code
        == 404
    )
    assert case.number not in client.get(reverse("cases_staff:dashboard")).content.decode()
    assert client.get(reverse("cases_staff:detail", args=[2**70])).status_code == 404


def test_web_editors_have_no_case_desk(client, desk):
    editor = staff(desk["office"], "huxi-editor", WEB_EDITOR)
    client.force_login(editor)
    assert client.get(reverse("cases_staff:dashboard")).status_code in (302, 403)
    assert client.get(reverse("cases_staff:register")).status_code in (302, 403)


def test_the_receipt_prints_as_a_pdf_with_what_the_query_asks_for(client, desk):
    from io import BytesIO

    from pypdf import PdfReader

    case = make_case(desk)
    client.force_login(desk["counter"])
    detail = client.get(reverse("cases_staff:detail", args=[case.pk])).content.decode()
    url = reverse("cases_staff:receipt", args=[case.pk])
    assert f'href="{url}"' in detail
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    for words in (case.number, "收件收據", "身分證統一編號", "出生日期", "/cases/query/"):
        assert words in text, words
    assert NATIONAL_ID not in text and case.national_id_masked in text
    assert AuditEntry.objects.filter(action="read", object_id=str(case.pk)).exists()


def test_the_desk_groups_services_and_names_staff_as_the_office_writes_them(client, desk):
    desk["clerk"].first_name, desk["clerk"].last_name = "志明", "陳"
    desk["clerk"].save()
    editor = staff(desk["office"], "huxi-editor", WEB_EDITOR)
    case = make_case(desk, assigned_to=desk["clerk"])
    client.force_login(desk["director"])
    register = client.get(reverse("cases_staff:register")).content.decode()
    assert "<optgroup" in register
    page = client.get(reverse("cases_staff:detail", args=[case.pk])).content.decode()
    assert "陳志明" in page and "志明 陳" not in page
    assert ">陳志明</option>" in page
    assert f'value="{editor.pk}"' not in page  # the web editor handles no cases
    assert "匯入者" not in page and "經辦人" in page
