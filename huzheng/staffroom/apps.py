from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffroomConfig(AppConfig):
    name = "huzheng.staffroom"
    label = "staffroom"
    verbose_name = _("Staff room")
