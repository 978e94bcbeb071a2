"""Issue 15, finding 13: anyone with a case number and birth date can sign up for its
updates, so a sign-up that would replace the contact on file does not replace it: the
new contact gets a link to confirm, the old one a notice, and only the confirmation
(within 24 hours, once) makes the change."""

import re
import time
from unittest import mock

import pytest
from django.core import mail, signing

from huzheng.cases import services
from huzheng.cases.models import Case
from huzheng.cases.tests.factories import NATIONAL_ID, case_desk, make_case
from huzheng.core.models import AuditEntry
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

QUERY = "/cases/query/"
NOTIFY = "/cases/query/notify/"
CONFIRM = re.compile(r"/cases/notify/confirm/[^/\s]+/")


@pytest.fixture
def case():
    return make_case(case_desk(), email="owner@example.com", phone="0911111111", notify_email=True)


def _token(client, case):
    response = client.post(QUERY, {"case_number": case.number, "national_id": NATIONAL_ID})
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def _sent_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def _confirm_path(text):
    return CONFIRM.search(text).group(0)


def test_a_changed_email_waits_for_the_new_address_and_the_old_one_is_told(
    client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOTIFY, {"token": _token(client, case), "email": "x@evil.test"})
    assert response.status_code == 302 and response.url.endswith("?confirm=1")
    assert "24" in client.get(response.url).content.decode()
    assert Case.objects.get(pk=case.pk).email == "owner@example.com"
    [ask] = _sent_to("x@evil.test")
    [notice] = _sent_to("owner@example.com")
    assert case.number in notice.body and case.office.phone in notice.body
    assert "x@evil.test" not in notice.body and "/confirm/" not in notice.body
    path = _confirm_path(ask.body)
    assert "evil" not in path  # the new contact travels encrypted in the link
    # Opening the link (a mail scanner does) changes nothing; the button does.
    assert client.get(path).status_code == 200
    assert Case.objects.get(pk=case.pk).email == "owner@example.com"
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert 'id="case-notify-confirmed"' in confirmed.content.decode()
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.email == "x@evil.test" and fresh.notify_email
    assert "/cases/notify/stop/" in _sent_to("x@evil.test")[-1].body
    assert AuditEntry.objects.filter(object_id=str(case.pk), reason="confirmed").exists()
    # The link works once: the contact it replaced is gone.
    again = client.post(path)
    assert again.status_code == 400 and 'id="notify-error"' in again.content.decode()


def test_a_changed_phone_sends_a_text_to_each(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, phone="0922222222")
    assert Case.objects.get(pk=case.pk).phone == "0911111111"
    texts = {m.recipient: m.body for m in Message.objects.filter(channel=Message.Channel.SMS)}
    assert "/cases/notify/confirm/" in texts["0922222222"]
    assert "/confirm/" not in texts["0911111111"]
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_contact_change(_confirm_path(texts["0922222222"]).split("/")[-2])
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.phone == "0922222222" and fresh.notify_sms


def test_an_expired_forged_or_overtaken_link_changes_nothing(
    client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opt_in(case, email="new@example.com")
    path = _confirm_path(_sent_to("new@example.com")[0].body)
    token = path.split("/")[-2]
    later = time.time() + services.CHANGE_MAX_AGE + 5
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.post(path)
    assert expired.status_code == 400 and "24" in expired.content.decode()
    pk, channel, sealed, old_hash = signing.loads(token, salt=services.CHANGE_SALT)
    other = make_case(case_desk("magong"), email="victim@example.com")
    forged_tokens = [
        token[:-4] + "abcd",
        "nonsense",
        "x" * 5000,
        # Well signed by us, but for another case or another channel: the hash of the
        # contact on file does not match.
        services.contact_change_token(other, "email", "someone@example.com", "x@evil.test"),
        signing.dumps([pk, "sms", sealed, old_hash], salt=services.CHANGE_SALT, compress=True),
        signing.dumps([pk, channel, "not-a-fernet", old_hash], salt=services.CHANGE_SALT),
        signing.dumps({"case": pk}, salt=services.CHANGE_SALT),
        # Signed with another purpose's salt (a stop link) is not a confirmation.
        services.stop_token(case, "email"),
    ]
    for forged in forged_tokens:
        for method in (client.get, client.post):
            response = method(f"/cases/notify/confirm/{forged}/")
            assert response.status_code == 400, forged
            assert 'id="notify-error"' in response.content.decode()
    # The owner changes the address another way: the old link no longer applies.
    Case.objects.filter(pk=case.pk).update(email="owner2@example.com")
    assert client.post(path).status_code == 400
    fresh = Case.objects.get(pk=case.pk)
    assert fresh.email == "owner2@example.com"
    assert Case.objects.get(pk=other.pk).email == "victim@example.com"


def test_the_same_contact_again_is_no_change(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = services.opt_in(case, email="owner@example.com")
    assert result.pending_channels == []
    assert [m.to for m in mail.outbox] == [["owner@example.com"]]
    assert "/confirm/" not in mail.outbox[0].body
