"""Forms of the catalog: the checklist's answers and the counter's extra slip fields."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huzheng.core.i18n import localized
from huzheng.core.roc import RocDateField


class ChecklistForm(forms.Form):
    """The wizard's answers for one service: yes/no per question, and the event date."""

    event_date = RocDateField(
        label=gettext_lazy("Date of the event (birth, marriage, move …)"),
        required=False,
        allow_future=False,
    )

    def __init__(self, service, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        for question in service.questions.all():
            self.fields[question.key] = forms.ChoiceField(
                label=localized(question, "text"),
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=forms.RadioSelect,
                required=True,
            )
        if not service.has_deadline:
            del self.fields["event_date"]

    def answers(self):
        return {q.key: self.cleaned_data[q.key] for q in self.service.questions.all()}


class StaffSlipForm(forms.Form):
    applicant_label = forms.CharField(
        label=gettext_lazy("Shown on the slip as (optional)"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Only what the applicant agrees to show, for example 王先生."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)
