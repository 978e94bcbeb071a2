"""Second factor for staff (雙重驗證): a time-based code (TOTP, django-otp) after the
password, for everyone who can read full national ID numbers.

Who needs it: superusers and every staff member holding a permission that opens the
audited reveal page (`core.reveal`), i.e. directors, registrars and counter staff; web
editors without those permissions sign in with the password alone. `HUZHENG_STAFF_2FA`
switches the requirement on (the default without DEBUG and outside demo mode).

The flow: the password sign-in is Wagtail's own (and django-axes still throttles it).
Until the session is verified, `SecondFactorMiddleware` sends a back-office request to
the verification step (or, for someone without a confirmed device, to enrolment) and
lets every other view see an anonymous visitor, so the queue console and the API refuse
the session too. Enrolment shows a QR code and ten one-time recovery codes. A wrong code
counts as a failed sign-in for django-axes, so codes are throttled like passwords; the
devices also slow down repeated misses themselves (django-otp's throttling) and refuse a
code already used. An administrator resets a lost device through `reset_devices`, which
writes the audit log.
"""

import re
from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.core.models import AuditEntry
from huzheng.core.qr import qr_svg

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"
# Six digits from the app, or a recovery code (eight letters and digits); spaces and
# dashes as people type them are dropped first.
_CODE = re.compile(r"^(?:\d{6}|[a-z2-7]{8})$")


def required_for(user):
    """True when this signed-in user must give a code before reaching staff pages."""
    if not settings.HUZHENG_STAFF_2FA or not getattr(user, "is_authenticated", False):
        return False
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    from huzheng.core import reveal

    return any(user.has_perm(permission) for permission in reveal.permissions())


def has_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def _exempt(path):
    # The two code pages exactly (not the reset page below them), sign-out, scripts.
    if path in (reverse("core_second_factor_verify"), reverse("core_second_factor_enrol")):
        return True
    return path.startswith(
        (
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
            settings.STATIC_URL,
        )
    )


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: an unverified user who needs a code is sent to
    the verification step on the back office and is anonymous everywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.HUZHENG_STAFF_2FA or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)  # no session: nobody is signed in
        if _exempt(request.path):
            return self.get_response(request)
        if request.path.startswith(reverse("wagtailadmin_home")):
            user = request.user
            if required_for(user) and not user.is_verified():
                return redirect(_step_url(user, _next_for(request)))
            return self.get_response(request)
        real_user = request.user
        request.user = SimpleLazyObject(lambda: _gate(real_user))
        return self.get_response(request)


def _gate(user):
    if required_for(user) and not user.is_verified():
        return AnonymousUser()
    return user


def _next_for(request):
    if request.path == reverse("wagtailadmin_login"):
        return request.GET.get("next", "")
    return request.get_full_path() if request.method == "GET" else ""


def _step_url(user, next_url):
    name = "core_second_factor_verify" if has_device(user) else "core_second_factor_enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code from your authenticator app, or one recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if not _CODE.match(code):
            raise forms.ValidationError(
                gettext(
                    "Enter the 6 digits shown in your authenticator app, or a recovery code "
                    "of 8 letters and digits."
                ),
                code="format",
            )
        return code


def _count_failure(request, user):
    """A wrong code is a failed sign-in for django-axes: the same lockout as passwords."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )


def _locked_out(request, user):
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_locked(request, {"username": user.get_username()})


def _locked_response(request):
    from axes.helpers import get_lockout_response

    user = request.user
    credentials = {"username": user.get_username()}
    logout(request)
    return get_lockout_response(request, credentials=credentials)


def check_code(user, code):
    """The confirmed device that accepts `code` (and marks it used), or None."""
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, TOTPDevice) != code.isdigit():
            continue
        verified = otp_verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def _throttled(user, code):
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, TOTPDevice) == code.isdigit() and not device.verify_is_allowed()[0]:
            return True
    return False


@method_decorator(never_cache, name="dispatch")
class VerifyView(TemplateView):
    """The step after the password: one code from the app or one recovery code."""

    template_name = "core/admin/second_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect("wagtailadmin_login")
        if not required_for(user) or user.is_verified():
            return redirect(_safe_next(request))
        if not has_device(user):
            return redirect(_step_url(user, request.GET.get("next", "")))
        if _locked_out(request, user):
            return _locked_response(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CodeForm())
        kwargs["next"] = _safe_next(self.request)
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            code = form.cleaned_data["code"]
            device = check_code(request.user, code)
            if device is not None:
                otp_login(request, device)
                request.session.cycle_key()
                return redirect(_safe_next(request))
            _count_failure(request, request.user)
            if _locked_out(request, request.user):
                return _locked_response(request)
            if _throttled(request.user, code):
                message = gettext("Too many wrong codes in a row. Wait a minute and try again.")
            else:
                message = gettext(
                    "This code is wrong or has already been used. Enter the code the app shows now."
                )
            form.add_error("code", message)
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(never_cache, name="dispatch")
class EnrolView(TemplateView):
    """Setting up the authenticator app: a QR code (and the key typed by hand), then one
    code to prove it works; the recovery codes are shown once."""

    template_name = "core/admin/second_factor_enrol.html"
    done_template_name = "core/admin/second_factor_recovery.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect("wagtailadmin_login")
        if has_device(user):
            # A second phone replaces nothing: a lost one is reset by an administrator.
            return redirect(_step_url(user, request.GET.get("next", "")))
        if settings.HUZHENG_STAFF_2FA and _locked_out(request, user):
            return _locked_response(request)
        return super().dispatch(request, *args, **kwargs)

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=TOTP_NAME, confirmed=False
        )

    def get_context_data(self, **kwargs):
        device = self.pending_device()
        kwargs.setdefault("form", CodeForm())
        kwargs.update(
            next=_safe_next(self.request),
            qr=qr_svg(device.config_url, label=gettext("QR code for your authenticator app")),
            secret=" ".join(_chunks(b32encode(device.bin_key).decode())),
        )
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = CodeForm(request.POST)
        device = self.pending_device()
        if form.is_valid():
            code = form.cleaned_data["code"]
            if code.isdigit() and device.verify_token(code):
                codes = confirm_device(request.user, device)
                otp_login(request, device)
                request.session.cycle_key()
                return self.response_class(
                    request=request,
                    template=[self.done_template_name],
                    context={"codes": codes, "next": _safe_next(request)},
                    using=self.template_engine,
                )
            _count_failure(request, request.user)
            form.add_error(
                "code",
                gettext("This code does not match. Check the phone's time and try the new code."),
            )
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _chunks(text, size=4):
    return [text[i : i + size] for i in range(0, len(text), size)]


@transaction.atomic
def confirm_device(user, device):
    """The app works: confirm its device, make fresh recovery codes, write the audit
    log. Returns the recovery codes (shown once; stored as django-otp keeps them)."""
    from huzheng.core.services import record_audit

    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _n in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    record_audit(user, AuditEntry.Action.CREATE, user, fields=["second factor"], reason="enrolled")
    return codes


@transaction.atomic
def reset_devices(actor, user, reason):
    """An administrator removes a staff member's devices (a lost phone); the next sign-in
    enrols again. Written to the audit log with the reason."""
    from huzheng.core.services import record_audit

    record_audit(actor, AuditEntry.Action.DELETE, user, fields=["second factor"], reason=reason)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def may_reset(actor):
    return actor.is_superuser or actor.has_perm("auth.change_user")


class ResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_("For example: phone lost, reported by the staff member in person."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if any(ord(ch) < 32 for ch in reason):
            raise forms.ValidationError(gettext("Write the reason as plain text."))
        if not reason:
            raise forms.ValidationError(gettext("Give the reason for the reset."))
        return reason


@method_decorator(never_cache, name="dispatch")
class ResetView(WagtailAdminTemplateMixin, View):
    """GET asks for the reason; POST removes the user's devices and writes the audit log."""

    template_name = "core/admin/second_factor_reset.html"
    page_title = _("Reset the second factor")
    header_icon = "key"

    def dispatch(self, request, user_id):
        if not may_reset(request.user):
            raise PermissionDenied
        from django.contrib.auth import get_user_model

        self.target = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            target=self.target,
            devices=list(devices_for_user(self.target, confirmed=None)),
        )
        return context

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ResetForm()))

    def post(self, request):
        form = ResetForm(request.POST)
        if form.is_valid():
            reset_devices(request.user, self.target, form.cleaned_data["reason"])
            from django.contrib import messages

            messages.success(
                request,
                gettext("The second factor of %(user)s was reset.")
                % {"user": self.target.get_username()},
            )
            return redirect("wagtailusers_users:index")
        return self.render_to_response(self.get_context_data(form=form), status=400)
