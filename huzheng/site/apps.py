from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "huzheng.site"
    label = "site"
    verbose_name = _("Public website")

    def ready(self):
        # In ready(): the models are loaded only once every app is; the catalog offers a
        # registry so that it never imports the site (see catalog/related.py).
        from huzheng.catalog import related
        from huzheng.site import chrome  # noqa: F401 - connects the cache-clearing signals
        from huzheng.site.models import faq_entries_for

        related.register("faq_entries", faq_entries_for)
