"""The staff account forms: they parse; staff/services.py checks and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.core.roles import ALL_ROLES


def _role_choices():
    return [(role, role) for role in ALL_ROLES]


class StaffForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=150, required=False)
    email = forms.CharField(label=_("e-mail"), max_length=254, required=False)
    title = forms.CharField(label=_("job title"), max_length=50, required=False)
    roles = forms.MultipleChoiceField(
        label=_("roles"),
        choices=_role_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only your office's roles; they apply to your office only."),
    )


class NewStaffForm(StaffForm):
    username = forms.CharField(
        label=_("user name"),
        max_length=150,
        help_text=_("Letters, digits, dots, hyphens and underscores."),
    )
    field_order = ["username", "name", "email", "title", "roles"]
