"""Forms of the staff room: they parse; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.staffroom.models import Proposal, ProposalEvent
from huzheng.staffroom.templatetags.staffroom_tags import display_name


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "problem", "idea", "savings", "needs"]
        widgets = {
            f: forms.Textarea(attrs={"rows": 4}) for f in ["problem", "idea", "savings", "needs"]
        }


class MoveForm(forms.Form):
    state = forms.ChoiceField(label=_("next state"), choices=Proposal.State.choices)
    reason = forms.CharField(
        label=_("reasons"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("record"),
        choices=[c for c in ProposalEvent.Kind.choices if c[0] != ProposalEvent.Kind.STATE],
    )
    note = forms.CharField(
        label=_("note"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(label=_("file (photo or document)"), required=False)


class VoteForm(forms.Form):
    candidate = forms.TypedChoiceField(label=_("colleague"), coerce=int)
    reason = forms.CharField(label=_("why (optional)"), required=False, max_length=300)

    def __init__(self, candidates, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [(u.pk, display_name(u)) for u in candidates]


def test_form(attempt, data=None):
    """One radio group per drawn question, named by its position."""
    form = forms.Form(data)
    for row in attempt.questions.select_related("question"):
        form.fields[f"p{row.position}"] = forms.TypedChoiceField(
            label=f"{row.position}. {row.question.text}",
            choices=[(n, text) for n, text in row.question.options()],
            coerce=int,
            required=False,
            widget=forms.RadioSelect,
        )
    return form
