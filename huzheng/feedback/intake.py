"""What a writer sends (意見信箱來信): the fields of a message checked and cleaned, and its
attachments recognised by their first bytes. Every error is collected into one dict,
so the form shows all of them at once."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from huzheng.core.text import clean_line, clean_text
from huzheng.core.validators import clean_email, validate_phone

MAX_BODY = 5000
# Attachments: at most 3 files of 2 MB, PDF or pictures, recognised by their first bytes.
MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES = 3, 2 * 1024 * 1024
ATTACHMENT_TYPES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


@dataclass(frozen=True)
class Upload:
    """A file as the view or API received it."""

    name: str
    data: bytes


def clean_fields(errors, *, name, email, subject, body, phone):
    values = {
        "name": clean_line(name, 100),
        "subject": clean_line(subject, 200),
        "body": clean_text(body),
        "phone": clean_line(phone, 30),
    }
    if not values["name"]:
        errors["name"] = _("Please enter your name.")
    if not values["subject"]:
        errors["subject"] = _("Please enter a subject.")
    if not values["body"]:
        errors["body"] = _("Please write your message.")
    elif len(values["body"]) > MAX_BODY:
        errors["body"] = _("Please keep your message under %(count)s characters.") % {
            "count": MAX_BODY
        }
    if len(str(name or "")) > 300 or len(str(subject or "")) > 600:
        errors.setdefault("subject", _("Please keep the subject short."))
    try:
        values["email"] = clean_email(email)
    except ValidationError:
        errors["email"] = _("Please enter a valid e-mail address.")
        values["email"] = ""
    if values["phone"]:
        try:
            validate_phone(values["phone"])
        except ValidationError as exc:
            errors["phone"] = " ".join(exc.messages)
    return values


def checked_uploads(uploads, errors):
    uploads = list(uploads)
    if len(uploads) > MAX_ATTACHMENTS:
        errors["attachments"] = _("Please attach at most %(count)s files.") % {
            "count": MAX_ATTACHMENTS
        }
        return []
    files = []
    for upload in uploads:
        if len(upload.data) > MAX_ATTACHMENT_BYTES:
            errors["attachments"] = _("Each file must be smaller than 2 MB.")
            return []
        content_type = next(
            (kind for magic, kind in ATTACHMENT_TYPES.items() if upload.data.startswith(magic)),
            None,
        )
        if content_type is None:
            errors["attachments"] = _("Please attach PDF, JPEG or PNG files only.")
            return []
        files.append((upload, content_type))
    return files
