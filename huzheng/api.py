"""The JSON API at /api/v1/: one NinjaAPI, a router per app, errors as
{"code": machine-readable, "message": for people, in the request's language}."""

import re

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from huzheng.addresses.api import router as addresses_router
from huzheng.appointments.api import router as appointments_router
from huzheng.cases.api import router as cases_router
from huzheng.catalog.api import router as catalog_router
from huzheng.core.api import router as core_router
from huzheng.core.errors import ApiError
from huzheng.core.services import OfficeNotFound
from huzheng.feedback.api import router as feedback_router
from huzheng.idcards.api import router as idcards_router
from huzheng.outreach.api import router as outreach_router
from huzheng.quality.api import router as quality_router
from huzheng.queueing.api import router as queueing_router
from huzheng.search.api import router as search_router
from huzheng.surveys.api import router as surveys_router

ERROR_STATUSES = {
    400: "The request cannot be handled (a NUL byte, a broken body).",
    401: "Sign-in (a staff session) or a kiosk token is needed.",
    403: "Not allowed here (another office, a missing role, a failed CSRF check).",
    404: "No such office or record.",
    409: "The request conflicts with the current state (full, already taken).",
    413: "The request body is too large.",
    422: "Some of the data sent is not valid; `errors` says which.",
    429: "Too many tries; try again later.",
}


class HuzhengAPI(NinjaAPI):
    """Every operation documents the error statuses any request may meet, each answered
    with the same JSON body, so clients (and schemathesis) know them."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = {
            "type": "object",
            "properties": {
                "code": {"type": "string", "description": "machine-readable"},
                "message": {"type": "string", "description": "for people"},
            },
            "required": ["code", "message"],
        }
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    if status in (401, 403) and not operation.get("security"):
                        continue
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    )
        return schema


def _docs_for_staff(view):
    """The interactive docs (Swagger UI, from our own static files) are for signed-in
    staff; the schema itself (openapi.json) stays public, since kiosks, displays and
    other agencies build their clients from it."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    if getattr(getattr(view, "func", None), "__name__", "") != "openapi_view":
        return view

    @wraps(view)
    def staff_only(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return staff_only


api = HuzhengAPI(
    docs_decorator=_docs_for_staff,
    title="Huzheng API",
    version="1",
    description=(
        "Household registration office services (戶政): offices, and as they land the "
        "service catalog, queue, appointments and look-ups. Errors are JSON with a "
        "machine-readable `code` and a human `message` in the language asked for by "
        "Accept-Language (zh-Hant by default)."
    ),
    urls_namespace="api-v1",
)
api.add_router("/offices", core_router)
api.add_router("/services", catalog_router)
api.add_router("/search", search_router)
api.add_router("/queue", queueing_router)
api.add_router("/appointments", appointments_router)
api.add_router("/idcards", idcards_router)
api.add_router("/cases", cases_router)
api.add_router("/addresses", addresses_router)
api.add_router("/what-next", outreach_router)
api.add_router("/feedback", feedback_router)
api.add_router("/quality", quality_router)
api.add_router("/surveys", surveys_router)


def error_response(request, status, code, message, **extra):
    return api.create_response(request, {"code": code, "message": message, **extra}, status=status)


@api.exception_handler(ApiError)
def _api_error(request, exc):
    return error_response(request, exc.status, exc.code, exc.message, **exc.extra)


@api.exception_handler(OfficeNotFound)
def _office_not_found(request, exc):
    code = str(exc)
    if re.fullmatch(r"[a-z0-9_-]{1,32}", code, flags=re.IGNORECASE):
        message = _("There is no household registration office with the code “%(code)s”.") % {
            "code": code
        }
    else:  # never echo what cannot be an office code
        message = _("There is no household registration office with that code.")
    return error_response(request, 404, "office_not_found", message)


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    fields = [
        {"field": ".".join(str(p) for p in e.get("loc", [])[1:]) or None, "message": e.get("msg")}
        for e in exc.errors
    ]
    return error_response(
        request, 422, "invalid", _("Some of the data sent is not valid."), errors=fields
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, 404, "not_found", _("Not found."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error_response(request, 401, "unauthenticated", _("Please sign in."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return error_response(request, exc.status_code, "error", str(exc))
