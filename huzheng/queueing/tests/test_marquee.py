"""The marquee (跑馬燈): a message shows from its start to its end, outages first, only at
its office (or at every office), fed to the home page and the display boards alike."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from huzheng.core.models import AuditEntry
from huzheng.core.tests.factories import OfficeFactory
from huzheng.queueing import services
from huzheng.queueing.models import MarqueeMessage

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 11, 27, 10, 0))
HOUR = dt.timedelta(hours=1)


def message(office, text="本所今日正常上班", *, start=NOW - HOUR, end=NOW + HOUR, **fields):
    return services.save_message(
        MarqueeMessage(office=office, text=text, starts_at=start, ends_at=end, **fields)
    )


def outage(office, text="戶役政系統當機", **fields):
    fields.setdefault("reason", "內政部系統維護")
    fields.setdefault("expected_end", NOW + 2 * HOUR)
    return message(office, text, kind=MarqueeMessage.Kind.OUTAGE, **fields)


def texts(messages):
    return [m.text for m in messages]


# --- the service ---------------------------------------------------------------------------


def test_a_message_shows_from_its_start_until_its_end():
    office = OfficeFactory()
    message(office, "十點到十一點", start=NOW, end=NOW + HOUR)
    assert texts(services.current_messages(office, at=NOW - dt.timedelta(seconds=1))) == []
    assert texts(services.current_messages(office, at=NOW)) == ["十點到十一點"]
    assert texts(services.current_messages(office, at=NOW + HOUR - dt.timedelta(seconds=1))) == [
        "十點到十一點"
    ]
    assert texts(services.current_messages(office, at=NOW + HOUR)) == []


def test_outages_come_first_then_the_newest_notice():
    office = OfficeFactory()
    message(office, "舊公告", start=NOW - 3 * HOUR)
    message(office, "新公告", start=NOW - HOUR)
    outage(office, "系統當機", start=NOW - 5 * HOUR)
    assert texts(services.current_messages(office, at=NOW)) == ["系統當機", "新公告", "舊公告"]


def test_a_message_shows_only_at_its_office_and_one_without_office_everywhere():
    huxi, magong = OfficeFactory(code="huxi"), OfficeFactory(code="magong")
    message(huxi, "湖西限定")
    message(magong, "馬公限定")
    message(None, "全國適用")
    assert sorted(texts(services.current_messages(huxi, at=NOW))) == ["全國適用", "湖西限定"]
    assert sorted(texts(services.current_messages(magong, at=NOW))) == ["全國適用", "馬公限定"]


def test_an_end_before_the_start_is_refused_with_a_clear_message():
    office = OfficeFactory()
    with pytest.raises(ValidationError) as refused:
        message(office, start=NOW, end=NOW - HOUR)
    assert refused.value.message_dict["ends_at"] == ["結束時間必須晚於開始時間。"]
    with pytest.raises(ValidationError):
        message(office, start=NOW, end=NOW)
    assert not MarqueeMessage.objects.exists()


def test_the_database_refuses_an_end_before_the_start_too():
    office = OfficeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MarqueeMessage.objects.create(office=office, text="x", starts_at=NOW, ends_at=NOW - HOUR)


def test_an_outage_needs_a_reason_and_an_expected_end():
    office = OfficeFactory()
    with pytest.raises(ValidationError) as refused:
        message(office, kind=MarqueeMessage.Kind.OUTAGE)
    assert set(refused.value.message_dict) == {"reason", "expected_end"}


@pytest.mark.parametrize(
    "text",
    ["", "長" * 201, "第一行\n第二行", "tab\there", "nul\x00byte"],
    ids=["empty", "too-long", "newline", "tab", "nul"],
)
def test_bad_text_is_refused_and_nothing_is_saved(text):
    with pytest.raises(ValidationError) as refused:
        message(OfficeFactory(), text)
    assert "text" in refused.value.message_dict
    assert not MarqueeMessage.objects.exists()


def test_the_cache_is_cleared_when_a_message_changes():
    office = OfficeFactory()
    now = timezone.now()
    first = message(office, "第一則", start=now - HOUR, end=now + HOUR)
    assert texts(services.current_messages(office)) == ["第一則"]
    message(office, "第二則", start=now - HOUR / 2, end=now + HOUR)
    assert texts(services.current_messages(office)) == ["第二則", "第一則"]
    first.delete()
    assert texts(services.current_messages(office)) == ["第二則"]
    MarqueeMessage.objects.update(ends_at=now - dt.timedelta(seconds=1))  # no signal …
    services.clear_cache()  # … so whoever bypasses save_message clears it
    assert services.current_messages(office) == []


def test_a_cached_message_still_ends_on_time(monkeypatch):
    office = OfficeFactory()
    now = timezone.now()
    message(office, "快結束了", start=now - HOUR, end=now + dt.timedelta(seconds=5))
    assert texts(services.current_messages(office)) == ["快結束了"]
    later = now + dt.timedelta(seconds=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert services.current_messages(office) == []


# --- the API ---------------------------------------------------------------------------------


def test_the_api_gives_the_marquee_of_an_office(client):
    office = OfficeFactory(code="huxi")
    now = timezone.now()
    message(office, "歡迎", start=now - HOUR, end=now + HOUR, text_en="Welcome")
    outage(office, start=now - HOUR, end=now + HOUR, expected_end=now + 2 * HOUR)
    response = client.get("/api/v1/queue/huxi/marquee")
    assert response.status_code == 200
    body = response.json()
    assert body["office"] == "huxi"
    assert [m["kind"] for m in body["messages"]] == ["outage", "notice"]
    assert body["messages"][0]["reason"] == "內政部系統維護"
    assert body["messages"][1]["text"] == "歡迎"
    assert body["messages"][1]["text_en"] == "Welcome"
    assert "max-age" in response["Cache-Control"]


def test_the_api_speaks_english_when_asked(client):
    office = OfficeFactory(code="huxi")
    now = timezone.now()
    message(office, "歡迎", start=now - HOUR, end=now + HOUR, text_en="Welcome")
    body = client.get("/api/v1/queue/huxi/marquee", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["messages"][0]["text"] == "Welcome"
    assert body["messages"][0]["text_zh"] == "歡迎"


@pytest.mark.parametrize(
    "code", ["nowhere", "'; DROP TABLE queueing_marqueemessage;--", "<script>", "x" * 300]
)
def test_an_unknown_office_is_office_not_found(client, code):
    response = client.get(f"/api/v1/queue/{code}/marquee")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "office_not_found"
    assert "<script>" not in body["message"]


# --- the home page -------------------------------------------------------------------------


def test_the_home_page_lists_the_messages_as_text(client, demo_data):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="marquee"' in html
    assert "【展示訊息】戶役政系統連線異常" in html
    assert html.index("戶役政系統連線異常") < html.index("中午12:00至13:30")  # outage first
    assert "js/marquee.js" in html


def test_markup_in_a_message_is_shown_as_text(client, demo_data):
    now = timezone.now()
    message(
        demo_data["huxi"], "<b>注意</b><script>alert(1)</script>", start=now - HOUR, end=now + HOUR
    )
    html = client.get("/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_no_marquee_when_nothing_is_showing(client, demo_data):
    MarqueeMessage.objects.all().delete()
    html = client.get("/").content.decode()
    assert 'class="marquee"' not in html
    assert "js/marquee.js" not in html


def test_the_demo_seed_is_idempotent_and_keeps_edits(demo_data):
    from huzheng.queueing import demo

    count = MarqueeMessage.objects.count()
    assert count == 2
    edited = MarqueeMessage.objects.first()
    edited.text_en = "Edited"
    edited.save()
    demo.seed()
    assert MarqueeMessage.objects.count() == count
    assert MarqueeMessage.objects.get(pk=edited.pk).text_en == "Edited"
    assert all(m.text.startswith("【展示訊息】") for m in MarqueeMessage.objects.all())


# --- the back office -----------------------------------------------------------------------


def _user(username):
    return get_user_model().objects.get(username=username)


def _form_data(office, **overrides):
    data = {
        "office": office.pk if office else "",
        "kind": "notice",
        "text": "颱風警報，明日照常上班",
        "text_en": "",
        "reason": "",
        "expected_end": "",
        "starts_at": "2026-11-27 08:00",
        "ends_at": "2026-11-27 17:00",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("username", ["counter", "editor", "director"])
def test_office_staff_post_a_message_for_their_office(client, demo_data, username):
    client.force_login(_user(username))
    response = client.post(reverse("marquee:add"), _form_data(demo_data["huxi"]))
    assert response.status_code == 302, response.context["form"].errors
    saved = MarqueeMessage.objects.get(text="颱風警報，明日照常上班")
    assert saved.office == demo_data["huxi"]
    assert saved.created_by.username == username


def test_staff_cannot_post_for_another_office_or_for_every_office(client, demo_data):
    client.force_login(_user("counter"))
    form = client.get(reverse("marquee:add")).context["form"]
    assert list(form.fields["office"].queryset) == [demo_data["huxi"]]
    for office in (demo_data["magong"], None):
        response = client.post(reverse("marquee:add"), _form_data(office))
        assert response.status_code == 200
        assert response.context["form"].errors["office"]
    assert not MarqueeMessage.objects.filter(text="颱風警報，明日照常上班").exists()


def test_staff_see_and_edit_only_their_office_messages(client, demo_data):
    theirs = message(demo_data["magong"], "馬公的訊息")
    everyone = message(None, "全國的訊息")
    client.force_login(_user("director"))  # Huxi's director
    index = client.get(reverse("marquee:index")).content.decode()
    assert "馬公的訊息" not in index
    assert "全國的訊息" in index
    assert "【展示訊息】" in index
    for other in (theirs, everyone):
        response = client.get(reverse("marquee:edit", args=[other.pk]))
        assert response.status_code == 302
        response = client.post(reverse("marquee:delete", args=[other.pk]))
        assert MarqueeMessage.objects.filter(pk=other.pk).exists()


def test_an_end_before_the_start_is_refused_in_the_form(client, demo_data):
    client.force_login(_user("editor"))
    response = client.post(
        reverse("marquee:add"),
        _form_data(demo_data["huxi"], starts_at="2026-11-27 17:00", ends_at="2026-11-27 08:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"]
    assert not MarqueeMessage.objects.filter(text="颱風警報，明日照常上班").exists()


def test_an_outage_without_reason_is_refused_in_the_form(client, demo_data):
    client.force_login(_user("counter"))
    response = client.post(reverse("marquee:add"), _form_data(demo_data["huxi"], kind="outage"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["reason"] and errors["expected_end"]


def test_registrars_have_no_marquee(client, demo_data):
    client.force_login(_user("clerk"))
    assert client.get(reverse("marquee:index")).status_code in (302, 403)


# --- approval (issue 16, item 5) -----------------------------------------------------------


def _showing(office):
    return texts(services.current_messages(office, at=NOW))


def test_an_editors_message_waits_for_the_directors_approval_but_a_counter_outage_shows_at_once(
    client, demo_data
):
    huxi = demo_data["huxi"]
    outage_fields = {
        "kind": "outage",
        "reason": "內政部系統維護",
        "expected_end": "2026-11-27 12:00",
    }
    client.force_login(_user("editor"))
    client.post(reverse("marquee:add"), _form_data(huxi, text="編輯的公告"))
    client.post(reverse("marquee:add"), _form_data(huxi, text="編輯的當機橫幅", **outage_fields))
    client.force_login(_user("counter"))
    client.post(reverse("marquee:add"), _form_data(huxi, text="櫃檯通報系統當機", **outage_fields))
    showing = _showing(huxi)
    assert "櫃檯通報系統當機" in showing
    assert "編輯的公告" not in showing and "編輯的當機橫幅" not in showing
    # The index tells staff what waits.
    client.force_login(_user("director"))
    index = client.get(reverse("marquee:index")).content.decode()
    assert "待主任核可" in index

    # The director opens the editor's notice and saves it: approved, it shows.
    notice = MarqueeMessage.objects.get(text="編輯的公告")
    response = client.post(
        reverse("marquee:edit", args=[notice.pk]), _form_data(huxi, text="編輯的公告")
    )
    assert response.status_code == 302, response.context["form"].errors
    notice.refresh_from_db()
    assert notice.approved_by.username == "director"
    assert "編輯的公告" in _showing(huxi)

    # An editor's later change of an approved message waits again.
    client.force_login(_user("editor"))
    client.post(reverse("marquee:edit", args=[notice.pk]), _form_data(huxi, text="改過的公告"))
    assert "改過的公告" not in _showing(huxi) and "編輯的公告" not in _showing(huxi)


def test_the_director_approves_a_waiting_message_with_the_approve_button(client, demo_data):
    huxi = demo_data["huxi"]
    client.force_login(_user("editor"))
    client.post(reverse("marquee:add"), _form_data(huxi, text="編輯的公告"))
    notice = MarqueeMessage.objects.get(text="編輯的公告")
    approve = reverse("marquee:approve", args=[notice.pk])
    # The editor has no such button and cannot approve.
    assert approve not in client.get(reverse("marquee:index")).content.decode()
    assert client.post(approve).status_code in (302, 403)
    notice.refresh_from_db()
    assert not notice.is_approved

    client.force_login(_user("director"))
    assert approve in client.get(reverse("marquee:index")).content.decode()
    assert approve in client.get(reverse("marquee:edit", args=[notice.pk])).content.decode()
    page = client.get(approve)
    assert page.status_code == 200
    assert "編輯的公告" in page.content.decode() and 'method="post"' in page.content.decode()
    assert "民國115年11月27日 08:00" in page.content.decode()  # when it shows, as the office writes
    assert not MarqueeMessage.objects.get(pk=notice.pk).is_approved  # asking changes nothing

    response = client.post(approve)
    assert response.status_code == 302 and response["Location"] == reverse("marquee:index")
    notice.refresh_from_db()
    assert notice.approved_by.username == "director"
    assert "編輯的公告" in _showing(huxi)
    entries = AuditEntry.objects.filter(object_type="queueing.marqueemessage", object_id=notice.pk)
    assert entries.filter(action=AuditEntry.Action.UPDATE, username="director").count() == 1
    # A second click changes nothing and writes nothing.
    approved_at = notice.approved_at
    assert client.post(approve).status_code == 302
    notice.refresh_from_db()
    assert notice.approved_at == approved_at and entries.count() == 1
    assert approve not in client.get(reverse("marquee:index")).content.decode()


def test_a_director_cannot_approve_another_offices_message(client, demo_data):
    other = MarqueeMessage.objects.create(
        office=demo_data["magong"],
        kind="notice",
        text="馬公的公告",
        starts_at=NOW,
        ends_at=NOW + HOUR,
        approved_at=None,  # waiting, as an editor's message does
    )
    client.force_login(_user("director"))
    for url in (reverse("marquee:approve", args=[other.pk]), "/admin/marquee/approve/x/"):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert not other.is_approved


def test_the_service_refuses_an_approval_outside_the_directors_office_and_changes_nothing(
    demo_data,
):
    waiting = {
        "kind": "notice",
        "starts_at": NOW,
        "ends_at": NOW + HOUR,
        "approved_at": None,
    }
    magong = MarqueeMessage.objects.create(office=demo_data["magong"], text="馬公", **waiting)
    everywhere = MarqueeMessage.objects.create(office=None, text="全縣", **waiting)
    huxi = MarqueeMessage.objects.create(office=demo_data["huxi"], text="湖西", **waiting)
    for user, message in (
        (_user("director"), magong),
        (_user("director"), everywhere),  # a message for every office is county staff's
        (_user("editor"), huxi),
    ):
        with pytest.raises(PermissionError):
            services.approve_message(message, user=user)
        message.refresh_from_db()
        assert not message.is_approved
    assert not AuditEntry.objects.filter(object_type="queueing.marqueemessage").exists()
    services.approve_message(huxi, user=_user("director"))
    huxi.refresh_from_db()
    assert huxi.approved_by.username == "director"
