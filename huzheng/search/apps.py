from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "huzheng.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # In ready(): these read models, which are loaded only once every app is.
        from huzheng.search import registry, signals, sources, tools

        registry.register_source(sources.PAGES, sources.page_documents)
        registry.register_source(sources.SERVICES, sources.service_documents)
        registry.register_source(sources.EFORMS, sources.eform_documents)
        registry.register_source(tools.TOOLS, tools.tool_documents)
        registry.on_source_changed(signals.source_changed)
        signals.connect()
