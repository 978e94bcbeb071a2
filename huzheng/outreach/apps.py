from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "huzheng.outreach"
    label = "outreach"
    verbose_name = _("Proactive notices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from huzheng.core import reveal
        from huzheng.core.pagecache import invalidate_on
        from huzheng.outreach import receivers  # noqa: F401 - connects the completion signal
        from huzheng.outreach.models import ChecklistLine, LifeEventChecklist, WorkItem

        invalidate_on("outreach", LifeEventChecklist, ChecklistLine)
        reveal.register(
            WorkItem, back_url=lambda item: reverse("outreach_staff:item", args=[item.pk])
        )
