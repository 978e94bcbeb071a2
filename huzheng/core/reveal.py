"""Showing staff a record's full national ID number (查閱完整身分證字號), one audited read
at a time.

Apps register the models whose encrypted number staff may read (from their own
`ready()`, so the core imports none of them). One back-office view serves them all: it
asks why the number is needed, and only a valid reason leads to
`huzheng.core.services.reveal`, which writes the read to the audit log before it
decrypts. Staff see only their own office's records, unless a model is national
(ID card loss reports may be taken and checked by any office).
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.core import crypto
from huzheng.core.services import for_staff, reveal, staff_office_ids

MAX_DB_ID = 2**63 - 1
MAX_OTHER_REASON = 200

# Why a staff member needs the full number; the English wording goes into the audit log.
COUNTER = "counter"
APPLICANT = "applicant"
CORRECTION = "correction"
OTHER = "other"
REASONS = [
    (COUNTER, _("Checking the card at the counter")),
    (APPLICANT, _("Answering the applicant")),
    (CORRECTION, _("Correcting a record")),
    (OTHER, _("Other")),
]


@dataclass(frozen=True)
class Revealable:
    """A model whose encrypted ID number staff may read through the audited view."""

    model: type
    field: str
    encrypted_attr: str
    permission: str
    # The path from the record to its office's id; None for national records.
    office_lookup: str | None
    back_url: Callable | None

    def back(self, obj):
        return self.back_url(obj) if self.back_url else reverse("wagtailadmin_home")


_registry: dict[str, Revealable] = {}


def register(
    model,
    *,
    field="national_id",
    encrypted_attr="national_id_encrypted",
    permission=None,
    office_lookup="office_id",
    back_url=None,
):
    """Let staff read `model`'s encrypted number through the audited view. `permission`
    defaults to the model's view permission; `office_lookup=None` makes every office's
    staff with that permission allowed; `back_url(obj)` is where the page links back to."""
    model._meta.get_field(encrypted_attr)  # fail at start-up, not at the counter
    opts = model._meta
    _registry[opts.label_lower] = Revealable(
        model=model,
        field=field,
        encrypted_attr=encrypted_attr,
        permission=permission or f"{opts.app_label}.view_{opts.model_name}",
        office_lookup=office_lookup,
        back_url=back_url,
    )


def registered(app_label, model_name):
    """The registration of a model by its app label and model name, or None."""
    return _registry.get(f"{app_label}.{model_name}".lower())


def permissions():
    """Every permission that opens the reveal page for some model: who holds one can
    read full ID numbers (and so needs the second factor, `core.secondfactor`)."""
    return {entry.permission for entry in _registry.values()}


def may_reveal(user, obj):
    """True when this staff member may ask for this record's full number."""
    entry = _registry.get(obj._meta.label_lower)
    if entry is None or not user.has_perm(entry.permission):
        return False
    office_ids = staff_office_ids(user)
    if office_ids is None or entry.office_lookup is None:
        return True
    return _office_id(obj, entry.office_lookup) in office_ids


def reveal_url(obj):
    opts = obj._meta
    return reverse("core_reveal", args=[opts.app_label, opts.model_name, obj.pk])


def find_subject(user, app_label, model_name, pk):
    """(registration, record) for the view: 404 for an unknown or unregistered model,
    a missing record or another office's; 403 without the model's permission. The
    permission is checked before any lookup, so a refusal says nothing about a record."""
    entry = registered(app_label, model_name)
    if entry is None:
        raise Http404
    if not user.has_perm(entry.permission):
        raise PermissionDenied
    if not 0 < pk <= MAX_DB_ID:
        raise Http404
    queryset = entry.model._default_manager.filter(pk=pk)
    if entry.office_lookup is not None:
        queryset = for_staff(queryset, user, entry.office_lookup)
    obj = queryset.first()
    if obj is None:
        raise Http404
    return entry, obj


class RevealError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def reveal_for_staff(user, entry, obj, reason):
    """The record's full number, with the read and its reason written to the audit log."""
    token = getattr(obj, entry.encrypted_attr, "")
    if not token:
        raise RevealError(gettext("No full ID number is stored for this record."))
    try:
        return reveal(token, user=user, subject=obj, field=entry.field, reason=reason)
    except crypto.DecryptionError:
        # The attempt stays in the audit log; the number cannot be read with this key.
        raise RevealError(
            gettext("The stored number cannot be read. Please tell the system administrator.")
        ) from None


class RevealReasonForm(forms.Form):
    """Why the full number is needed: a fixed reason, or "other" with a few words."""

    reason = forms.ChoiceField(
        label=_("Why do you need the full ID number?"),
        choices=REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose why you need the full ID number.")},
    )
    other = forms.CharField(
        label=_("Other reason"),
        required=False,
        max_length=MAX_OTHER_REASON,
        help_text=_("Required when you choose “Other”; up to 200 characters."),
        error_messages={
            "max_length": _("Please keep the reason to %(limit_value)d characters or fewer.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_other(self):
        text = self.cleaned_data["other"]
        if any(unicodedata.category(char) in ("Cc", "Cf") for char in text):
            raise forms.ValidationError(
                _("The reason may contain only ordinary characters on one line.")
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("reason") == OTHER
            and not cleaned.get("other")
            and "other" not in self.errors
        ):
            self.add_error("other", _("Please say in a few words why you need the full number."))
        return cleaned

    def audit_reason(self):
        """The reason as the audit log keeps it: the fixed reason in English, or the
        staff member's own words for "other"."""
        code = self.cleaned_data["reason"]
        if code == OTHER:
            return self.cleaned_data["other"]
        with translation.override("en"):
            return str(dict(REASONS)[code])


@method_decorator(never_cache, name="dispatch")
class RevealView(WagtailAdminTemplateMixin, View):
    """GET asks for the reason and decrypts nothing; POST with a valid reason shows the
    number once, on the page itself (never in a URL or a stored message)."""

    template_name = "core/admin/reveal.html"
    result_template_name = "core/admin/reveal_result.html"
    page_title = _("Show the full ID number")
    header_icon = "view"

    def dispatch(self, request, app_label, model_name, pk):
        try:
            self.entry, self.subject = find_subject(request.user, app_label, model_name, pk)
        except PermissionDenied:
            # A plain 403 page: Wagtail would turn the refusal into a redirect home.
            self.entry = self.subject = None
            self.template_name = "core/admin/reveal_denied.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=RevealReasonForm()))

    def post(self, request):
        form = RevealReasonForm(request.POST)
        if form.is_valid():
            try:
                number = reveal_for_staff(
                    request.user, self.entry, self.subject, form.audit_reason()
                )
            except RevealError as exc:
                form.add_error(None, exc.message)
            else:
                self.template_name = self.result_template_name
                return self.render_to_response(self.get_context_data(number=number))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.subject is None:
            return context
        context.update(
            subject=self.subject,
            subject_kind=self.entry.model._meta.verbose_name,
            masked=getattr(self.subject, "national_id_masked", ""),
            back_url=self.entry.back(self.subject),
        )
        return context


def _office_id(obj, lookup):
    value = obj
    for part in lookup.split("__"):
        value = getattr(value, part, None)
    return value
