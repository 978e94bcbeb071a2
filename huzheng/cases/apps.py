from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "huzheng.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Staff may read a case's full ID number through the core's audited page.
        from django.urls import reverse

        from huzheng.cases.models import Case
        from huzheng.core import reveal

        reveal.register(Case, back_url=lambda case: reverse("cases_staff:detail", args=[case.pk]))
