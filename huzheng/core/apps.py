from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "huzheng.core"
    label = "core"
    verbose_name = _("Offices and platform")

    def ready(self):
        from huzheng.core import checks  # noqa: F401 - registers the system checks
