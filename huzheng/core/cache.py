"""Cache generations: a cheap "forget everything cached for X" across app servers."""

from django.core.cache import cache


class Generation:
    """A counter in the "default" cache that names the current version of some cached
    data. Keys built with ``current()`` become unreachable when ``bump()`` is called, so
    one increment clears every office's and every language's entries at once."""

    def __init__(self, name):
        self.key = f"{name}:generation"

    def current(self):
        return cache.get_or_set(self.key, 1)

    def bump(self):
        try:
            cache.incr(self.key)
        except ValueError:  # expired or never set: any value but the old one will do
            cache.set(self.key, 2)
