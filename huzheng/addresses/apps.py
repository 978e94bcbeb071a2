from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressesConfig(AppConfig):
    name = "huzheng.addresses"
    label = "addresses"
    verbose_name = _("Villages and house numbers")

    def ready(self):
        from huzheng.addresses.models import PopulationStatisticsPage
        from huzheng.addresses.population import services

        PopulationStatisticsPage.figures = services
