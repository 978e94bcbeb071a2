"""Forms of the ID card pages; the rules themselves are in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.core.identity import NATIONAL_ID, PersonIdField
from huzheng.core.models import Office
from huzheng.core.roc import RocDateField
from huzheng.idcards.models import IssueType
from huzheng.idcards.places import ISSUE_PLACES


def _id_field():
    return PersonIdField(kinds=(NATIONAL_ID,), label=_("National ID number"))


class LossReportForm(forms.Form):
    national_id = _id_field()
    name = forms.CharField(label=_("Name"), max_length=100)
    birth_date = RocDateField(label=_("Birth date"), allow_future=False)


class PhoneLossReportForm(LossReportForm):
    """A phone report typed by staff, with the caller's answers to the questions."""

    registered_address = forms.CharField(
        label=_("Answer: registered address"), max_length=200, required=False
    )
    parent_name = forms.CharField(
        label=_("Answer: a parent’s name"), max_length=200, required=False
    )
    caller_phone = forms.CharField(
        label=_("Caller's phone number (for the call-back)"), max_length=30, required=False
    )


class ValidityForm(forms.Form):
    national_id = _id_field()
    issue_date = RocDateField(label=_("Issue date"), allow_future=False)
    issue_type = forms.ChoiceField(
        label=_("Issue type"), choices=IssueType.choices, widget=forms.RadioSelect
    )
    issue_place = forms.ChoiceField(
        label=_("Issue place"), choices=[("", _("Choose…")), *ISSUE_PLACES]
    )


class IssueStatusForm(forms.Form):
    national_id = _id_field()
    birth_date = RocDateField(label=_("Birth date"), allow_future=False)


class CancelForm(forms.Form):
    identity_check = forms.CharField(
        label=_("Identity checked with"),
        max_length=200,
        help_text=_("For example: photo ID (passport, driving licence) and household register."),
    )


class ApplicationForm(forms.Form):
    """A card applied for at the counter (初補換受理); the office list is the staff
    member's own office(s)."""

    national_id = _id_field()
    birth_date = RocDateField(label=_("Birth date"), allow_future=False)
    kind = forms.ChoiceField(
        label=_("Issue type"), choices=IssueType.choices, widget=forms.RadioSelect
    )
    office = forms.ModelChoiceField(
        label=_("Collect at"), queryset=Office.objects.none(), empty_label=None
    )
    phone = forms.CharField(
        label=_("Mobile phone (text message when the card is ready)"),
        max_length=30,
        required=False,
    )
    email = forms.EmailField(
        label=_("E-mail (notice when the card is ready)"), max_length=254, required=False
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
