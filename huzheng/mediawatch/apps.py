from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaWatchConfig(AppConfig):
    name = "huzheng.mediawatch"
    label = "mediawatch"
    verbose_name = _("News monitoring")
