"""Forms of the public progress query and of the case desk."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from huzheng.catalog.models import RegistrationService
from huzheng.core.i18n import person_name
from huzheng.core.identity import PersonIdField
from huzheng.core.roc import RocDateField


class QueryForm(forms.Form):
    """Case number plus one of the applicant's facts; the view checks them together."""

    case_number = forms.CharField(
        label=_("Case number"),
        max_length=60,
        help_text=_("As printed on your receipt, for example 115-HUXI-000123"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    national_id = forms.CharField(
        label=_("Applicant's ID number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    birth_date = forms.CharField(
        label=_("or the applicant's birth date"),
        max_length=30,
        required=False,
        help_text=_("ROC calendar (79/5/1) or as 1990-05-01"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "bday"}),
    )


class NotifyForm(forms.Form):
    """ "Tell me when this case moves" on the progress page (案件進度通知). The fields are
    passed on as typed: services.opt_in checks them and says what is wrong."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=500)
    email = forms.CharField(
        label=_("E-mail"),
        required=False,
        help_text=_("For example name@example.com"),
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "maxlength": "254", "spellcheck": "false"}
        ),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        required=False,
        help_text=_("A Taiwan mobile number for text messages, for example 0912-345-678"),
        widget=forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "maxlength": "20"}
        ),
    )


class _ByCategory(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups = {}
        for service in self.queryset:
            groups.setdefault(service.get_category_display(), []).append(self.choice(service))
        yield from groups.items()


class GroupedServiceField(forms.ModelChoiceField):
    """The catalog's services grouped by category (<optgroup>), in the catalog's order."""

    iterator = _ByCategory


class RegisterForm(forms.Form):
    """The counter registers a case (收件)."""

    service = GroupedServiceField(
        label=_("Service"),
        queryset=RegistrationService.objects.filter(live=True).order_by(
            "category", "sort_order", "name"
        ),
    )
    applicant_name = forms.CharField(label=_("Applicant"), max_length=100)
    national_id = PersonIdField(label=_("Applicant's ID number"))
    birth_date = RocDateField(label=_("Applicant's birth date"), allow_future=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    received_on = RocDateField(label=_("Received on"), required=False, allow_future=False)
    documents = forms.CharField(
        label=_("Documents received"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One document a line."),
        max_length=5000,
    )
    ticket_label = forms.CharField(
        label=_("Today's ticket number"),
        max_length=10,
        required=False,
        help_text=_("The queue ticket of the visit, for example A015, when there is one."),
    )
    needs_reply = forms.BooleanField(label=_("Needs a written reply (公文函覆)"), required=False)
    notify_email = forms.BooleanField(label=_("E-mail the applicant when it moves"), required=False)
    notify_sms = forms.BooleanField(label=_("Text the applicant when it moves"), required=False)


class StageForm(forms.Form):
    stage = forms.CharField(max_length=10)
    note = forms.CharField(required=False, max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class StaffChoiceField(forms.ModelChoiceField):
    """Staff by name as the office writes it (陳志明), never the username."""

    def label_from_instance(self, obj):
        return person_name(obj)


class AssignForm(forms.Form):
    clerk = StaffChoiceField(label=_("Assigned clerk"), queryset=get_user_model().objects.none())

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the office's staff who work on cases: the web editor is not one of them.
        handles_cases = Q(
            groups__permissions__codename="change_case",
            groups__permissions__content_type__app_label="cases",
        ) | Q(
            user_permissions__codename="change_case",
            user_permissions__content_type__app_label="cases",
        )
        self.fields["clerk"].queryset = (
            get_user_model()
            .objects.filter(handles_cases, is_active=True, staff_profile__office=office)
            .distinct()
            .order_by("last_name", "first_name", "username")
        )


class CloseForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject of the reply letter (主旨)"), max_length=200, required=False
    )
    explanation = forms.CharField(
        label=_("Explanation (說明), one point a line"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
