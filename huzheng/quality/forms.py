"""Back-office forms of the plan: the monthly meeting and the self-evaluation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.core import roc
from huzheng.core.text import clean_line, clean_text


class MeetingForm(forms.Form):
    date = roc.RocDateField(label=_("Date of the meeting"))
    chair = forms.CharField(label=_("Chair"), max_length=50, required=False)
    notes = forms.CharField(
        label=_("Review of the plan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )

    def clean_chair(self):
        return clean_line(self.cleaned_data["chair"])

    def clean_notes(self):
        return clean_text(self.cleaned_data["notes"])

    def clean_decisions(self):
        return clean_text(self.cleaned_data["decisions"])


class SpotCheckForm(forms.Form):
    subject = forms.CharField(label=_("What was checked"), max_length=200, required=False)
    staff = forms.CharField(label=_("Who"), max_length=100, required=False)
    finding = forms.CharField(label=_("Finding"), max_length=1000, required=False)

    def clean(self):
        data = {k: clean_line(v or "") for k, v in self.cleaned_data.items()}
        if (data.get("staff") or data.get("finding")) and not data.get("subject"):
            self.add_error("subject", _("Say what was checked."))
        return data


class ActionForm(forms.Form):
    action = forms.CharField(label=_("Follow-up action"), max_length=200, required=False)
    owner = forms.CharField(label=_("Owner"), max_length=100, required=False)
    due = roc.RocDateField(label=_("Due"), required=False)

    def clean(self):
        data = dict(self.cleaned_data)
        data["action"] = clean_line(data.get("action") or "")
        data["owner"] = clean_line(data.get("owner") or "")
        if (data["owner"] or data.get("due")) and not data["action"]:
            self.add_error("action", _("Say what is to be done."))
        return data


SpotCheckFormSet = forms.formset_factory(SpotCheckForm, extra=2, max_num=10)
ActionFormSet = forms.formset_factory(ActionForm, extra=2, max_num=10)


class ScoreForm(forms.Form):
    self_score = forms.DecimalField(
        label=_("Self-score"), max_digits=5, decimal_places=1, min_value=0, required=False
    )
    text = forms.CharField(
        label=_("Self-evaluation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )

    def clean_text(self):
        return clean_text(self.cleaned_data["text"])


class CountyScoreForm(forms.Form):
    county_score = forms.DecimalField(
        label=_("County's score"), max_digits=5, decimal_places=1, min_value=0, required=False
    )
    comment = forms.CharField(
        label=_("County's comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def clean_comment(self):
        return clean_text(self.cleaned_data["comment"])
