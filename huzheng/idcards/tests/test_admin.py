"""The back office: the counter takes a loss report by phone with the caller's answers,
finds it, and cancels it after checking the person's identity; the web editor cannot."""

import pytest
from django.contrib.auth import get_user_model

from huzheng.core import roc
from huzheng.core.models import AuditEntry
from huzheng.idcards.models import LossReport
from huzheng.idcards.tests.helpers import person

pytestmark = pytest.mark.django_db

LIST = "/admin/idcards/lost/"
PHONE = "/admin/idcards/lost/phone/"


@pytest.fixture(autouse=True)
def registry(demo_data):
    return demo_data


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def phone_form(p, **changes):
    return {
        "national_id": p["national_id"],
        "name": p["name"],
        "birth_date": roc.format_short(p["birth_date"]),
        "registered_address": "澎湖縣湖西鄉湖西村1號",
        "parent_name": "王老先生",
        "caller_phone": "06-9921234",
        **changes,
    }


def test_counter_takes_a_phone_report_and_cancels_it(client):
    login(client, "counter")
    answer = client.post(PHONE, phone_form(person(2)))
    assert answer.status_code == 302
    report = LossReport.objects.get(channel="phone")
    assert report.staff.username == "counter" and report.office.code == "huxi"
    listing = client.get(answer["Location"]).content.decode()
    assert report.reference in listing and person(2)["national_id"] not in listing

    cancel = f"/admin/idcards/lost/{report.pk}/cancel/"
    assert client.post(cancel, {"identity_check": ""}).status_code == 200
    report.refresh_from_db()
    assert report.status == LossReport.Status.REPORTED
    assert client.post(cancel, {"identity_check": "身分證正本及護照"}).status_code == 302
    report.refresh_from_db()
    assert report.status == LossReport.Status.CANCELLED
    assert report.cancel_identity_check == "身分證正本及護照"
    assert AuditEntry.objects.filter(object_id=str(report.pk), action="update").exists()


def test_phone_mismatch_is_refused_and_nothing_written(client):
    login(client, "counter")
    answer = client.post(PHONE, phone_form(person(2), name="別人"))
    assert answer.status_code == 200 and not LossReport.objects.filter(channel="phone").exists()


def test_phone_report_needs_an_answer(client):
    login(client, "counter")
    client.post(
        PHONE, phone_form(person(2), registered_address="", parent_name="", caller_phone="")
    )
    assert not LossReport.objects.filter(channel="phone").exists()


def test_find_by_id_number_and_hostile_queries(client):
    login(client, "counter")
    client.post(PHONE, phone_form(person(2)))
    assert "L-" in client.get(LIST, {"q": person(2)["national_id"]}).content.decode()
    for query in ["<script>", "' OR 1=1", "x" * 500]:
        assert client.get(LIST, {"q": query}).status_code == 200


def test_the_list_is_audited(client):
    login(client, "counter")
    client.get(LIST)
    assert AuditEntry.objects.filter(action="read", object_type="idcards.lossreport").exists()


def test_web_editor_has_no_access(client):
    login(client, "editor")
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(PHONE).status_code in (302, 403)
