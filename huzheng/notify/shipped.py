"""The message templates the code ships (notify/data/templates.json): the appointment,
case and ID-card messages with the words they had before they were templates, as each
template's first version. A missing one is created when first needed (and by
`ensure_templates`); an editor's later words are never overwritten."""

import json
from functools import cache
from pathlib import Path

from django.db import IntegrityError, transaction

from huzheng.notify.models import Template

DATA = Path(__file__).resolve().parent / "data" / "templates.json"


@cache
def shipped():
    """{key: fields} of every shipped template."""
    return {entry["key"]: entry for entry in json.loads(DATA.read_text(encoding="utf-8"))}


def ensure_template(key):
    """The national template under `key`, created from the shipped words when missing;
    None for a key the code does not ship."""
    entry = shipped().get(key)
    if entry is None:
        return None
    existing = Template.objects.filter(key=key, office__isnull=True).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            template = Template(**entry)
            template.save()
            return template
    except IntegrityError:  # created meanwhile by another request
        return Template.objects.filter(key=key, office__isnull=True).first()


def ensure_templates():
    """Create every shipped template that is missing."""
    for key in shipped():
        ensure_template(key)
