"""Issue 15, finding 8: names, phone numbers, e-mail addresses, birth dates and
addresses are encrypted at rest (bookings, home visits, cases, the message log); a
rotated key still reads them; `rotate_data_key` re-encrypts with the newest key."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from huzheng.appointments.models import Booking
from huzheng.cases import services as cases
from huzheng.cases.models import Case
from huzheng.cases.tests.factories import BIRTH_DATE, NATIONAL_ID, case_desk, make_case
from huzheng.core import crypto
from huzheng.core.fields import encrypt_columns
from huzheng.notify import services as notify
from huzheng.notify.models import Message

pytestmark = pytest.mark.django_db

OLD, NEW = "the-original-data-key", "the-new-data-key"
PLAIN = ["王小明", "0912345678", "ming@example.com", "台北市大同區"]


def _raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


def _booking(case):
    start = timezone.now() + dt.timedelta(days=2)
    return Booking.objects.create(
        code="ENC12345",
        office=case.office,
        service=case.service,
        start=start,
        end=start + dt.timedelta(minutes=15),
        place=1,
        name="王小明",
        national_id_hash=crypto.lookup_hash(NATIONAL_ID),
        national_id_encrypted=crypto.encrypt(NATIONAL_ID),
        national_id_masked="A12****78*",
        phone="0912345678",
        email="ming@example.com",
    )


@override_settings(HUZHENG_DATA_KEY=OLD)
def test_the_tables_hold_ciphertext_and_the_code_reads_plain_values():
    case = make_case(case_desk(), email="ming@example.com", phone="0912345678")
    booking = _booking(case)
    message = notify.send_email("ming@example.com", "Case", "Dear 王小明, case moved.")
    raw = [
        _raw("cases_case", column, case.pk)
        for column in ("applicant_name", "birth_date", "phone", "email")
    ]
    raw += [_raw("appointments_booking", c, booking.pk) for c in ("name", "phone", "email")]
    raw += [_raw("notify_message", c, message.pk) for c in ("recipient", "body")]
    for value in raw:
        assert value.startswith("gAAAA")  # a Fernet token
        assert not any(plain in value for plain in PLAIN)
        assert BIRTH_DATE.isoformat() not in value
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.applicant_name, fresh.birth_date, fresh.email) == (
        "王小明",
        BIRTH_DATE,
        "ming@example.com",
    )
    assert Booking.objects.values_list("phone", flat=True).get(pk=booking.pk) == "0912345678"
    assert Message.objects.get(pk=message.pk).recipient == "ming@example.com"
    # The public look-ups still find the case by its number and the birth date or ID.
    assert cases.query(case.number, birth_date=BIRTH_DATE).number == case.number
    assert cases.query(case.number, national_id=NATIONAL_ID).number == case.number
    with pytest.raises(cases.CaseNotFound):
        cases.query(case.number, birth_date=BIRTH_DATE + dt.timedelta(days=1))


def test_a_rotated_key_still_reads_and_the_command_re_encrypts_everything(capsys):
    with override_settings(HUZHENG_DATA_KEY=OLD):
        case = make_case(case_desk(), email="ming@example.com")
        booking = _booking(case)
        before = _raw("cases_case", "email", case.pk)
    with override_settings(HUZHENG_DATA_KEY=f"{NEW},{OLD}"):
        # The new key first: old values still read, new ones are written with it.
        assert Case.objects.get(pk=case.pk).email == "ming@example.com"
        call_command("rotate_data_key")
        assert "re-encrypted" in capsys.readouterr().out
        after = _raw("cases_case", "email", case.pk)
        assert after != before
    with override_settings(HUZHENG_DATA_KEY=NEW, HUZHENG_LOOKUP_KEY=OLD):
        # The old key is gone: everything reads with the new one alone, ID numbers
        # too, and the keyed look-up hashes still find the records.
        fresh = Case.objects.get(pk=case.pk)
        assert fresh.email == "ming@example.com" and fresh.birth_date == BIRTH_DATE
        assert crypto.decrypt(fresh.national_id_encrypted) == NATIONAL_ID
        assert Booking.objects.get(pk=booking.pk).name == "王小明"
        assert cases.query(case.number, national_id=NATIONAL_ID).number == case.number
    with override_settings(HUZHENG_DATA_KEY=OLD), pytest.raises(crypto.DecryptionError):
        Case.objects.get(pk=case.pk)


def test_rotating_with_a_wrong_key_list_fails_and_changes_nothing():
    with override_settings(HUZHENG_DATA_KEY=OLD):
        case = make_case(case_desk(), email="ming@example.com")
        before = _raw("cases_case", "email", case.pk)
    with override_settings(HUZHENG_DATA_KEY=NEW), pytest.raises(SystemExit):
        call_command("rotate_data_key")
    assert _raw("cases_case", "email", case.pk) == before


@override_settings(HUZHENG_DATA_KEY=OLD)
def test_the_migration_encrypts_rows_stored_in_plain_text_once():
    case = make_case(case_desk(), email="ming@example.com", phone="0912345678")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_case SET email = %s, phone = %s, birth_date = %s WHERE id = %s",
            ["plain@example.com", "0987654321", "1980-02-29", case.pk],
        )
    forwards, backwards = encrypt_columns({"cases_case": ["email", "phone", "birth_date"]})

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    forwards(None, editor)
    once = _raw("cases_case", "email", case.pk)
    forwards(None, editor)  # twice changes nothing
    assert _raw("cases_case", "email", case.pk) == once and "plain" not in once
    fresh = Case.objects.get(pk=case.pk)
    assert (fresh.email, fresh.phone, fresh.birth_date) == (
        "plain@example.com",
        "0987654321",
        dt.date(1980, 2, 29),
    )
    backwards(None, editor)
    assert _raw("cases_case", "email", case.pk) == "plain@example.com"


def test_every_contact_column_of_the_seven_tables_is_encrypted():
    from huzheng.core.management.commands.rotate_data_key import encrypted_columns

    found = {(model._meta.db_table, column) for model, column in encrypted_columns()}
    expected = {
        "appointments_booking": ["name", "phone", "email"],
        "appointments_homevisit": ["contact_name", "phone", "email", "person_name", "address"],
        "appointments_grouprequest": ["contact_name", "phone", "email"],
        "appointments_sessionbooking": ["name", "phone", "email"],
        "cases_case": ["applicant_name", "birth_date", "phone", "email"],
        "notify_message": ["recipient", "body"],
        "notify_letter": ["recipient", "address"],
        "feedback_feedbackmessage": ["name", "email", "phone"],
        "outreach_workitem": ["person_name", "address", "phone", "email"],
        "idcards_idcardapplication": ["birth_date", "phone", "email"],
    }
    for table, columns in expected.items():
        for column in columns:
            assert (table, column) in found
    # The ID numbers' own ciphertext columns are rotated too.
    assert ("cases_case", "national_id_encrypted") in found
