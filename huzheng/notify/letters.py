"""Printed letters (函) and the office's outgoing-letter register (發文簿).

A letter is issued from a letter template: it takes the next number of the office's
register for the ROC year (`core.sequences.next_number`, so a number is never given
twice), its words are filled in and kept, and the PDF is drawn from what was kept: A4,
the office's letterhead, 發文日期 in the ROC calendar, 發文字號, and the recipient's
address where a window envelope shows it. Printing one or a batch marks them printed;
mailing them is recorded on the register."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.core import roc
from huzheng.core.sequences import next_number
from huzheng.core.text import clean_line, clean_text
from huzheng.notify.models import Letter, Template
from huzheng.notify.placeholders import TemplateError, render


class LetterError(Exception):
    """A letter cannot be issued as asked; `message` says why in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def issue_letter(
    *,
    office,
    template_key,
    recipient,
    address,
    values,
    postcode="",
    topic="",
    reference="",
    person_hash="",
    user=None,
    on=None,
):
    """Number, fill in and register one letter; nothing is written when a value is
    missing or the recipient or address is empty."""
    from huzheng.notify.services import find_template

    template = find_template(template_key, office)
    if template is None or template.channel != Template.Channel.LETTER:
        raise LetterError(_("There is no letter template %(key)s.") % {"key": template_key})
    recipient = clean_line(recipient, 100)
    address = clean_line(address, 200)
    if not recipient or not address:
        raise LetterError(_("A letter needs the recipient's name and address."))
    postcode = clean_line(postcode, 6)
    if postcode and not re.fullmatch(r"\d{3}(\d{2,3})?", postcode):
        raise LetterError(_("A postcode has 3, 5 or 6 digits."))
    dated = on or roc.today()
    year = roc.roc_year(dated.year)
    with transaction.atomic():
        sequence = next_number("letter", office=office, period=year)
        number = letter_number(office, year, sequence)
        filled = {
            **values,
            "letter_number": number,
            "date": roc.format_long(dated),
            "office": office.name,
            "office_phone": office.phone,
            "office_address": office.address,
        }
        try:
            subject, body = render(template, filled, "zh-hant")
        except TemplateError as exc:
            raise LetterError(exc.message) from None
        return Letter.objects.create(
            office=office,
            year=year,
            sequence=sequence,
            number=number,
            dated=dated,
            recipient=recipient,
            address=address,
            postcode=postcode,
            subject=clean_line(subject, 300),
            body=clean_text(body),
            template=template,
            template_version=template.version,
            topic=(topic or template_key)[:60],
            reference=str(reference)[:60],
            person_hash=person_hash,
            created_by=user if getattr(user, "pk", None) else None,
        )


def letter_number(office, year, sequence):
    """湖西戶字第1150000123號: the office's word, the ROC year and the register's sequence."""
    return f"{office_word(office)}戶字第{year}{sequence:07d}號"


def office_word(office):
    """湖西 for 澎湖縣湖西鄉戶政事務所, 馬公 for 澎湖縣馬公市戶政事務所."""
    name = office.name.replace("戶政事務所", "")
    name = re.sub(r"^.+?[縣市](?=.)", "", name, count=1) or name
    return re.sub(r"(?<=.)[鄉鎮市區]$", "", name)[:4] or office.code.upper()


def letters_pdf(letters, *, user=None):
    """One PDF holding the letters in order (a batch prints as one file); each is marked
    printed. Returns the PDF's bytes."""
    from huzheng.core.pdf import render_pdf

    letters = list(letters)
    if not letters:
        raise LetterError(_("Choose at least one letter to print."))
    pdf = render_pdf(
        "notify/letter.html",
        {"letters": [_letter_context(letter) for letter in letters]},
    )
    Letter.objects.filter(pk__in=[letter.pk for letter in letters], printed_at=None).update(
        printed_at=timezone.now()
    )
    return pdf


def mark_mailed(letters, *, on=None):
    """Record on the register that the letters went to the post today (or `on`)."""
    on = on or roc.today()
    return Letter.objects.filter(pk__in=[letter.pk for letter in letters]).update(mailed_on=on)


def _letter_context(letter):
    paragraphs = [line.strip() for line in letter.body.splitlines() if line.strip()]
    return {"letter": letter, "office": letter.office, "paragraphs": paragraphs}
