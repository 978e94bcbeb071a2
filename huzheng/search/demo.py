"""Search has no demo rows of its own: it indexes what every other app's seed() made,
so it must come last of the huzheng apps in INSTALLED_APPS."""

from huzheng.search import services


def seed():
    services.rebuild()
