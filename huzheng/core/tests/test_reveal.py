"""Showing staff a full ID number (查閱完整身分證字號): only with a reason, only for the
staff member's own office (loss reports are national), and every read is in the audit
log; the pages that show the masked number never carry the full one."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from huzheng.addresses.models import Village
from huzheng.appointments.models import HomeVisit
from huzheng.cases.tests.factories import NATIONAL_ID, OTHER_ID, case_desk, make_case, staff
from huzheng.core import crypto
from huzheng.core.identity import mask
from huzheng.core.models import AuditEntry, Office
from huzheng.core.reveal import may_reveal, reveal_url
from huzheng.core.roles import WEB_EDITOR
from huzheng.core.tests.factories import OfficeFactory, UserFactory
from huzheng.idcards.models import LossReport

pytestmark = pytest.mark.django_db

COUNTER_REASON = {"reason": "counter", "other": ""}


@pytest.fixture
def desk():
    return case_desk(code="huxi")


@pytest.fixture
def case(desk):
    return make_case(desk)


def reads(obj):
    """The audited reads of the full number of a record."""
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.READ,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        fields=["national_id"],
    )


def loss_report(office, number=OTHER_ID):
    return LossReport.objects.create(
        reference="L-115-000001",
        national_id_hash=crypto.lookup_hash(number),
        national_id_encrypted=crypto.encrypt(number),
        national_id_masked=mask(number),
        channel=LossReport.Channel.PHONE,
        office=office,
    )


def home_visit(desk, number=OTHER_ID):
    office = desk["office"]
    return HomeVisit.objects.create(
        code="HV0001",
        office=office,
        service=desk["service"],
        contact_name="王大明",
        phone="0912345678",
        person_name="王阿嬤",
        national_id_hash=crypto.lookup_hash(number),
        national_id_encrypted=crypto.encrypt(number),
        national_id_masked=mask(number),
        village=Village.objects.create(office=office, name="湖西村"),
        address="湖西村1號",
        reason=HomeVisit.Reason.ELDERLY,
        preferred_dates="平日上午",
    )


def test_a_clerk_with_a_reason_sees_the_full_number_and_the_read_is_audited(client, desk, case):
    client.force_login(desk["clerk"])
    response = client.post(reveal_url(case), COUNTER_REASON)
    page = response.content.decode()
    assert response.status_code == 200
    assert NATIONAL_ID in page
    assert reverse("cases_staff:detail", args=[case.pk]) in page
    assert "no-store" in response["Cache-Control"]
    entry = reads(case).get()
    assert entry.reason == "Checking the card at the counter"
    assert entry.user == desk["clerk"] and entry.office == desk["office"]


def test_other_reason_keeps_the_staff_members_own_words(client, desk, case):
    client.force_login(desk["counter"])
    response = client.post(reveal_url(case), {"reason": "other", "other": "  戶籍資料核對  "})
    assert response.status_code == 200 and NATIONAL_ID in response.content.decode()
    assert reads(case).get().reason == "戶籍資料核對"


def test_asking_for_the_reason_decrypts_nothing_and_writes_no_audit(client, desk, case):
    client.force_login(desk["clerk"])
    before = AuditEntry.objects.count()
    response = client.get(reveal_url(case))
    page = response.content.decode()
    assert response.status_code == 200
    assert NATIONAL_ID not in page and case.national_id_masked in page
    assert 'name="reason"' in page
    assert "no-store" in response["Cache-Control"]
    assert AuditEntry.objects.count() == before


def test_another_offices_case_is_not_found(client, desk, case):
    other = case_desk(code="makung")
    client.force_login(other["clerk"])
    assert client.get(reveal_url(case)).status_code == 404
    assert client.post(reveal_url(case), COUNTER_REASON).status_code == 404
    assert not reads(case).exists()


def test_county_staff_without_an_office_may_read_any_offices_case(client, desk, case):
    county = staff(None, "county-clerk")
    client.force_login(county)
    response = client.post(reveal_url(case), COUNTER_REASON)
    assert response.status_code == 200 and NATIONAL_ID in response.content.decode()


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client, case):
    response = client.post(reveal_url(case), COUNTER_REASON)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not reads(case).exists()


def test_staff_without_the_cases_permission_are_refused(client, desk, case):
    editor = staff(desk["office"], "editor", WEB_EDITOR)
    client.force_login(editor)
    assert client.get(reveal_url(case)).status_code == 403
    assert client.post(reveal_url(case), COUNTER_REASON).status_code == 403
    assert not reads(case).exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"reason": ""},
        {"reason": "because"},
        {"reason": "other", "other": ""},
        {"reason": "other", "other": "   "},
        {"reason": "other", "other": "x" * 201},
        {"reason": "other", "other": "長" * 100_000},
        {"reason": "other", "other": "check\x00card"},
        {"reason": "other", "other": "line one\nline two"},
        {"reason": "other", "other": "\u202egnikcehc"},
        {"reason": ["counter", "other"], "other": "\x1b[31m"},
    ],
)
def test_a_missing_or_bad_reason_asks_again_and_reveals_nothing(client, desk, case, data):
    client.force_login(desk["clerk"])
    before = AuditEntry.objects.count()
    response = client.post(reveal_url(case), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert NATIONAL_ID not in page
    # A NUL byte is refused before the view by RejectNulBytesMiddleware, with its 400 page.
    assert "error-message" in page or "help-critical" in page or "無法處理" in page
    assert AuditEntry.objects.count() == before


def test_an_overlong_reason_is_named_in_the_message(client, desk, case):
    client.force_login(desk["clerk"])
    response = client.post(reveal_url(case), {"reason": "other", "other": "x" * 201})
    assert "200" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/reveal/core/office/1/",
        "/admin/reveal/auth/user/1/",
        "/admin/reveal/nosuchapp/nosuchmodel/1/",
        "/admin/reveal/cases/case/99999999/",
        "/admin/reveal/cases/case/0/",
        "/admin/reveal/cases/case/99999999999999999999999/",
    ],
)
def test_an_unregistered_model_or_unknown_record_is_not_found(client, desk, case, path):
    client.force_login(desk["clerk"])
    assert client.get(path).status_code == 404
    assert client.post(path, COUNTER_REASON).status_code == 404


def test_a_number_that_cannot_be_decrypted_gets_a_message_not_an_error(client, desk, case):
    type(case).objects.filter(pk=case.pk).update(national_id_encrypted="not-a-token")
    client.force_login(desk["clerk"])
    response = client.post(reveal_url(case), COUNTER_REASON)
    assert response.status_code == 400
    assert "help-critical" in response.content.decode()


def test_anyone_at_any_office_may_read_a_loss_reports_number(client, desk):
    report = loss_report(OfficeFactory(code="makung"))
    client.force_login(desk["counter"])
    response = client.post(reveal_url(report), COUNTER_REASON)
    assert response.status_code == 200 and OTHER_ID in response.content.decode()
    assert reads(report).exists()


def test_a_home_visit_number_is_read_only_by_its_office(client, desk):
    visit = home_visit(desk)
    client.force_login(desk["counter"])
    response = client.post(reveal_url(visit), {"reason": "applicant", "other": ""})
    assert response.status_code == 200 and OTHER_ID in response.content.decode()
    assert reads(visit).get().reason == "Answering the applicant"
    client.force_login(case_desk(code="makung")["counter"])
    assert client.post(reveal_url(visit), COUNTER_REASON).status_code == 404


def test_the_masked_pages_link_to_the_reveal_page_but_never_show_the_number(client, desk, case):
    report = loss_report(desk["office"])
    visit = home_visit(desk)
    client.force_login(desk["clerk"])
    for url, obj, number in (
        (reverse("cases_staff:detail", args=[case.pk]), case, NATIONAL_ID),
        (reverse("idcards_staff:list"), report, OTHER_ID),
        (reverse("appointment_requests:home_visit_detail", args=[visit.pk]), visit, OTHER_ID),
    ):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert obj.national_id_masked in page and number not in page, url
        assert reveal_url(obj) in page, url
        assert not reads(obj).exists()


def test_the_link_shows_only_to_staff_who_may_use_it(desk, case):
    template = Template("{% load reveal_tags %}{% reveal_link case %}")
    request = RequestFactory().get("/")
    outsider = case_desk(code="makung")["clerk"]
    editor = staff(desk["office"], "editor", WEB_EDITOR)
    for user, shown in ((desk["clerk"], True), (outsider, False), (editor, False)):
        request.user = user
        html = template.render(Context({"request": request, "case": case}))
        assert (reveal_url(case) in html) is shown
        assert may_reveal(user, case) is shown


def test_a_record_of_an_unregistered_model_has_no_link(desk):
    template = Template("{% load reveal_tags %}{% reveal_link office %}")
    request = RequestFactory().get("/")
    request.user = UserFactory(username="root", is_superuser=True)
    office = Office.objects.get(pk=desk["office"].pk)
    assert template.render(Context({"request": request, "office": office})) == ""
