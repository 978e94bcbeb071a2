from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "huzheng.site"
    label = "site"
    verbose_name = _("Public website")

    def ready(self):
        from huzheng.site import chrome  # noqa: F401 - connects the cache-clearing signals
