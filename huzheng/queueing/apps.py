from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueueingConfig(AppConfig):
    name = "huzheng.queueing"
    label = "queueing"
    verbose_name = _("Queue")

    def ready(self):
        # Connects the signals that clear the marquee cache on every change.
        from huzheng.queueing import services  # noqa: F401
