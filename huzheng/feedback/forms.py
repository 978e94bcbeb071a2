"""Forms of the mailboxes, the tracking page and the back office. Fields are passed on as
typed; the services check them and say what is wrong."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.feedback.models import Channel, Mailbox


class MessageForm(forms.Form):
    """The opinion mailbox and the director's mailbox (意見信箱、主任信箱)."""

    name = forms.CharField(label=_("Your name"), max_length=300)
    email = forms.CharField(
        label=_("E-mail"),
        max_length=300,
        help_text=_("We send a confirmation link here; the message counts once you follow it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    category = forms.ChoiceField(label=_("About"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=600)
    body = forms.CharField(
        label=_("Your message"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 5,000 characters."),
    )
    # Left empty by people, who never see it; filled by robots that fill every field.
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Other / not sure"))] + [
            (str(c.pk), c.name) for c in categories
        ]


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("Message number"),
        max_length=80,
        help_text=_("As in the confirmation e-mail, for example 115-HUXI-F00123"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.CharField(
        label=_("E-mail"),
        max_length=300,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


SCORES = [
    ("5", _("5 – very satisfied")),
    ("4", _("4 – satisfied")),
    ("3", _("3 – neither")),
    ("2", _("2 – dissatisfied")),
    ("1", _("1 – very dissatisfied")),
]


class RateForm(forms.Form):
    score = forms.ChoiceField(
        label=_("Was the handling of your message satisfactory?"),
        choices=SCORES,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TakeForm(forms.Form):
    """Staff enter an opinion taken at the counter, by phone, by e-mail or in writing."""

    channel = forms.ChoiceField(
        label=_("Received"), choices=[c for c in Channel.choices if c[0] != Channel.WEB]
    )
    mailbox = forms.ChoiceField(label=_("Mailbox"), choices=Mailbox.choices)
    category = forms.ChoiceField(label=_("Category"), required=False)
    name = forms.CharField(label=_("Name"), max_length=300)
    email = forms.CharField(label=_("E-mail"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    subject = forms.CharField(label=_("Subject"), max_length=600)
    body = forms.CharField(label=_("Opinion"), max_length=20000, widget=forms.Textarea)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—")] + [(str(c.pk), c.name) for c in categories]
