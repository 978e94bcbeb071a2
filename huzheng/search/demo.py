"""Search's demo rows: the everyday synonyms (as the data migration loads them, again
after a test flushed the tables), the index of what every other app's seed() made — so
search must come last of the huzheng apps in INSTALLED_APPS — and one best bet."""

from huzheng.search import services
from huzheng.search.everyday import SYNONYMS
from huzheng.search.models import BestBet, Synonym

DEMO_BEST_BETS = [("身分證掉了", "/idcards/lost/")]


def seed():
    for phrase, means in SYNONYMS:
        Synonym.objects.get_or_create(phrase=phrase, means=means)
    services.rebuild()
    for query, url in DEMO_BEST_BETS:
        if not BestBet.objects.filter(query=query, url=url).exists():
            services.save_best_bet(None, query=query, url=url)
