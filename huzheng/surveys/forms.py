"""The answering form, built from a survey's questions: it parses what was sent into
{question id: value}; the service checks it again and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huzheng.core.text import clean_line, clean_text
from huzheng.surveys.models import LONG_TEXT_MAX, SHORT_TEXT_MAX, Question


class AnswerForm(forms.Form):
    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _field(question)

    def answers(self):
        """{question id: value} from the cleaned data."""
        found = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if question.kind in (Question.Kind.SCALE, Question.Kind.SINGLE):
                found[question.pk] = int(value) if value else None
            elif question.kind == Question.Kind.MULTIPLE:
                found[question.pk] = [int(v) for v in value or []]
            elif question.kind == Question.Kind.SHORT:
                found[question.pk] = clean_line(value or "")
            else:
                found[question.pk] = clean_text(value or "").strip()
        return found

    def rows(self):
        """(question, bound field) pairs for the template."""
        return [(question, self[f"q{question.pk}"]) for question in self.questions]


def _field(question):
    label = question.display_text()
    required = question.required
    messages = {"required": _("Please answer this question.")}
    if question.kind == Question.Kind.SCALE:
        low, high = question.scale_labels()
        choices = [(str(n), str(n)) for n in range(1, 6)]
        field = forms.ChoiceField(
            label=label,
            required=required,
            choices=choices,
            widget=forms.RadioSelect,
            error_messages=messages,
        )
        field.scale_labels = (low, high)
        return field
    if question.kind == Question.Kind.SINGLE:
        return forms.ChoiceField(
            label=label,
            required=required,
            choices=[(str(i), text) for i, text in question.display_choices()],
            widget=forms.RadioSelect,
            error_messages=messages,
        )
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label,
            required=required,
            choices=[(str(i), text) for i, text in question.display_choices()],
            widget=forms.CheckboxSelectMultiple,
            error_messages=messages,
        )
    limit = SHORT_TEXT_MAX if question.kind == Question.Kind.SHORT else LONG_TEXT_MAX
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        strip=True,
        widget=forms.TextInput
        if question.kind == Question.Kind.SHORT
        else forms.Textarea(attrs={"rows": 5}),
        error_messages={
            **messages,
            "max_length": _(
                "Please keep this answer to %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
