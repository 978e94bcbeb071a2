"""Template context every page needs."""

from django.conf import settings


def platform(request):
    return {"demo_mode": settings.HUZHENG_DEMO}
