"""Placeholders in message templates (範本欄位): ((name)), ((deadline)) and the like.

One vocabulary serves every template, so an editor's typo (((nmae))) is refused when the
template is saved rather than printed on a letter to a citizen. Values are plain text;
a letter's HTML escapes them when it is rendered."""

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\(\(\s*([^()]*?)\s*\)\)")

# name -> what it holds; the back office lists these beside the editor.
PLACEHOLDERS = {
    "name": _("the person's name"),
    "office": _("the office's name"),
    "office_phone": _("the office's phone number"),
    "office_address": _("the office's address"),
    "service": _("the registration to make"),
    "event": _("what happened (the event)"),
    "event_date": _("the day of the event"),
    "deadline": _("the last day to register"),
    "fine": _("the fine for registering late (NT$)"),
    "reference": _("the case, ticket or item number"),
    "code": _("the booking code"),
    "when": _("the appointment's day and time"),
    "stage": _("the case's stage"),
    "note": _("an extra sentence (may be empty)"),
    "reply": _("the words of a reply"),
    "title": _("the session's title"),
    "place": _("where it takes place"),
    "letter_number": _("the letter's number (發文字號)"),
    "date": _("today's date"),
    "clerk": _("the clerk's name"),
    "count": _("a number of items"),
    "link": _("a web address"),
    "lines": _("the lines of a list"),
}

# Sample values for the preview and the tests, one set per language.
SAMPLES = {
    "zh-hant": {
        "name": "王小明",
        "office": "澎湖縣湖西鄉戶政事務所",
        "office_phone": "06-9921145",
        "office_address": "澎湖縣湖西鄉湖西村1號",
        "service": "出生登記",
        "event": "出生",
        "event_date": "民國115年10月1日",
        "deadline": "民國115年11月30日",
        "fine": "300",
        "reference": "OUT-115-000123",
        "code": "ABCD2345",
        "when": "民國115年12月7日 09:30",
        "stage": "審核中",
        "note": " 洽詢電話：06-9921145。",
        "reply": "本所已於上午增開一個櫃檯，謝謝您的建議。",
        "title": "新住民戶政說明會",
        "place": "湖西鄉活動中心",
        "letter_number": "湖西戶字第1150000123號",
        "date": "民國115年12月6日",
        "clerk": "陳戶籍員",
        "count": "3",
        "link": "https://huxi.example.gov.tw/what-next/birth/",
        "lines": "1. 申請生育給付（勞動部勞工保險局）",
    },
    "en": {
        "name": "Wang Xiao-ming",
        "office": "Huxi Household Registration Office",
        "office_phone": "06-9921145",
        "office_address": "No. 1, Huxi Village, Huxi Township, Penghu County",
        "service": "birth registration",
        "event": "birth",
        "event_date": "2026-10-01",
        "deadline": "2026-11-30",
        "fine": "300",
        "reference": "OUT-115-000123",
        "code": "ABCD2345",
        "when": "2026-12-07 09:30",
        "stage": "being checked",
        "note": " Questions: 06-9921145.",
        "reply": "The office opened one more counter in the mornings. Thank you.",
        "title": "Household registration for new immigrants",
        "place": "Huxi Community Centre",
        "letter_number": "湖西戶字第1150000123號",
        "date": "2026-12-06",
        "clerk": "Clerk Chen",
        "count": "3",
        "link": "https://huxi.example.gov.tw/what-next/birth/",
        "lines": "1. Claim the maternity benefit (Bureau of Labor Insurance)",
    },
}


class TemplateError(Exception):
    """A template could not be filled in (a value is missing)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def placeholders_in(text):
    """The placeholder names a text uses, in order of first use."""
    seen = []
    for name in PLACEHOLDER.findall(text or ""):
        if name not in seen:
            seen.append(name)
    return seen


def check_template(template):
    """Refuse unknown placeholders and an SMS too long to send; raises ValidationError."""
    errors = {}
    for field in ("subject", "subject_en", "body", "body_en"):
        unknown = [n for n in placeholders_in(getattr(template, field)) if n not in PLACEHOLDERS]
        if unknown:
            errors[field] = _("Unknown placeholder: %(names)s. Known ones: %(known)s.") % {
                "names": ", ".join(f"(({n}))" for n in unknown),
                "known": ", ".join(f"(({n}))" for n in PLACEHOLDERS),
            }
    if template.channel != "sms" and not (template.subject or "").strip():
        errors.setdefault("subject", _("An e-mail or a letter needs a subject."))
    if errors:
        raise ValidationError(errors)


# May be left empty: an extra sentence some messages carry and others do not.
OPTIONAL = frozenset({"note"})


def fill(text, values):
    """The text with every placeholder replaced; TemplateError names a missing value."""
    missing = [
        n for n in placeholders_in(text) if n not in OPTIONAL and values.get(n) in (None, "")
    ]
    if missing:
        raise TemplateError(
            _("No value for %(names)s.") % {"names": ", ".join(f"(({n}))" for n in missing)}
        )
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1)) or ""), text or "")


def render(template, values, language="zh-hant"):
    """(subject, body) of the template in the language, English falling back to Chinese."""
    english = str(language).lower().startswith("en")
    subject = (template.subject_en if english else "") or template.subject
    body = (template.body_en if english else "") or template.body
    return fill(subject, values), fill(body, values)


def preview(template):
    """The template filled with sample values in both languages, for the editor's preview."""
    result = []
    for language, label in (("zh-hant", "中文"), ("en", "English")):
        with translation.override(language):
            try:
                subject, body = render(template, SAMPLES[language], language)
            except TemplateError as exc:
                subject, body = "", str(exc.message)
        result.append({"language": language, "label": label, "subject": subject, "body": body})
    return result
