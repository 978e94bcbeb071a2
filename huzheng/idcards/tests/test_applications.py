"""Card applications at the counter (初補換受理): a card is registered, marked ready (and
the applicant told where to collect it), then handed over; moves only go forward, bad
input changes nothing, every write is audited and each office sees only its own."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from huzheng.core import roc
from huzheng.core.crypto import lookup_hash
from huzheng.core.models import AuditEntry, Office
from huzheng.core.tests.races import race
from huzheng.idcards import demo, services
from huzheng.idcards.models import IdCardApplication
from huzheng.idcards.services import InvalidInput, NotAllowed
from huzheng.idcards.tests.helpers import person, unknown_id
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

LIST = "/admin/idcards/applications/"
NEW = "/admin/idcards/applications/new/"


@pytest.fixture(autouse=True)
def _english():
    # The services' messages are read here in English; the pages answer in the office's
    # language (zh-Hant).
    with translation.override("en"):
        yield


@pytest.fixture
def offices(demo_data):
    # The roles (core/roles.py) give every counter role the application permissions.
    return {office.code: office for office in Office.objects.all()}


def user(username):
    return get_user_model().objects.get(username=username)


def register(p, office, **changes):
    facts = {
        "national_id": p["national_id"],
        "birth_date": p["birth_date"],
        "kind": "replacement",
        "office": office,
        "staff": user("counter"),
        **changes,
    }
    return services.register_application(
        facts.pop("national_id"), facts.pop("birth_date"), facts.pop("kind"), **facts
    )


# --- services --------------------------------------------------------------------------


def test_a_card_goes_from_being_made_to_ready_to_collected_and_each_step_is_audited(offices):
    application = register(person(0), offices["huxi"], phone="0912-345-678")
    assert application.status == "processing"
    assert application.national_id_hash == lookup_hash(person(0)["national_id"])
    assert application.national_id_masked != person(0)["national_id"]
    assert application.phone == "0912345678" and application.registered_by == user("counter")

    services.mark_ready(application, staff=user("counter"))
    application.refresh_from_db()
    assert application.status == "ready" and application.ready_at is not None
    assert application.ready_by == user("counter")

    services.mark_collected(application, staff=user("clerk"))
    application.refresh_from_db()
    assert application.status == "collected" and application.collected_at is not None
    assert application.collected_by == user("clerk")

    entries = AuditEntry.objects.filter(
        object_type="idcards.idcardapplication", object_id=str(application.pk)
    )
    assert sorted(entries.values_list("action", flat=True)) == ["create", "update", "update"]
    assert set(entries.values_list("office__code", flat=True)) == {"huxi"}


@pytest.mark.parametrize(
    ("moves", "refused", "message"),
    [
        ([], services.mark_collected, "still being made"),
        ([services.mark_ready], services.mark_ready, "already marked ready"),
        ([services.mark_ready, services.mark_collected], services.mark_ready, "collected"),
        ([services.mark_ready, services.mark_collected], services.mark_collected, "collected"),
    ],
)
def test_moves_only_go_forward(offices, moves, refused, message):
    application = register(person(0), offices["huxi"])
    for move in moves:
        move(application, staff=user("counter"))
    application.refresh_from_db()
    before = (application.status, application.ready_at, application.collected_at)
    with pytest.raises(InvalidInput, match=message):
        refused(application, staff=user("counter"))
    application.refresh_from_db()
    assert (application.status, application.ready_at, application.collected_at) == before


def test_a_person_has_one_card_in_the_making_at_a_time(offices):
    first = register(person(0), offices["huxi"])
    with pytest.raises(InvalidInput, match="already has a card"):
        register(person(0), offices["huxi"], kind="reissue")
    services.mark_ready(first, staff=user("counter"))
    with pytest.raises(InvalidInput):
        register(person(0), offices["huxi"])
    services.mark_collected(first, staff=user("counter"))
    assert register(person(0), offices["huxi"]).status == "processing"  # a new card later


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"national_id": "A123456788"}, "national_id"),
        ({"national_id": "<script>alert(1)</script>"}, "national_id"),
        ({"national_id": "X" * 5000}, "national_id"),
        ({"national_id": None}, "national_id"),
        ({"national_id": ["A123456789"]}, "national_id"),
        ({"national_id": unknown_id()}, "birth_date"),
        ({"birth_date": dt.date(1999, 1, 1)}, "birth_date"),
        ({"birth_date": roc.today() + dt.timedelta(days=1)}, "birth_date"),
        ({"birth_date": "1800-01-01"}, "birth_date"),
        ({"birth_date": "yesterday"}, "birth_date"),
        ({"kind": "stolen"}, "kind"),
        ({"kind": None}, "kind"),
        ({"phone": "call me"}, "phone"),
        ({"phone": "0" * 500}, "phone"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "a@b.tw\r\nBcc: x@y.tw"}, "email"),
        ({"email": "x" * 300 + "@example.tw"}, "email"),
        ({"phone": 912345678}, None),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(offices, changes, field):
    before = IdCardApplication.objects.count(), AuditEntry.objects.count()
    with pytest.raises(InvalidInput) as refused:
        register(person(0), offices["huxi"], **changes)
    assert refused.value.field == field and str(refused.value.message)
    assert (IdCardApplication.objects.count(), AuditEntry.objects.count()) == before


def test_a_clerk_cannot_register_or_move_another_offices_cards(offices):
    with pytest.raises(NotAllowed):
        register(person(0), offices["magong"])
    application = register(person(0), offices["huxi"])
    with pytest.raises(NotAllowed):
        services.mark_ready(application, staff=user("magong-director"))
    application.refresh_from_db()
    assert application.status == "processing"
    assert list(services.applications_for(user("magong-director"))) == []


# --- the notice to the applicant ---------------------------------------------------------


def test_a_card_marked_ready_tells_the_applicant_once_where_to_collect_it(
    offices, mailoutbox, django_capture_on_commit_callbacks
):
    application = register(
        person(0), offices["huxi"], email="citizen@example.tw", phone="0912345678"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_ready(application, staff=user("counter"))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(InvalidInput):
        services.mark_ready(application, staff=user("counter"))
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["citizen@example.tw"]
    assert offices["huxi"].name in mailoutbox[0].body
    assert offices["huxi"].address in mailoutbox[0].body
    messages = Message.objects.filter(topic="idcard.ready")
    assert sorted(messages.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(offices["huxi"].name in m.body for m in messages)
    assert {m.status for m in messages} == {"sent"}


def test_the_notice_is_in_the_offices_language_whatever_the_staff_page_language(
    offices, mailoutbox, django_capture_on_commit_callbacks
):
    from django.utils import translation

    application = register(person(0), offices["huxi"], email="citizen@example.tw")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.mark_ready(application, staff=user("counter"))
    # The notify template's Chinese subject (notify/data/templates.json), not its English.
    assert mailoutbox[0].subject == "您的國民身分證已可領取"


def test_no_contact_no_notice_and_a_landline_gets_no_text(
    offices, mailoutbox, django_capture_on_commit_callbacks
):
    silent = register(person(0), offices["huxi"])
    landline = register(person(1), offices["huxi"], phone="06-9921234")
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_ready(silent, staff=user("counter"))
        services.mark_ready(landline, staff=user("counter"))
    assert mailoutbox == [] and not Message.objects.filter(topic="idcard.ready").exists()


def test_a_failed_delivery_never_blocks_the_move(
    offices, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "huzheng.idcards.tests.test_applications.BrokenEmailBackend"
    application = register(person(0), offices["huxi"], email="citizen@example.tw")
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_ready(application, staff=user("counter"))
    application.refresh_from_db()
    assert application.status == "ready"
    assert Message.objects.get(topic="idcard.ready").status == "retrying"  # tried again later

    def explode(*args, **kwargs):
        raise RuntimeError("notify is down")

    monkeypatch.setattr(services.notify, "send_template", explode)
    other = register(person(1), offices["huxi"], phone="0912345678")
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_ready(other, staff=user("counter"))
    other.refresh_from_db()
    assert other.status == "ready"


class BrokenEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP is down")


# --- the staff pages ---------------------------------------------------------------------


def form(p, at, **changes):
    return {
        "national_id": p["national_id"],
        "birth_date": roc.format_short(p["birth_date"]),
        "kind": "reissue",
        "office": at.pk,
        "phone": "",
        "email": "",
        **changes,
    }


def test_the_counter_registers_marks_ready_and_hands_over_on_the_staff_pages(client, offices):
    client.force_login(user("counter"))
    p = person(0)
    answer = client.post(NEW, form(p, offices["huxi"], email="citizen@example.tw"))
    assert answer.status_code == 302
    application = IdCardApplication.objects.get(national_id_hash=lookup_hash(p["national_id"]))
    assert application.collect_at == offices["huxi"] and application.kind == "reissue"

    page = client.post(LIST, {"q": p["national_id"]}).content.decode()
    assert f'id="application-{application.pk}"' in page
    assert application.national_id_masked in page and p["national_id"] not in page
    other = client.post(LIST, {"q": person(1)["national_id"]}).content.decode()
    assert f'id="application-{application.pk}"' not in other
    assert "民國" in page
    assert AuditEntry.objects.filter(
        action="read", object_type="idcards.idcardapplication", user=user("counter")
    ).exists()

    ready = f"/admin/idcards/applications/{application.pk}/ready/"
    assert client.get(ready).status_code == 405
    answer = client.post(ready, {"status": "processing"}, follow=True)
    assert answer.redirect_chain[-1][0] == f"{LIST}?status=processing"
    assert "民國" in answer.content.decode()
    application.refresh_from_db()
    assert application.status == "ready"

    again = client.post(ready, follow=True).content.decode()
    assert "already marked ready" in again or "已" in again
    client.post(f"/admin/idcards/applications/{application.pk}/collected/")
    application.refresh_from_db()
    assert application.status == "collected"


def test_the_form_shows_mistakes_and_writes_nothing(client, offices):
    client.force_login(user("counter"))
    before = IdCardApplication.objects.count()
    for changes in [
        {"national_id": "A123456788"},
        {"birth_date": "1999/01/01"},
        {"birth_date": roc.format_short(dt.date(1999, 1, 1))},
        {"kind": "<b>x</b>"},
        {"office": offices["magong"].pk},
        {"office": "not a number"},
        {"phone": "call me"},
        {"email": "nope"},
    ]:
        answer = client.post(NEW, form(person(0), offices["huxi"], **changes))
        assert answer.status_code == 200, changes
    assert IdCardApplication.objects.count() == before


def test_each_office_sees_and_moves_only_its_own_applications(client, offices):
    application = register(person(0), offices["huxi"])
    client.force_login(user("magong-director"))
    listing = client.get(LIST).content.decode()
    assert application.national_id_masked not in listing
    ready = f"/admin/idcards/applications/{application.pk}/ready/"
    assert client.post(ready).status_code == 404
    application.refresh_from_db()
    assert application.status == "processing"


def test_the_web_editor_has_no_application_pages(client, offices):
    application = register(person(0), offices["huxi"])
    client.force_login(user("editor"))
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(NEW).status_code in (302, 403)
    client.post(f"/admin/idcards/applications/{application.pk}/ready/")
    application.refresh_from_db()
    assert application.status == "processing"


def test_the_list_filters_by_status_and_survives_hostile_queries(client, offices):
    client.force_login(user("counter"))
    ready = IdCardApplication.objects.filter(status="ready", collect_at=offices["huxi"]).first()
    waiting = IdCardApplication.objects.filter(
        status="processing", collect_at=offices["huxi"]
    ).first()
    page = client.get(LIST, {"status": "ready"}).content.decode()
    assert f'id="application-{ready.pk}"' in page
    assert f'id="application-{waiting.pk}"' not in page
    for query in ["<script>", "' OR 1=1", "x" * 500, "X10000", "\x00"]:
        for send in (client.get, client.post):
            answer = send(LIST, {"q": query, "status": "<svg>"})
            # A NUL byte is refused by the site's middleware (400); nothing is a 500.
            assert answer.status_code in (200, 400)
            assert "<script>" not in answer.content.decode()


# --- concurrency ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_clerks_marking_one_card_ready_at_once_move_it_once_and_notify_once(mailoutbox):
    demo.seed()
    office = Office.objects.create(
        code="race",
        name="競態測試戶政事務所",
        county="澎湖縣",
        address="澎湖縣1號",
        phone="06-9921145",
    )
    staff = get_user_model().objects.create_superuser("race-admin", "r@example.tw", "x")
    p = person(0)
    application = services.register_application(
        p["national_id"],
        p["birth_date"],
        "reissue",
        office=office,
        staff=staff,
        email="citizen@example.tw",
    )
    results, errors = race(6, lambda i: services.mark_ready(application, staff=staff))
    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 5 and all(isinstance(e, InvalidInput) for e in errors)
    assert len(mailoutbox) == 1
    assert (
        AuditEntry.objects.filter(
            object_id=str(application.pk), object_type="idcards.idcardapplication", action="update"
        ).count()
        == 1
    )
