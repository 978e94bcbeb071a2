"""ASGI entry point: uvicorn huzheng.asgi:application."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huzheng.settings")
django_application = get_asgi_application()

from huzheng.core.keptpages import KeptPages  # noqa: E402 - needs Django set up

# Kept anonymous pages are answered in front of Django, without its per-request thread;
# everything else goes to Django unchanged (core.keptpages).
application = KeptPages(django_application)

# Everything loaded so far (Django, Wagtail, the apps: some 130,000 objects) lives as
# long as the process. Moved out of the collector's sight, a full collection no longer
# walks it: under load those walks cost about a tenth of each request's time
# (docs/performance.md, "Pages as served").
gc.freeze()
