"""What other apps keep about a registration service and show on its guide page (the
site's FAQ entries, 常見問答). The catalog imports none of those apps, which import the
catalog: each registers a provider from its AppConfig.ready()."""

_providers = {}


def register(name, provider):
    """`provider(service)` returns the items shown under `name` on the guide page."""
    _providers[name] = provider


def related_to(service):
    """{name: [items]} from every registered provider, for the guide page's context."""
    return {name: list(provider(service)) for name, provider in _providers.items()}
