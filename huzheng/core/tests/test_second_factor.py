"""Issue 15, finding 6: staff who can read full ID numbers give a code from an
authenticator app (TOTP) after the password; recovery codes; an audited reset."""

import time

import pytest
from django.core.cache import caches
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from huzheng.core import secondfactor
from huzheng.core.models import AuditEntry
from huzheng.core.roles import COUNTER_STAFF, WEB_EDITOR
from huzheng.core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
VERIFY = "/admin/second-factor/"
ENROL = "/admin/second-factor/set-up/"
PASSWORD = "right-password-123"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.HUZHENG_STAFF_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the devices' own back-off is django-otp's
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    settings.LANGUAGE_CODE = "zh-hant"
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def _staff(*roles):
    user = StaffFactory(roles=list(roles) or [COUNTER_STAFF]).user
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(client, user, address="10.0.0.1"):
    return client.post(
        LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR=address
    )


def _enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    codes = secondfactor.confirm_device(user, device)
    return device, codes


def _code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


def test_who_needs_the_code(settings):
    counter, editor = _staff(COUNTER_STAFF), _staff(WEB_EDITOR)
    assert secondfactor.required_for(counter)
    assert not secondfactor.required_for(editor)
    settings.HUZHENG_STAFF_2FA = False
    assert not secondfactor.required_for(counter)


def test_password_alone_reaches_no_staff_page(client):
    user = _staff()
    device, _codes = _enrolled(user)
    response = _sign_in(client, user)
    assert response.status_code == 302
    # Every back-office page leads to the code step, the queue console and the API
    # see nobody signed in.
    home = client.get("/admin/")
    assert home.status_code == 302 and home["Location"].startswith(VERIFY)
    assert client.get("/admin/reveal/x/y/1/")["Location"].startswith(VERIFY)
    assert client.get(f"/admin/second-factor/reset/{user.pk}/")["Location"].startswith(VERIFY)
    office = user.staff_profile.office.code
    assert client.get(f"/queue/{office}/counter/")["Location"].startswith(LOGIN)
    assert client.get(VERIFY).status_code == 200
    # The code opens the back office.
    response = client.post(VERIFY, {"code": _code(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_and_replayed_codes_are_refused(client):
    user = _staff()
    device, _codes = _enrolled(user)
    _sign_in(client, user)
    wrong = client.post(VERIFY, {"code": _code(device, offset=40)})
    assert wrong.status_code == 400
    assert "這個驗證碼不正確或已經用過" in wrong.content.decode()
    good = _code(device)
    assert client.post(VERIFY, {"code": good})["Location"] == "/admin/"
    client.post("/admin/logout/")
    _sign_in(client, user)
    replay = client.post(VERIFY, {"code": good})
    assert replay.status_code == 400
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_hostile_input_gets_a_clear_message(client):
    user = _staff()
    _enrolled(user)
    _sign_in(client, user)
    for code in ["<script>alert(1)</script>", "' OR 1=1 --", "１２３４５６", "x" * 5000, ""]:
        response = client.post(VERIFY, {"code": code})
        assert response.status_code == 400
        assert "<script>alert(1)" not in response.content.decode()
    assert "請輸入驗證器 App 顯示的 6 位數字" in response.content.decode() or (
        "必填" in response.content.decode()
    )
    response = client.post(VERIFY, {"code": "abc"})
    assert "請輸入驗證器 App 顯示的 6 位數字" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_recovery_code_works_once(client):
    user = _staff()
    _device, codes = _enrolled(user)
    assert len(codes) == 10
    _sign_in(client, user)
    assert client.post(VERIFY, {"code": codes[0].upper()})["Location"] == "/admin/"
    client.post("/admin/logout/")
    _sign_in(client, user)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_wrong_codes_count_towards_the_lockout(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = _staff()
    _enrolled(user)
    _sign_in(client, user)
    client.post(VERIFY, {"code": "000000"})
    client.post(VERIFY, {"code": "000001"})
    locked = client.post(VERIFY, {"code": "000002"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # The password is refused now, the right code after it never reached.
    assert _sign_in(client, user).status_code == 429


def test_the_password_lockout_still_applies(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = _staff()
    _enrolled(user)
    for _n in range(2):
        client.post(LOGIN, {"username": user.username, "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    assert _sign_in(client, user).status_code == 429


def test_enrolment_shows_a_qr_code_and_recovery_codes_once(client):
    user = _staff()
    _sign_in(client, user)
    assert client.get("/admin/")["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert page.status_code == 200
    assert 'role="img"' in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(ENROL, {"code": "123"}).status_code == 400
    done = client.post(ENROL, {"code": _code(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(object_id=str(user.pk), fields=["second factor"]).exists()
    # Enrolled: the set-up page no longer hands out a new key.
    assert client.get(ENROL).status_code == 302


def test_an_administrator_resets_a_lost_device_with_a_reason(client, admin_user):
    user = _staff()
    _enrolled(user)
    client.force_login(admin_user)
    device = TOTPDevice.objects.create(user=admin_user, name="authenticator", confirmed=True)
    secondfactor.confirm_device(admin_user, device)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    url = f"/admin/second-factor/reset/{user.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "   "}).status_code == 400
    assert TOTPDevice.objects.filter(user=user).exists()
    assert client.post(url, {"reason": "phone lost"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).latest("pk")
    assert entry.username == admin_user.username and entry.reason == "phone lost"
    assert entry.object_id == str(user.pk)
    # A staff member without the permission may not reset anyone.
    client.force_login(_staff(WEB_EDITOR))
    assert client.post(url, {"reason": "x"}).status_code in (302, 403)


def test_off_in_demo_mode_password_alone_signs_in(client, settings):
    settings.HUZHENG_STAFF_2FA = False
    user = _staff()
    _enrolled(user)
    _sign_in(client, user)
    assert client.get("/admin/").status_code == 200
