"""Platform views: the health probe and the offices' public pages."""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from huzheng.core import freshness, services
from huzheng.core.models import Office, WorkerHeartbeat
from huzheng.core.pagecache import public_page


@never_cache
def healthz(request):
    """Database, cache and task worker state as JSON. 503 when this app server cannot
    serve (database or cache down); a stopped worker only degrades the answer, since
    taking the app server out of the load balancer would not bring the worker back."""
    database = _check_database()
    cache = _check_caches()
    worker = _check_worker()
    redis = _check_redis()
    # Without Redis the caches answer from their fallbacks (core.fallbackcache) and the
    # boards poll the database: still serving, but degraded.
    serving = database["ok"] and cache["ok"]
    healthy = serving and worker["ok"] and redis.get("ok", True)
    status = "ok" if healthy else ("degraded" if serving else "down")
    return JsonResponse(
        {
            "status": status,
            "database": database,
            "cache": cache,
            "redis": redis,
            "tasks": worker,
            "demo_mode": settings.HUZHENG_DEMO,
            "time": timezone.now().isoformat(),
        },
        status=200 if serving else 503,
    )


def _check_database():
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the probe must not 500
        return {"ok": False, "vendor": connection.vendor, "error": type(exc).__name__}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def _check_caches():
    result = {"ok": True}
    for alias in ("default", "shared"):
        key = f"healthz:{uuid.uuid4().hex}"
        try:
            cache = caches[alias]
            cache.set(key, "1", 10)
            ok = cache.get(key) == "1"
            cache.delete(key)
        except Exception as exc:  # as above: report, never raise
            result[alias] = {"ok": False, "error": type(exc).__name__}
            result["ok"] = False
            continue
        backend = settings.CACHES[alias]["BACKEND"].rsplit(".", 1)[-1]
        result[alias] = {"ok": ok, "backend": backend}
        result["ok"] = result["ok"] and ok
    return result


def _check_redis():
    if not settings.REDIS_URL:
        return {"used": False}
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
        client.close()
    except Exception as exc:  # unreachable: degraded, never a 500
        return {"used": True, "ok": False, "error": type(exc).__name__}
    return {"used": True, "ok": True}


def _check_worker():
    backend = settings.TASKS["default"]["BACKEND"].rsplit(".", 1)[-1]
    try:
        beat = WorkerHeartbeat.objects.order_by("-last_seen").first()
    except Exception as exc:  # the database check reports the cause
        return {"ok": False, "backend": backend, "error": type(exc).__name__}
    if beat is None:
        return {"ok": False, "backend": backend, "state": "never_seen"}
    age = (timezone.now() - beat.last_seen).total_seconds()
    alive = age <= settings.HUZHENG_WORKER_STALE_SECONDS
    return {
        "ok": alive,
        "backend": backend,
        "state": "running" if alive else "stale",
        "last_seen": beat.last_seen.isoformat(),
        "seconds_since_last_seen": round(age, 1),
    }


def switch_language(request, code):
    """The header's language links (語言切換): a plain link, so every page stays the same
    for every visitor (no form, no CSRF token) and can be kept in the page cache. Sets
    the language cookie and goes back to the page the visitor was on."""
    from django.http import HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    if code not in dict(settings.LANGUAGES):
        raise Http404(code[:10])
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or any(ch in target for ch in "\r\n\x00"):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "no-store"
    return response


@public_page("site")
def office_list(request):
    """Every active office with its status now (各所服務資訊)."""
    offices = Office.objects.filter(is_active=True).prefetch_related("opening_periods")
    return render(
        request,
        "core/office_list.html",
        {
            "offices": [(office, services.opening_status(office)) for office in offices],
            "page_updated_at": freshness.newest(*(office.updated_at for office in offices)),
        },
    )


@public_page("site")
def office_detail(request, code):
    """One office: contact, hours, status now, and the special days ahead."""
    try:
        office = services.get_office(code)
    except services.OfficeNotFound:
        raise Http404(code) from None
    return render(
        request,
        "core/office_detail.html",
        {
            "office": office,
            "status": services.opening_status(office),
            "special_days": services.upcoming_special_days(office),
            "page_updated_at": office.updated_at,
        },
    )
