"""The audit log: every staff read of personal data is written, and nothing written can
be changed or removed, by the ORM or by raw SQL."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from huzheng.core import crypto, services
from huzheng.core.middleware import _current_request
from huzheng.core.models import AuditEntry
from huzheng.core.tests.factories import OfficeFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk():
    return StaffFactory(user__username="clerk", office=OfficeFactory(code="huxi")).user


def test_revealing_a_national_id_writes_the_read_to_the_audit_log_first(clerk):
    office = clerk.staff_profile.office
    token = crypto.encrypt("A123456789")
    request = RequestFactory().get(
        "/admin/cases/7/", REMOTE_ADDR="10.0.0.8", HTTP_USER_AGENT="Counter PC"
    )
    reset = _current_request.set(request)
    try:
        plain = services.reveal(
            token, user=clerk, subject=office, field="national_id", reason="核對申請人身分"
        )
    finally:
        _current_request.reset(reset)
    assert plain == "A123456789"
    entry = AuditEntry.objects.get()
    assert entry.user == clerk
    assert entry.username == "clerk"
    assert entry.action == AuditEntry.Action.READ
    assert entry.object_type == "core.office"
    assert entry.object_id == str(office.pk)
    assert entry.office == office
    assert entry.fields == ["national_id"]
    assert entry.reason == "核對申請人身分"
    assert entry.ip_address == "10.0.0.8"
    assert entry.path == "/admin/cases/7/"


def test_an_unreadable_ciphertext_is_still_logged_as_an_attempt(clerk):
    with pytest.raises(crypto.DecryptionError):
        services.reveal(
            "garbage", user=clerk, subject=clerk.staff_profile.office, field="national_id"
        )
    assert AuditEntry.objects.count() == 1


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(clerk, settings):
    settings.HUZHENG_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4"
    )
    entry = services.record_audit(
        clerk, AuditEntry.Action.READ, clerk.staff_profile, request=request
    )
    # The proxy appended the address it saw; anything before it the client could forge.
    assert entry.ip_address == "198.51.100.4"


def _entry(clerk):
    return services.record_audit(
        clerk, AuditEntry.Action.READ, clerk.staff_profile, fields=["phone"]
    )


def test_an_entry_cannot_be_changed_or_deleted_through_the_orm(clerk):
    entry = _entry(clerk)
    entry.reason = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_the_database_refuses_raw_updates_and_deletes(clerk):
    entry = _entry(clerk)
    table = AuditEntry._meta.db_table
    for sql in (
        f"UPDATE {table} SET reason = 'x' WHERE id = %s",
        f"DELETE FROM {table} WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql, [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk, reason="").exists()


def test_deleting_a_staff_account_keeps_its_entries(clerk):
    entry = _entry(clerk)
    clerk.staff_profile.delete()
    clerk.delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.username == "clerk"


# --- the hash chain (issue 15, finding 9) ---------------------------------------------------


def _chain_of_three():
    from huzheng.core.tests.factories import OfficeFactory

    office = OfficeFactory()
    return [
        services.record_audit(None, AuditEntry.Action.READ, office, fields=[f"f{n}"])
        for n in range(3)
    ]


def _run_verify():
    from io import StringIO

    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit_log", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, err.getvalue()
    return 0, out.getvalue()


def _bypass_guard(sql, params):
    from django.db import connection

    from huzheng.core.db import install_audit_guard, remove_audit_guard

    # What a table owner can do: lift the triggers, rewrite, put them back.
    remove_audit_guard(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    install_audit_guard(connection)


def test_each_entry_is_chained_to_the_one_before():
    first, second, third = _chain_of_three()
    assert first.previous_hash == "" or len(first.previous_hash) == 64
    assert second.previous_hash == first.entry_hash
    assert third.previous_hash == second.entry_hash
    assert _run_verify() == (0, "Audit log intact: 3 entries.\n")


def test_a_changed_entry_is_reported():
    _first, second, _third = _chain_of_three()
    _bypass_guard("UPDATE core_auditentry SET reason = %s WHERE id = %s", ["edited", second.pk])
    code, message = _run_verify()
    assert code == 1
    assert f"broken at entry {second.pk}: it was changed" in message


def test_a_removed_entry_is_reported():
    _first, second, third = _chain_of_three()
    _bypass_guard("DELETE FROM core_auditentry WHERE id = %s", [second.pk])
    code, message = _run_verify()
    assert code == 1
    assert f"broken at entry {third.pk}: it does not follow" in message


def test_removing_the_newest_entries_is_reported():
    _first, _second, third = _chain_of_three()
    _bypass_guard("DELETE FROM core_auditentry WHERE id = %s", [third.pk])
    code, message = _run_verify()
    assert code == 1
    assert f"broken at entry {third.pk}" in message and "missing" in message
