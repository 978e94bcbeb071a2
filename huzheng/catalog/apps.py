from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "huzheng.catalog"
    label = "catalog"
    verbose_name = _("Service catalog")

    def ready(self):
        from huzheng.catalog import models
        from huzheng.core.pagecache import invalidate_on

        # A guide, a fee or a fine changed: every kept page built from the catalog is stale.
        invalidate_on(
            "catalog",
            models.RegistrationService,
            models.RequiredDocument,
            models.Fee,
            models.ProcessStep,
            models.ChecklistQuestion,
            models.ServiceContact,
            models.FineRule,
        )
