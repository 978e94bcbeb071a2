"""The applicant asks online to hear when the case moves (案件進度通知): the progress page's
form carries a signed token of the look-up, a sign-up sends one confirmation per channel
with a stop link, every later message carries the link too, and the link's page stops
only when its button is pressed. Bad tokens and bad contacts change nothing."""

import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing

from huzheng.cases import services
from huzheng.cases.models import Case, Stage
from huzheng.cases.tests.factories import NATIONAL_ID, case_desk, make_case
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

QUERY = "/cases/query/"
NOTIFY = "/cases/query/notify/"
STOP = re.compile(r"/cases/notify/stop/[^/\s]+/")


@pytest.fixture
def case():
    # Registered at the counter with no updates asked for.
    return make_case(case_desk(), email="", phone="", notify_email=False, notify_sms=False)


def _stop_path(text):
    return STOP.search(text).group(0)


def _token(client, case):
    response = client.post(QUERY, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert response.status_code == 200
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def _unchanged(case):
    fresh = Case.objects.get(pk=case.pk)
    return (fresh.email, fresh.phone, fresh.notify_email, fresh.notify_sms) == (
        case.email,
        case.phone,
        case.notify_email,
        case.notify_sms,
    )


# --- services -------------------------------------------------------------------------------


def test_an_email_sign_up_sends_one_confirmation_with_its_stop_link(
    case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, email="  ming@example.com ")
    case.refresh_from_db()
    assert case.notify_email and case.email == "ming@example.com"
    assert not case.notify_sms
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ming@example.com"]
    assert case.number in message.subject and case.number in message.body
    assert services.case_for_stop(_stop_path(message.body).split("/")[-2]) == (
        case,
        services.CHANNEL_EMAIL,
    )


def test_an_sms_sign_up_texts_one_confirmation_and_keeps_a_plain_mobile_number(
    case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, phone="０９１２-３４５ ６７８")
    case.refresh_from_db()
    assert case.notify_sms and case.phone == "0912345678"
    assert mail.outbox == []
    texts = Message.objects.filter(channel=Message.Channel.SMS, reference=case.number)
    assert texts.count() == 1
    assert "/cases/notify/stop/" in texts.get().body


def test_a_new_contact_for_an_empty_channel_is_taken_at_once_a_changed_one_waits(
    django_capture_on_commit_callbacks,
):
    # Finding 13: the e-mail on file is not replaced until the new one confirms
    # (tests/test_contact_change.py); the phone, empty before, is taken at once.
    case = make_case(case_desk(), email="old@example.com", phone="", notify_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.opt_in(case, email="new@example.com", phone="+886912345678")
    assert result.pending_channels == ["email"]
    case.refresh_from_db()
    assert case.email == "old@example.com" and case.phone == "0912345678"
    assert sorted(m.to[0] for m in mail.outbox) == ["new@example.com", "old@example.com"]


def test_after_signing_up_each_stage_move_sends_a_message_with_the_stop_link(
    case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, email="ming@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert len(mail.outbox) == 2
    moved = mail.outbox[1]
    assert moved.to == ["ming@example.com"]
    assert case.number in moved.body
    # The token carries its signing time, so two messages a second apart hold different
    # text for the same link: compare what each link stops.
    first, later = (_stop_path(m.body).split("/")[-2] for m in mail.outbox)
    assert services.case_for_stop(later) == services.case_for_stop(first) == (case, "email")


def test_stopping_one_channel_leaves_the_other(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, email="ming@example.com", phone="0912345678")
    services.opt_out(case, services.CHANNEL_EMAIL)
    services.opt_out(case, services.CHANNEL_EMAIL)  # twice is no error
    case.refresh_from_db()
    assert not case.notify_email and case.notify_sms
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert mail.outbox == []
    assert Message.objects.filter(channel=Message.Channel.SMS, reference=case.number).count() == 2


@pytest.mark.parametrize(
    "email, phone, fields",
    [
        ("", "", {"email"}),
        ("   ", "\t", {"email"}),
        ("a@b.c\nBcc: x@y.z", "", {"email"}),
        ("a@b.c\r\nBcc: x@y.z", "", {"email"}),
        ("ming@example.com\x00", "", {"email"}),
        ("ming@exa\u2028mple.com", "", {"email"}),
        ("not-an-address", "", {"email"}),
        ("x" * 100_000 + "@example.com", "", {"email"}),
        ("", "06-9921145", {"phone"}),  # a landline cannot take a text
        ("", "0912\x00345678", {"phone"}),
        ("", "0912345678" + " " * 100_000, {"phone"}),
        ("", "09" + "1" * 100_000, {"phone"}),
        ("bad", "bad", {"email", "phone"}),
    ],
)
def test_a_bad_or_empty_contact_is_refused_and_changes_nothing(case, email, phone, fields):
    with pytest.raises(services.OptInError) as refused:
        services.opt_in(case, email=email, phone=phone)
    assert set(refused.value.errors) == fields
    assert _unchanged(case)
    assert mail.outbox == []


def test_a_closed_case_cannot_be_signed_up(case):
    services.close(case)
    case.refresh_from_db()
    with pytest.raises(services.OptInError) as refused:
        services.opt_in(case, email="ming@example.com")
    assert refused.value.code == "closed"
    assert _unchanged(case)
    assert services.progress_of(case).notify_token == ""


def test_a_token_names_its_case_for_thirty_minutes_only(case):
    token = services.opt_in_token(case)
    assert services.case_for_opt_in(token) == case
    later = time.time() + services.OPT_IN_MAX_AGE + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        with pytest.raises(services.OptInError) as refused:
            services.case_for_opt_in(token)
    assert refused.value.code == "expired"


@pytest.mark.parametrize(
    "forge",
    [
        lambda token, case: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token, case: signing.dumps(case.pk + 1, salt=services.OPT_IN_SALT)[:-1] + "x",
        lambda token, case: signing.dumps(case.pk, salt="someone-else"),
        # A stop link's token is no sign-up token, nor the other way round.
        lambda token, case: services.stop_token(case, services.CHANNEL_EMAIL),
        lambda token, case: signing.dumps("1 OR 1=1", salt=services.OPT_IN_SALT),
        lambda token, case: signing.dumps(999_999, salt=services.OPT_IN_SALT),
        lambda token, case: "",
        lambda token, case: "x" * 100_000,
    ],
)
def test_a_tampered_or_foreign_token_is_refused(case, forge):
    with pytest.raises(services.OptInError) as refused:
        services.case_for_opt_in(forge(services.opt_in_token(case), case))
    assert refused.value.code == "bad_token"


def test_a_stop_token_needs_its_own_salt_and_a_known_channel(case):
    assert services.case_for_stop(services.stop_token(case, "sms")) == (case, "sms")
    for forged in (
        services.opt_in_token(case),
        signing.dumps([case.pk, "fax"], salt=services.STOP_SALT),
        signing.dumps({"case": case.pk}, salt=services.STOP_SALT),
        services.stop_token(case, "email")[:-3] + "abc",
    ):
        with pytest.raises(services.OptInError):
            services.case_for_stop(forged)


def test_sign_ups_per_case_are_limited(case):
    for _ in range(services.OPT_IN_LIMIT):
        services.opt_in(case, email="ming@example.com")
    with pytest.raises(services.OptInError) as refused:
        services.opt_in(case, email="other@example.com")
    assert refused.value.code == "too_many"
    assert Case.objects.get(pk=case.pk).email == "ming@example.com"


# --- the pages ------------------------------------------------------------------------------


def test_the_progress_page_offers_the_form_but_never_shows_the_stored_contact(client):
    case = make_case(case_desk(), email="wang.ming@example.net", phone="0987654321")
    response = client.post(QUERY, {"case_number": case.number, "national_id": NATIONAL_ID})
    text = response.content.decode()
    assert 'action="/cases/query/notify/"' in text
    assert 'name="email"' in text and 'name="phone"' in text
    assert "wang.ming" not in text and "0987654321" not in text


def test_signing_up_on_the_page_confirms_and_then_hears_of_each_move(
    client, case, django_capture_on_commit_callbacks
):
    token = _token(client, case)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOTIFY, {"token": token, "email": "ming@example.com"})
    assert response.status_code == 302
    assert response.url == "/cases/query/notify/done/"
    assert client.get(response.url).status_code == 200
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert len(mail.outbox) == 2


def test_the_stop_page_asks_first_and_only_its_button_stops(
    client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, email="ming@example.com")
    path = _stop_path(mail.outbox[0].body)
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert case.number in response.content.decode()
    assert Case.objects.get(pk=case.pk).notify_email
    response = client.post(path)
    assert response.status_code == 200
    assert 'id="case-notify-stopped"' in response.content.decode()
    assert not Case.objects.get(pk=case.pk).notify_email
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.move_stage(case, Stage.REVIEW)
    assert mail.outbox == []


def test_a_bad_stop_link_gets_a_clear_page_and_changes_nothing(client, case):
    services.opt_in(case, email="ming@example.com")
    case.refresh_from_db()
    good = services.stop_token(case, "email")
    for token in (good[:-4] + "abcd", "nonsense", "x" * 5000):
        for method in (client.get, client.post):
            response = method(f"/cases/notify/stop/{token}/")
            assert response.status_code == 400
            assert 'id="notify-error"' in response.content.decode()
    # A null byte never reaches the view: the site's own 400 page answers.
    assert client.get("/cases/notify/stop/%00%0a/").status_code == 400
    assert _unchanged(case)


def test_an_expired_or_forged_token_on_the_page_is_refused(client, case):
    token = _token(client, case)
    later = time.time() + services.OPT_IN_MAX_AGE + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.post(NOTIFY, {"token": token, "email": "ming@example.com"})
    forged = client.post(NOTIFY, {"token": token + "x", "email": "ming@example.com"})
    missing = client.post(NOTIFY, {"email": "ming@example.com"})
    for response in (expired, forged, missing):
        assert response.status_code == 400
        assert 'id="notify-error"' in response.content.decode()
    assert _unchanged(case)
    assert mail.outbox == []


def test_bad_contacts_on_the_page_show_the_form_again_with_the_errors(client, case):
    token = _token(client, case)
    for data in (
        {"email": "a@b.c\nBcc: x@y.z"},
        {"email": "", "phone": ""},
        {"phone": "06-9921145"},
        {"email": "x" * 1_000_000},
        {"email": "ming@example.com\x00"},
        {"phone": "\u202e0912345678"},
    ):
        response = client.post(NOTIFY, {"token": token, **data})
        # A NUL byte is refused before the view (RejectNulBytesMiddleware).
        if any("\x00" in str(value) for value in data.values()):
            assert response.status_code == 400
            continue
        assert response.status_code == 422
        text = response.content.decode()
        assert 'id="notify-errors"' in text
        assert f'value="{token}"' in text
    assert _unchanged(case)
    assert mail.outbox == []


def test_a_closed_case_shows_no_form_and_refuses_a_sign_up(client, case):
    token = _token(client, case)
    services.close(case)
    response = client.post(NOTIFY, {"token": token, "email": "ming@example.com"})
    assert response.status_code == 409
    assert 'id="notify-error"' in response.content.decode()
    page = client.post(QUERY, {"case_number": case.number, "national_id": NATIONAL_ID})
    assert 'action="/cases/query/notify/"' not in page.content.decode()
    assert _unchanged(case)


def test_the_messages_speak_english_to_an_english_reader(client, case):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    token = _token(client, case)
    response = client.post(NOTIFY, {"token": token, "email": "bad"})
    assert "valid e-mail address" in response.content.decode()
    response = client.post(NOTIFY, {"token": "forged", "email": "ming@example.com"})
    assert "This link is not valid" in response.content.decode()
    assert 'lang="en"' in response.content.decode()


def test_the_sign_up_address_takes_only_post(client):
    assert client.get(NOTIFY).status_code == 405
