"""The limit the served benchmark compares against: a bare Django ASGI app with only
SecurityMiddleware and CommonMiddleware, answering each path with the bytes (and content
type) the platform answered it with, read from BARE_RESPONSES (a folder written by
bench_served.py). Run it under the same server command as the platform."""

import hashlib
import json
import os
from pathlib import Path

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpResponse, HttpResponseNotFound
from django.urls import re_path

FOLDER = Path(os.environ["BARE_RESPONSES"])

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-" + "0" * 60,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
    INSTALLED_APPS=[],
    USE_I18N=False,
)


def answer(request):
    key = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    body, meta = FOLDER / f"{key}.body", FOLDER / f"{key}.json"
    if not body.exists():
        return HttpResponseNotFound()
    # Read per request, as a view that renders would produce its bytes each time.
    return HttpResponse(body.read_bytes(), content_type=json.loads(meta.read_text())["type"])


urlpatterns = [re_path(r"", answer)]
application = get_asgi_application()
