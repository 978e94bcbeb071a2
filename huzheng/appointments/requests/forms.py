"""Forms for home visits (到府服務), group applications (團體申辦) and outreach session
bookings, and the staff's confirm and decline forms.

The citizen forms only read what was typed: every rule (ID checksum, phone, the
office's area, group size, places left) is checked by appointments.services, whose
field messages are put back on these forms, so a rule is written once.
"""

import datetime as dt
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huzheng.appointments import services
from huzheng.appointments.models import HomeVisit
from huzheng.core.roc import RocDateField

PHONE_ATTRS = {"autocomplete": "tel", "inputmode": "tel", "maxlength": "30"}


def _phone_field(help_text=""):
    return forms.CharField(
        label=_("Phone"),
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs=PHONE_ATTRS),
    )


def _email_field(help_text=""):
    return forms.CharField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": "254"}),
    )


class AnyChoiceField(forms.ChoiceField):
    """A select whose submitted value is passed on as typed: the service decides whether
    it is allowed and says why not in the office's own words."""

    def valid_value(self, value):
        return True


class CitizenRequestForm(forms.Form):
    """Shared parts: the fields the template marks required, the hidden retry key, and
    putting a service's field messages back on the form."""

    required_fields = ()
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # One key per form shown: submitting it twice (a double click, a retry after a
            # lost connection) still makes one request.
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
        for name in self.required_fields:
            self.fields[name].widget.attrs["aria-required"] = "true"

    def service_data(self):
        """What the service function takes, as typed (the service cleans it)."""
        return {
            name: value for name, value in self.cleaned_data.items() if name != "idempotency_key"
        }

    def add_service_errors(self, error):
        """Put an AppointmentError's field messages on their fields; the rest on top."""
        if not error.fields:
            self.add_error(None, error.message)
        for name, message in error.fields.items():
            self.add_error(name if name in self.fields else None, message)


def _service_choices():
    return [("", _("Choose a service"))] + [(s.slug, s.name) for s in services.bookable_services()]


class HomeVisitForm(CitizenRequestForm):
    required_fields = (
        "service",
        "contact_name",
        "national_id",
        "phone",
        "person_name",
        "village",
        "address",
        "reason",
        "preferred_dates",
    )

    service = AnyChoiceField(label=_("Service needed"), required=False)
    person_name = forms.CharField(label=_("Name of the person who needs the visit"), required=False)
    national_id = forms.CharField(
        label=_("ID number of the person who needs the visit"),
        required=False,
        help_text=_("For example A123456789. Used only to prepare the visit."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": "10"}),
    )
    village = AnyChoiceField(label=_("Village"), required=False)
    address = forms.CharField(
        label=_("Address of the visit"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address", "maxlength": "200"}),
    )
    reason = AnyChoiceField(
        label=_("Why the person cannot come to the office"),
        required=False,
        choices=HomeVisit.Reason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": "1000"}),
    )
    preferred_dates = forms.CharField(
        label=_("Preferred dates and times"),
        required=False,
        help_text=_("For example: weekday mornings, or 12/3 after 2 p.m."),
        widget=forms.TextInput(attrs={"maxlength": "200"}),
    )
    contact_name = forms.CharField(
        label=_("Your name (contact person)"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": "60"}),
    )
    phone = _phone_field(_("Staff call this number to agree a time."))
    email = _email_field()

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = _service_choices()
        self.fields["village"].choices = [("", _("Choose a village"))] + [
            (str(v.pk), v.name) for v in office.villages.all()
        ]


class GroupRequestForm(CitizenRequestForm):
    required_fields = (
        "organisation",
        "people",
        "service",
        "preferred_dates",
        "contact_name",
        "phone",
    )

    organisation = forms.CharField(
        label=_("Company, school or group"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization", "maxlength": "120"}),
    )
    people = forms.CharField(
        label=_("Number of people"),
        required=False,
        help_text=_("2 to 500 people."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "4"}),
    )
    service = AnyChoiceField(label=_("Service needed"), required=False)
    preferred_dates = forms.CharField(
        label=_("Preferred dates and times"),
        required=False,
        help_text=_("For example: weekday mornings, or 12/3 after 2 p.m."),
        widget=forms.TextInput(attrs={"maxlength": "200"}),
    )
    place = forms.CharField(
        label=_("Where (optional)"),
        required=False,
        help_text=_(
            "Leave empty to come to the office; or give the address where staff should come."
        ),
        widget=forms.TextInput(attrs={"maxlength": "200"}),
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": "1000"}),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": "60"}),
    )
    phone = _phone_field(_("Staff call this number to agree a time."))
    email = _email_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = _service_choices()


class SessionBookingForm(CitizenRequestForm):
    required_fields = ("name", "people", "phone")

    name = forms.CharField(
        label=_("Your name, or the school's name"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "maxlength": "120"}),
    )
    people = forms.CharField(
        label=_("Number of people"),
        required=False,
        initial="1",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "4"}),
    )
    phone = _phone_field()
    email = _email_field(_("The confirmation is sent here; without one, by SMS."))


# --- staff ---------------------------------------------------------------------------


class ConfirmRequestForm(forms.Form):
    """Staff pick the date and time agreed with the applicant."""

    date = RocDateField(label=_("Date"))
    time = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Please enter a time such as 14:30.")},
    )
    note = forms.CharField(
        label=_("Note to the applicant (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def scheduled_at(self):
        data = self.cleaned_data
        return timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))


class DeclineRequestForm(forms.Form):
    note = forms.CharField(
        label=_("Why the request cannot be met"),
        # The service says a reason is needed, in one place; the form only reads it.
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
