"""What every request carries: its office (`request.office`), its language, and a
place in a context variable so the services can reach it for the audit log."""

import functools
from contextvars import ContextVar

from csp.constants import HEADER as CSP_HEADER
from csp.constants import HEADER_REPORT_ONLY as CSP_HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

_current_request = ContextVar("huzheng_current_request", default=None)


def current_request():
    return _current_request.get()


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


class OfficeMiddleware:
    """Sets `request.office` once per request: the office whose site answers it (a county
    runs one site per office), else the office coded HUZHENG_DEFAULT_OFFICE, else None.

    Which office a Wagtail site speaks for is the site app's knowledge; the function named
    by HUZHENG_REQUEST_OFFICE (`site.chrome.office_for_request`) answers it from a cache,
    so this costs no query. Views, forms and templates read `request.office` and never
    work it out again."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.resolve = import_string(settings.HUZHENG_REQUEST_OFFICE)

    def __call__(self, request):
        request.office = self.resolve(request)
        return self.get_response(request)


def client_ip(request):
    """The client's address. Behind HUZHENG_PROXY_COUNT trusted proxies (nginx), the
    address they appended to X-Forwarded-For; otherwise the socket's peer."""
    from django.conf import settings

    count = settings.HUZHENG_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR") or None


class LanguageMiddleware:
    """zh-Hant unless the visitor chose otherwise (`language_for`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        translation.activate(language_for(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        if request.path.startswith("/api/"):
            response.headers["Vary"] = ", ".join(
                filter(None, [response.headers.get("Vary"), "Accept-Language"])
            )
        return response


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy (settings.CONTENT_SECURITY_POLICY, through django-csp) and
    Permissions-Policy on every response, kept pages included. Wagtail's own admin
    templates carry inline scripts, so under /admin/ inline script is allowed; the
    public site allows none."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "script-src": ["'self'", "'unsafe-inline'"]}
        return parts

    def process_response(self, request, response):
        if _plain_policy(request, response):
            # The public site's policy is the same for every response: built once, not
            # on each request (a third of a kept page's own cost when it was rebuilt).
            policy, report_only, _excluding = _public_policies()
            if policy:
                response.headers.setdefault(CSP_HEADER, policy)
            if report_only:
                response.headers.setdefault(CSP_HEADER_REPORT_ONLY, report_only)
        else:
            response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


_CSP_RESPONSE_ATTRIBUTES = (
    "_csp_exempt",
    "_csp_exempt_ro",
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


def _plain_policy(request, response):
    """True when the response takes the site's policy unchanged: not the back office, no
    nonce, no per-view policy, no excluded prefixes, no debug page."""
    if request.path_info.startswith("/admin/") or getattr(request, "_csp_nonce", None):
        return False
    if any(hasattr(response, name) for name in _CSP_RESPONSE_ATTRIBUTES):
        return False
    if response.status_code in (404, 500) and settings.DEBUG:
        return False
    return not _public_policies()[2]


@functools.cache
def _public_policies():
    """(policy, report-only policy, whether some paths are excluded) from the settings,
    built once per process; a test that changes the settings starts it again."""
    from csp.utils import build_policy

    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    policy_ro = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {}
    excluding = bool(policy.get("EXCLUDE_URL_PREFIXES") or policy_ro.get("EXCLUDE_URL_PREFIXES"))
    return build_policy(), build_policy(report_only=True), excluding


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _public_policies.cache_clear()


class RejectNulBytesMiddleware:
    """Refuses, before any view runs, what no real request carries and what would
    otherwise reach a view as an exception: a NUL byte in the path, the query or a form
    or JSON body (PostgreSQL refuses it in any text column), a body over Django's size
    limits (413) and a broken multipart body (400). The API is answered in JSON with
    its documented statuses; pages with the 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return _refuse(request, 400)
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            status = _body_problem(request)
            if status:
                return _refuse(request, status)
        return self.get_response(request)


def _body_problem(request):
    """400 or 413 when the body is unusable, else None."""
    from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
    from django.http.multipartparser import MultiPartParserError

    content_type = request.content_type or ""
    try:
        if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            fields = request.POST
            for key, values in fields.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return 400
            for upload in request.FILES.values():
                if "\x00" in (upload.name or ""):
                    return 400
        elif request.path.startswith("/api/") or content_type.endswith("json"):
            body = request.body
            if b"\x00" in body or b"\\u0000" in body.lower():
                return 400
    except RequestDataTooBig:
        return 413
    except (MultiPartParserError, SuspiciousOperation, UnicodeDecodeError, ValueError):
        return 400
    return None


def _refuse(request, status):
    from django.core.exceptions import BadRequest
    from django.http import JsonResponse
    from django.utils import translation
    from django.utils.translation import gettext

    if request.path.startswith("/api/"):
        translation.activate(language_for(request))  # runs before LanguageMiddleware
        if status == 413:
            code, message = "too_large", gettext("The request is too large.")
        else:
            code = "bad_request"
            message = gettext("The request contains characters that cannot be handled.")
        return JsonResponse({"code": code, "message": message}, status=status)
    if status == 413:
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        return HttpResponse(render_to_string("400.html", request=request), status=413)
    raise BadRequest("Unusable request body")


def language_for(request):
    """The language of a request. Pages follow the language cookie set by the language
    switch, else the office's language, not the browser's Accept-Language: an office's
    site speaks Chinese first, and a visitor with an English browser in Penghu still
    expects it. API clients say what they want with Accept-Language."""
    from django.utils import translation

    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if not translation.check_for_language(language or ""):
        language = None
    if language is None and request.path.startswith("/api/"):
        language = translation.get_language_from_request(request)
    return language or settings.LANGUAGE_CODE
