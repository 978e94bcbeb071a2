"""The appointment, case and ID-card messages are rendered from notify templates: the
first version holds the words they had in code, an editor's change is the next version
the next message records, and an office's own template replaces the national one there
only."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from huzheng.appointments import services as appointments
from huzheng.appointments.tests.factories import (
    a_national_id,
    appointment_office,
    at,
    bookable_service,
    open_all_day,
)
from huzheng.cases import services as cases
from huzheng.cases.tests.factories import case_desk, make_case
from huzheng.core.tests.factories import OfficeFactory
from huzheng.idcards import services as idcards
from huzheng.notify.models import Message, Template
from huzheng.notify.placeholders import SAMPLES, render
from huzheng.notify.services import find_template
from huzheng.notify.shipped import ensure_templates, shipped

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.date(2026, 12, 16)


def _latest(topic):
    return Message.objects.filter(topic=topic).latest("pk")


def test_every_shipped_template_is_valid_and_renders_in_both_languages():
    ensure_templates()
    for key in shipped():
        template = Template.objects.get(key=key, office=None)
        template.full_clean()
        assert template.version == 1
        zh = render(template, SAMPLES["zh-hant"], "zh-hant")
        en = render(template, SAMPLES["en"], "en")
        assert "((" not in zh[1] + en[1] and zh != en


def test_a_booking_confirmation_and_reminder_are_rendered_from_their_templates(
    django_capture_on_commit_callbacks,
):
    office = appointment_office("huxi", places=2)
    service = bookable_service(minutes=15)
    open_all_day(office, WEDNESDAY)
    with django_capture_on_commit_callbacks(execute=True):
        booking, _created = appointments.book(
            office,
            service,
            at(WEDNESDAY, 9),
            name="王小明",
            national_id=a_national_id(0),
            phone="0912345678",
            email="ming@example.com",
            now=at(dt.date(2026, 12, 15), 8),
        )
    booked = _latest("appointment.booked")
    assert booked.template.key == "appointment.booked-email" and booked.template_version == 1
    assert booked.subject == f"預約成功：{booking.code}"
    assert booked.body.startswith("王小明 您好：\n\n您的預約已完成。")
    assert booking.code in booked.body and office.name in booked.body
    assert booked.attachments[0]["filename"].endswith(".ics")
    template = booked.template
    template.body = template.body.replace("您的預約已完成。", "您已完成線上預約。")
    template.save()
    from huzheng.appointments.messages import send_confirmation, send_reminder

    send_confirmation(booking)
    again = _latest("appointment.booked")
    assert again.template_version == 2 and "您已完成線上預約。" in again.body
    send_reminder(booking)
    reminders = Message.objects.filter(topic="appointment.reminder")
    assert {m.template.key for m in reminders} == {
        "appointment.reminder-email",
        "appointment.reminder-sms",
    }
    sms = reminders.get(channel="sms")
    assert sms.body.startswith(f"{office.name}提醒：明天")
    assert sms.body.endswith(f"預約{service.name}，代碼 {booking.code}。")


def test_a_case_update_is_rendered_from_its_template_with_the_stop_link():
    desk = case_desk()
    case = make_case(desk, notify_email=True, notify_sms=True)
    Message.objects.all().delete()
    cases.notify_applicant(case)
    email = Message.objects.get(topic="case", channel="email")
    sms = Message.objects.get(topic="case", channel="sms")
    assert email.template.key == "case.update-email" and sms.template.key == "case.update-sms"
    assert email.subject == f"案件 {case.number} 進度更新"
    assert f"目前進度為「{case.get_stage_display()}」" in email.body
    assert "停止電子郵件通知：http" in email.body and "停止簡訊通知：http" in sms.body


def test_an_id_card_notice_uses_the_offices_own_template_and_others_the_national_one():
    huxi, magong = OfficeFactory(code="huxi"), OfficeFactory(code="magong")
    national = find_template("idcard.ready-sms")
    own = Template(
        office=huxi,
        key="idcard.ready-sms",
        name="湖西：身分證可領取",
        channel="sms",
        body="((office))通知：您的新身分證已可領取，請攜帶印章。",
    )
    own.full_clean()
    own.save()
    for office in (huxi, magong):
        idcards.notify_card_ready(
            SimpleNamespace(pk=office.pk, email="", phone="0912345678", collect_at=office)
        )
    messages = Message.objects.filter(topic="idcard.ready").order_by("pk")
    assert [m.template_id for m in messages] == [own.pk, national.pk]
    assert messages[0].body == f"{huxi.name}通知：您的新身分證已可領取，請攜帶印章。"
    assert messages[1].body.startswith("您的國民身分證已製作完成，請至" + magong.name)
    # One template per office and key; an office's own keeps the national channel.
    twin = Template(office=huxi, key="idcard.ready-sms", name="x", channel="sms", body="x")
    with pytest.raises(ValidationError):
        twin.full_clean()
    wrong = Template(
        office=magong, key="idcard.ready-sms", name="x", channel="email", subject="x", body="x"
    )
    with pytest.raises(ValidationError):
        wrong.full_clean()
