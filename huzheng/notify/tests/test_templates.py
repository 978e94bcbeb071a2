"""Message templates (通知範本): placeholders checked on save, every save a new version,
messages recording the version they used, and every template rendering in both languages."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from huzheng.core.tests.factories import OfficeFactory
from huzheng.notify import letters
from huzheng.notify.models import Letter, Message, Template
from huzheng.notify.placeholders import SAMPLES, TemplateError, render
from huzheng.notify.services import TemplateNotFound, send_template
from huzheng.outreach import demo

pytestmark = pytest.mark.django_db


def email_template(**fields):
    template = Template(
        key="test.email",
        name="測試",
        channel=Template.Channel.EMAIL,
        subject="((name))您好",
        subject_en="Dear ((name))",
        body="請於((deadline))前辦理。",
        body_en="Please register by ((deadline)).",
        **fields,
    )
    template.full_clean()
    template.save()
    return template


def test_an_unknown_placeholder_is_refused_when_the_template_is_saved():
    template = Template(
        key="bad", name="x", channel="email", subject="s", body="請於((deadlnie))前辦理"
    )
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert "((deadlnie))" in str(refused.value)
    assert not Template.objects.exists()


def test_an_email_or_letter_needs_a_subject_but_an_sms_does_not():
    with pytest.raises(ValidationError):
        Template(key="a", name="a", channel="letter", body="x").full_clean()
    Template(key="b", name="b", channel="sms", body="x").full_clean()


def test_every_save_is_a_new_version_and_a_message_records_the_one_it_used():
    template = email_template()
    first = send_template("test.email", "a@example.com", {"name": "王", "deadline": "12月1日"})
    template.body = "請儘速於((deadline))前辦理。"
    template.save()
    second = send_template("test.email", "a@example.com", {"name": "王", "deadline": "12月1日"})
    assert (first.template_version, second.template_version) == (1, 2)
    assert list(template.versions.values_list("version", flat=True)) == [2, 1]
    assert template.versions.get(version=1).body == "請於((deadline))前辦理。"
    assert mail.outbox[1].body == "請儘速於12月1日前辦理。"
    assert second.status == Message.Status.SENT


def test_a_template_message_in_english_uses_the_english_words():
    email_template()
    message = send_template(
        "test.email", "a@example.com", {"name": "Wang", "deadline": "2026-12-01"}, language="en"
    )
    assert message.subject == "Dear Wang"
    assert message.body == "Please register by 2026-12-01."


def test_a_missing_value_or_unknown_template_queues_nothing():
    email_template()
    with pytest.raises(TemplateError):
        send_template("test.email", "a@example.com", {"name": "王"})
    with pytest.raises(TemplateNotFound):
        send_template("no.such", "a@example.com", {})
    assert not Message.objects.exists()


def test_every_shipped_template_renders_in_both_languages():
    demo.ensure_templates()
    templates = list(Template.objects.all())
    assert {t.channel for t in templates} == {"email", "sms", "letter"}
    for template in templates:
        template.full_clean()
        for language in ("zh-hant", "en"):
            subject, body = render(template, SAMPLES[language], language)
            assert "((" not in subject + body, (template.key, language)
            assert body
        assert render(template, SAMPLES["en"], "en") != render(template, SAMPLES["zh-hant"])


def test_the_preview_shows_both_languages(rf):
    demo.ensure_templates()
    template = Template.objects.get(key="outreach.notice-sms")
    context = template.get_preview_context(rf.get("/"), "")
    assert [p["language"] for p in context["previews"]] == ["zh-hant", "en"]
    assert "王小明" in context["previews"][0]["body"]


def test_a_letter_is_numbered_from_the_register_and_its_pdf_reads_in_chinese():
    import datetime as dt

    from pypdf import PdfReader

    demo.ensure_templates()
    office = OfficeFactory(code="huxi", name="澎湖縣湖西鄉戶政事務所")
    values = dict(SAMPLES["zh-hant"], deadline="民國115年11月30日", event_date="民國115年10月1日")
    first = letters.issue_letter(
        office=office,
        template_key="outreach.reminder-letter",
        recipient="王小明",
        address="澎湖縣湖西鄉湖西村100號",
        postcode="885",
        values=values,
        on=dt.date(2026, 12, 7),
    )
    second = letters.issue_letter(
        office=office,
        template_key="outreach.reminder-letter",
        recipient="林美華",
        address="澎湖縣湖西鄉湖西村101號",
        values=values,
        on=dt.date(2026, 12, 7),
    )
    assert first.number == "湖西戶字第1150000001號"
    assert second.number == "湖西戶字第1150000002號"
    pdf = letters.letters_pdf([first, second])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    text = "".join(reader.pages[0].extract_text().split())
    for expected in (
        "澎湖縣湖西鄉戶政事務所函",
        "發文日期：民國115年12月7日",
        "發文字號：湖西戶字第1150000001號",
        "王小明君",
        "885",
        "民國115年11月30日",
        "戶籍法第48條第3項",
    ):
        assert expected in text, expected
    assert Letter.objects.filter(printed_at__isnull=False).count() == 2


def test_a_letter_without_an_address_or_value_is_not_registered():
    demo.ensure_templates()
    office = OfficeFactory(code="huxi")
    with pytest.raises(letters.LetterError):
        letters.issue_letter(
            office=office,
            template_key="outreach.reminder-letter",
            recipient="王小明",
            address="",
            values=SAMPLES["zh-hant"],
        )
    with pytest.raises(letters.LetterError):
        letters.issue_letter(
            office=office,
            template_key="outreach.reminder-letter",
            recipient="王小明",
            address="澎湖縣湖西鄉湖西村100號",
            values={"name": "王小明"},
        )
    assert not Letter.objects.exists()


def test_the_office_word_of_the_letter_number():
    office = OfficeFactory.build(code="magong", name="澎湖縣馬公市戶政事務所")
    assert letters.office_word(office) == "馬公"
    assert (
        letters.office_word(OfficeFactory.build(code="x", name="臺北市大安區戶政事務所")) == "大安"
    )


def test_a_template_sms_through_a_failing_provider_is_retried_then_failed(settings):
    from django.core.management import call_command
    from django.utils import timezone

    from huzheng.notify.services import MAX_ATTEMPTS

    settings.HUZHENG_SMS_BACKEND = "huzheng.notify.tests.test_services.RefusingBackend"
    demo.ensure_templates()
    values = dict(SAMPLES["zh-hant"])
    message = send_template("outreach.notice-sms", "0912-345-678", values, reference="R1")
    assert message.status == Message.Status.RETRYING
    assert message.template_version == 1
    for _attempt in range(2, MAX_ATTEMPTS + 1):
        Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        call_command("send_messages")
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.attempts == MAX_ATTEMPTS and "quota" in message.error
