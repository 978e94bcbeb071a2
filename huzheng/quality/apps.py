from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "huzheng.quality"
    label = "quality"
    verbose_name = _("Service quality")

    def ready(self):
        from huzheng.core.pagecache import invalidate_on
        from huzheng.core.roles import register_page_scope
        from huzheng.quality.county import separate_office_sites
        from huzheng.quality.models import Plan, PlanItem

        # Setting up the roles puts page permissions on the root page; with offices on
        # sites of their own they go straight back to each office's site.
        register_page_scope(separate_office_sites)

        # The public plan pages are kept in the page cache; any edit of a plan makes
        # them stale, whether made by a service, the back office or a command.
        invalidate_on("quality", Plan, PlanItem)
