from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdCardsConfig(AppConfig):
    name = "huzheng.idcards"
    label = "idcards"
    verbose_name = _("ID cards")

    def ready(self):
        # Loss reports are national: any office's staff may read the full number, audited.
        from django.urls import reverse

        from huzheng.catalog import related
        from huzheng.core import reveal
        from huzheng.idcards.models import LossReport
        from huzheng.idcards.related import online_actions_for

        related.register("online_actions", online_actions_for)

        reveal.register(
            LossReport,
            office_lookup=None,
            back_url=lambda report: reverse("idcards_staff:list") + f"?q={report.reference}",
        )
