"""The citizen's forms: book a time, find a booking, move it. They only carry and shape
what was typed; the booking rules themselves live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.appointments.services.common import CODE_EXAMPLE, CODE_LENGTH
from huzheng.core.identity import PersonIdField


class TimeChoiceField(forms.CharField):
    """A start time chosen from radio buttons. Kept a CharField on purpose: a time that
    was free when the page was drawn and is taken now must reach services.book, which
    answers "just filled" with the nearest free times instead of "invalid choice"."""

    widget = forms.RadioSelect

    def __init__(self, *, times=(), **kwargs):
        kwargs.setdefault("label", _("Time"))
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.choices = list(times)


class BookingForm(forms.Form):
    """A booking's details (預約資料). Fields are optional here so that services.clean_person
    names every missing or wrong detail at once, in its own words."""

    start = TimeChoiceField()
    name = forms.CharField(
        label=_("Name"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    national_id = PersonIdField(
        label=_("ID number"),
        required=False,
        help_text=_("National ID or resident certificate number, for example A123456789."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("A mobile number gets the reminder by SMS, for example 0912345678."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.CharField(
        label=_("E-mail (optional)"),
        max_length=254,
        required=False,
        help_text=_("We send the confirmation and a calendar file here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, times=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].widget.choices = list(times)

    def person(self):
        """What clean_person and book take, from the raw input (the services check it)."""
        data = self.data
        return {
            "name": data.get("name", "")[:200],
            "national_id": data.get("national_id", "")[:40],
            "phone": data.get("phone", "")[:60],
            "email": data.get("email", "")[:300],
        }


class FindBookingForm(forms.Form):
    """Code and ID number. Plain text on purpose: any wrong or malformed fact gets the
    same single answer, so the form must not tell a bad ID number apart."""

    code = forms.CharField(
        label=_("Booking code"),
        max_length=40,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    national_id = forms.CharField(
        label=_("ID number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Stated from the rule that draws the codes, so the wording cannot drift from it.
        self.fields["code"].help_text = _(
            "The %(length)s letters and digits in your confirmation, for example %(example)s."
        ) % {"length": CODE_LENGTH, "example": CODE_EXAMPLE}


class MoveForm(forms.Form):
    start = TimeChoiceField(label=_("New time"))

    def __init__(self, *args, times=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].widget.choices = list(times)
