"""The worklist in the back office: office-scoped pages, the actions, the CSV import
refusing a bad file whole, printing letters, and the public "what next" lists."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from huzheng.core import roc
from huzheng.core.identity import check_digit_for
from huzheng.core.models import AuditEntry
from huzheng.notify.models import Letter
from huzheng.outreach import demo
from huzheng.outreach.models import State, WorkItem
from huzheng.outreach.tests.factories import make_item, outreach_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return outreach_desk()


def test_the_worklist_shows_the_office_items_and_audits_the_read(client, desk):
    item = make_item(desk, days_ago=70, service="divorce")
    other = outreach_desk("magong")
    make_item(other, national_id="E22222222" + check_digit_for("E22222222"))
    client.force_login(desk["clerk"])
    response = client.get(reverse("outreach_staff:worklist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert item.number in content and "outreach-overdue" in content
    assert "MAGONG" not in content
    assert AuditEntry.objects.filter(action="read", reason="outreach worklist").exists()
    response = client.get(reverse("outreach_staff:worklist"), {"state": "all", "due": "x"})
    assert response.status_code == 200


def test_another_offices_item_is_not_found(client, desk):
    other = outreach_desk("magong")
    foreign = make_item(other)
    client.force_login(desk["clerk"])
    assert client.get(reverse("outreach_staff:item", args=[foreign.pk])).status_code == 404
    assert client.get(f"/admin/outreach/{2**70}/").status_code == 404
    response = client.post(reverse("outreach_staff:act", args=[foreign.pk, "call"]))
    assert response.status_code == 404


def test_the_counter_cannot_open_the_worklist(client, desk):
    client.force_login(desk["counter"])
    response = client.get(reverse("outreach_staff:worklist"))
    assert response.status_code in (302, 403)  # Wagtail sends a refused user home
    assert "outreach" not in response.get("Location", "")


def test_a_call_a_reminder_and_registration_through_the_pages(client, desk):
    item = make_item(desk, days_ago=70, service="divorce")
    client.force_login(desk["clerk"])
    page = reverse("outreach_staff:item", args=[item.pk])
    assert client.get(page).status_code == 200
    client.post(reverse("outreach_staff:act", args=[item.pk, "call"]), {"outcome": "reached"})
    client.post(reverse("outreach_staff:act", args=[item.pk, "reminder-letter"]))
    letter = Letter.objects.get()
    response = client.get(reverse("outreach_staff:letters_pdf"), {"id": letter.pk})
    assert response["Content-Type"] == "application/pdf"
    client.post(reverse("outreach_staff:act", args=[item.pk, "registered"]), {"reference": "x"})
    item.refresh_from_db()
    assert item.state == State.REGISTERED
    assert list(item.events.values_list("kind", flat=True)) == [
        "created",
        "call",
        "letter",
        "state",
    ]
    response = client.post(reverse("outreach_staff:act", args=[item.pk, "nonsense"]))
    assert response.status_code == 404


def test_entering_an_item_by_hand_with_a_past_deadline_is_refused(client, desk):
    client.force_login(desk["clerk"])
    data = {
        "source": "court",
        "service": desk["divorce"].pk,
        "person_name": "黃美華",
        "national_id": "E22345678" + check_digit_for("E22345678"),
        "event_date": roc.format_short(roc.today() - dt.timedelta(days=3)),
        "deadline": roc.format_short(roc.today() - dt.timedelta(days=1)),
    }
    response = client.post(reverse("outreach_staff:add"), data)
    assert response.status_code == 200
    assert "已經過了" in response.content.decode() or "already past" in response.content.decode()
    assert not WorkItem.objects.exists()
    data["deadline"] = ""
    response = client.post(reverse("outreach_staff:add"), data)
    assert response.status_code == 302
    assert WorkItem.objects.count() == 1


def csv_file(rows):
    heading = "來源,登記項目,姓名,身分證統一編號,事件日期,地址\n"
    data = (heading + "\n".join(rows) + "\n").encode("utf-8-sig")
    upload = io.BytesIO(data)
    upload.name = "court.csv"
    return upload


def test_a_csv_with_a_bad_date_or_id_number_writes_nothing(client, desk):
    good_id = "E12222222" + check_digit_for("E12222222")
    client.force_login(desk["clerk"])
    rows = [
        f"法院判決,divorce,黃美華,{good_id},115/10/1,澎湖縣湖西鄉1號",
        "法院判決,divorce,林志明,E123456780,115/10/1,澎湖縣湖西鄉2號",
        f"法院判決,divorce,陳建國,{good_id},115/13/40,澎湖縣湖西鄉3號",
    ]
    response = client.post(reverse("outreach_staff:import"), {"file": csv_file(rows)})
    content = response.content.decode()
    assert response.status_code == 200 and "import-errors" in content
    assert not WorkItem.objects.exists()


def test_a_good_csv_imported_twice_gives_one_item_per_event(client, desk):
    good_id = "E12222222" + check_digit_for("E12222222")
    client.force_login(desk["clerk"])
    rows = [f"法院判決,divorce,黃美華,{good_id},115/10/1,澎湖縣湖西鄉1號"]
    client.post(reverse("outreach_staff:import"), {"file": csv_file(rows)})
    client.post(reverse("outreach_staff:import"), {"file": csv_file(rows)})
    assert WorkItem.objects.count() == 1


def test_the_registry_import_and_batch_printing(client, desk):
    client.force_login(desk["clerk"])
    client.post(reverse("outreach_staff:import"), {"from": "registry"})
    assert WorkItem.objects.filter(origin="gateway").count() >= 2  # services the test knows
    item = WorkItem.objects.filter(service=desk["divorce"]).first()
    client.post(reverse("outreach_staff:act", args=[item.pk, "notice-letter"]))
    client.post(reverse("outreach_staff:act", args=[item.pk, "reminder-letter"]))
    ids = list(Letter.objects.values_list("pk", flat=True))
    assert len(ids) == 2
    assert client.get(reverse("outreach_staff:letters")).status_code == 200
    response = client.get(reverse("outreach_staff:letters_pdf"), {"id": [*ids, "x"]})
    assert response.status_code == 200
    client.post(reverse("outreach_staff:letters_mailed"), {"id": ids})
    assert Letter.objects.filter(mailed_on=roc.today()).count() == 2


def test_the_public_lists_and_their_api(client, desk):
    demo.ensure_checklists()
    response = client.get("/what-next/")
    assert response.status_code == 200
    response = client.get("/what-next/birth/")
    assert "辦理出生登記後相關權益一覽表" in response.content.decode()
    assert client.get("/what-next/nothing/").status_code == 404
    response = client.get("/api/v1/what-next/death", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["title"].startswith("After a death")
    assert client.get("/api/v1/what-next/x").json()["code"] == "not_found"


def test_the_statistics_page_and_the_daily_command(client, desk):
    from django.core.management import call_command

    make_item(desk, days_ago=70, service="divorce")
    call_command("outreach_daily", "--no-fetch", stdout=io.StringIO())
    assert WorkItem.objects.exclude(overdue_since=None).count() == 1
    client.force_login(desk["director"])
    response = client.get(reverse("outreach_staff:statistics"))
    assert response.status_code == 200
    assert "法院裁判" in response.content.decode()


def test_the_counter_emails_the_list_to_a_citizen_who_asks(client, desk, mailoutbox):
    demo.ensure_checklists()
    client.force_login(desk["counter"])
    url = reverse("outreach_staff:email_checklist", args=["birth"])
    client.post(url, {"email": "not an address", "next": "https://evil.example/"})
    assert not mailoutbox
    response = client.post(url, {"email": "parent@example.com", "language": "en"})
    assert response.status_code == 302 and "evil" not in response["Location"]
    assert mailoutbox[0].to == ["parent@example.com"]
    assert "Bureau of Labor Insurance" in mailoutbox[0].body
    assert client.post(reverse("outreach_staff:email_checklist", args=["x"])).status_code == 404


def test_the_counter_lists_and_marks_the_agencies_told_of_a_birth_case(client, desk):
    from huzheng.cases.tests.factories import make_case
    from huzheng.outreach.models import AgencyNotice

    case = make_case(
        {"office": desk["office"], "service": desk["birth"], "clerk": desk["counter"]},
        received_on=roc.today(),
    )
    client.force_login(desk["counter"])
    page = reverse("cases_staff:detail", args=[case.pk])
    assert "outreach-agencies" in client.get(page).content.decode()
    client.post(reverse("outreach_staff:case_agencies", args=[case.pk]))
    client.post(reverse("outreach_staff:case_agencies", args=[case.pk]))  # twice: no doubles
    notices = AgencyNotice.objects.filter(case=case)
    assert notices.count() == 2
    labor = notices.get(agency="勞動部勞工保險局")
    client.post(reverse("outreach_staff:agency_notice", args=[labor.pk, "acknowledged"]))
    labor.refresh_from_db()
    assert labor.sent_on == labor.acknowledged_on == roc.today()
    response = client.post(reverse("outreach_staff:agency_notice", args=[labor.pk, "eaten"]))
    assert response.status_code == 302
    content = client.get(page).content.decode()
    assert "勞動部勞工保險局" in content and "國防部" in content
    other = outreach_desk("magong")
    client.force_login(other["counter"])
    response = client.post(reverse("outreach_staff:agency_notice", args=[labor.pk, "sent"]))
    assert response.status_code == 404


def test_the_notices_back_office_lists_and_the_template_editor_open(client, desk):
    from huzheng.notify.models import Template

    demo.ensure_checklists()
    client.force_login(desk["director"])
    for url in (
        "/admin/snippets/notify/template/",
        "/admin/snippets/outreach/lifeeventchecklist/",
        "/admin/outbox/",
        "/admin/agency_notices/",
    ):
        assert client.get(url).status_code == 200, url
    template = Template.objects.get(key="outreach.reminder-letter")
    edit = f"/admin/snippets/notify/template/edit/{template.pk}/"
    # The national template is listed; an office keeps its own under the same key.
    assert client.get(edit).status_code in (302, 403)
    data = {
        "name": "湖西催告函",
        "key": "outreach.reminder-letter",
        "channel": "letter",
        "office": desk["office"].pk,
        "subject": "請儘速辦理((service))。",
        "body": "湖西戶政提醒((name))。",
        "subject_en": "",
        "body_en": "",
    }
    bad = client.post("/admin/snippets/notify/template/add/", {**data, "body": "((nmae))"})
    assert bad.status_code == 200 and Template.objects.filter(office=desk["office"]).count() == 0
    assert client.post("/admin/snippets/notify/template/add/", data).status_code == 302
    own = Template.objects.get(office=desk["office"], key="outreach.reminder-letter")
    assert client.get(f"/admin/snippets/notify/template/edit/{own.pk}/").status_code == 200
    other = outreach_desk("magong")
    client.force_login(other["director"])
    assert client.get(f"/admin/snippets/notify/template/edit/{own.pk}/").status_code in (302, 403)
    assert client.get("/admin/agency_notices/new/").status_code in (302, 403)
