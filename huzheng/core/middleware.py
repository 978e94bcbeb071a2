"""Keep the current request within reach of the services, for the audit log."""

from contextvars import ContextVar

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
    """zh-Hant unless the visitor chose otherwise.

    Pages follow the language cookie set by the language switch, else the office's
    language, not the browser's Accept-Language: an office's site speaks Chinese first,
    and a visitor with an English browser in Penghu still expects it. API clients say
    what they want with Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if not translation.check_for_language(language or ""):
            language = None
        if language is None and request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        if request.path.startswith("/api/"):
            response.headers["Vary"] = ", ".join(
                filter(None, [response.headers.get("Vary"), "Accept-Language"])
            )
        return response


class RejectNulBytesMiddleware:
    """A NUL byte in the path or query is never a real request, and PostgreSQL refuses
    it in any text column; answer 400 before any view hands it to the database. (Form
    fields refuse NUL bytes themselves, with Django's ProhibitNullCharactersValidator.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.exceptions import BadRequest
        from django.http import JsonResponse
        from django.utils.translation import gettext

        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            if request.path.startswith("/api/"):
                message = gettext("The request contains characters that cannot be handled.")
                return JsonResponse({"code": "bad_request", "message": message}, status=400)
            raise BadRequest("NUL byte in request")
        return self.get_response(request)
