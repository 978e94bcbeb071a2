"""Issue 15, finding 6: wrong staff passwords lock the account (and the address) for a
while, counted in the shared cache; the right password is then refused too."""

import pytest
from django.core.cache import caches

from huzheng.core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _empty_counts():
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def _try(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_account_even_for_the_right_one(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = StaffFactory().user
    user.set_password("right-password-123")
    user.save()
    for _ in range(2):
        assert _try(client, user.username, "wrong").status_code == 200  # the form again
    assert _try(client, user.username, "wrong").status_code == 429  # the third locks
    locked = _try(client, user.username, "right-password-123")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    assert _try(client, user.username, "right-password-123", "10.9.9.9").status_code == 429


def test_one_address_trying_many_accounts_is_locked(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        _try(client, f"nobody{n}", "wrong")
    user = StaffFactory().user
    user.set_password("right-password-123")
    user.save()
    assert _try(client, user.username, "right-password-123").status_code == 429
    ok = _try(client, user.username, "right-password-123", "10.7.7.7")
    assert ok.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_success_before_the_limit_starts_the_count_again(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = StaffFactory().user
    user.set_password("right-password-123")
    user.save()
    _try(client, user.username, "wrong")
    _try(client, user.username, "wrong")
    assert _try(client, user.username, "right-password-123").status_code == 302
    client.logout()
    _try(client, user.username, "wrong")
    assert _try(client, user.username, "right-password-123").status_code == 302
