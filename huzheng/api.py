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

api = NinjaAPI(
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
