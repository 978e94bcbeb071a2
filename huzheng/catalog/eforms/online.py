"""The online form: a Django form class built from a definition, validated as the office
would check the paper (ID checksum, real ROC dates, Taiwan phone numbers)."""

from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huzheng.catalog.eforms.schema import (
    CHECKBOX,
    CHOICE,
    DATE_MAX_LENGTH,
    DEFAULT_MAX_LENGTH,
    EMAIL,
    NATIONAL_ID,
    NUMBER,
    PERSON_ID,
    PHONE,
    ROC_DATE,
    TEXTAREA,
    pick,
    pick_lazy,
)
from huzheng.core import identity, roc
from huzheng.core.validators import validate_phone


@cache
def build_django_form(definition):
    """A Django Form class for the definition: one form field per field, validated as the
    office would check the paper (ID checksum, real ROC dates, Taiwan phone numbers)."""
    form_fields = {f.name: _form_field(f) for f in definition.fields}
    class_name = "".join(part.title() for part in definition.slug.split("-")) + "Form"
    return type(class_name, (forms.Form,), form_fields)


class _BoundedRocDateField(roc.RocDateField):
    """RocDateField that refuses overlong text before parsing it: the parser's regular
    expression takes quadratic time on long runs of spaces."""

    def to_python(self, value):
        if isinstance(value, str) and len(value) > DATE_MAX_LENGTH:
            raise ValidationError(
                _("Please write the date in the ROC calendar, for example 115/1/5 or 1150105."),
                code="format",
            )
        return super().to_python(value)


def _form_field(f):
    label = pick_lazy(f.label, f.label_en)
    help_text = pick_lazy(f.help, f.help_en) if f.help else ""
    common = {"label": label, "required": f.required, "help_text": help_text}
    if f.kind == CHOICE:
        common["error_messages"] = {"required": _required_message(f, choose=True)}
    elif f.kind == CHECKBOX:
        common["error_messages"] = {"required": _("Please tick the box to confirm.")}
    else:
        common["error_messages"] = {"required": _required_message(f)}
    max_length = f.max_length or DEFAULT_MAX_LENGTH.get(f.kind)

    if f.kind in (NATIONAL_ID, PERSON_ID):
        kinds = (identity.NATIONAL_ID,) if f.kind == NATIONAL_ID else identity.ALL_KINDS
        form_field = identity.PersonIdField(kinds=kinds, **common)
    elif f.kind == ROC_DATE:
        roc_hint = _("ROC calendar, for example 115/1/5")
        common["help_text"] = format_lazy("{} {}", help_text, roc_hint) if f.help else roc_hint
        form_field = _BoundedRocDateField(allow_future=f.allow_future, **common)
        form_field.widget.attrs["maxlength"] = str(DATE_MAX_LENGTH)
    elif f.kind == PHONE:
        form_field = forms.CharField(
            max_length=max_length,
            validators=[validate_phone],
            widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
            **common,
        )
    elif f.kind == EMAIL:
        form_field = forms.EmailField(max_length=max_length, **common)
    elif f.kind == CHOICE:
        choices = [(c.value, pick_lazy(c.label, c.label_en)) for c in f.choices]
        initial = f.choices[0].value if len(f.choices) == 1 else None
        form_field = forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect, initial=initial, **common
        )
    elif f.kind == CHECKBOX:
        form_field = forms.BooleanField(**common)
    elif f.kind == NUMBER:
        form_field = forms.IntegerField(min_value=1, max_value=f.max_value, **common)
    elif f.kind == TEXTAREA:
        form_field = forms.CharField(
            max_length=max_length, widget=forms.Textarea(attrs={"rows": 3}), **common
        )
    else:
        form_field = forms.CharField(max_length=max_length, **common)
    if f.autocomplete:
        form_field.widget.attrs["autocomplete"] = f.autocomplete
    return form_field


def _required_message(f, *, choose=False):
    return _required_message_lazy(f.label, f.label_en, choose)


def _required_message_text(zh, en, choose):
    params = {"label": pick(zh, en)}
    if choose:
        return gettext("Please choose “%(label)s”.") % params
    return gettext("Please fill in “%(label)s”.") % params


_required_message_lazy = lazy(_required_message_text, str)
