"""Forms of the worklist's back office; the services check what the forms cannot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.catalog.models import RegistrationService
from huzheng.core.roc import RocDateField
from huzheng.outreach.models import ItemEvent, Source


class ItemForm(forms.Form):
    """Staff enter an item by hand (人工登錄)."""

    source = forms.ChoiceField(label=_("Source"), choices=Source.choices)
    service = forms.ModelChoiceField(
        label=_("Registration owed"),
        queryset=RegistrationService.objects.order_by("sort_order", "name"),
    )
    person_name = forms.CharField(label=_("Person concerned"), max_length=100)
    national_id = forms.CharField(
        label=_("ID number"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    event_date = RocDateField(label=_("Event date"), help_text=_("ROC calendar, e.g. 115/3/9"))
    deadline = RocDateField(
        label=_("Deadline"),
        required=False,
        help_text=_(
            "Leave empty to compute it from the catalog's legal deadline; needed for a "
            "registration without one."
        ),
    )
    others = forms.CharField(label=_("Others concerned"), max_length=200, required=False)
    external_reference = forms.CharField(label=_("Source reference"), max_length=60, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=6, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CallForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ItemEvent.Outcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class RegisteredForm(forms.Form):
    reference = forms.CharField(
        label=_("Case or ticket number"),
        max_length=60,
        required=False,
        help_text=_("Where the registration was made, if known."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: 來源, 登記項目, 姓名, 身分證統一編號, 事件日期 (and optionally 來源文號, "
            "地址, 電話, 關係人). UTF-8 or Big5."
        ),
    )
