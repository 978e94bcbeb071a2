"""How well search answers everyday queries on the demo site: Recall@5 (the share of
queries whose expected result is in the top five) and the no-result rate, over the
regression set of huzheng/search/tests/test_everyday_queries.py, for today's search
and for the phrase match it replaced (every space-separated term one contiguous
phrase, no synonyms, no correction). Results in docs/performance.md, "Search"."""

from common import setup_django


def main():
    setup_django()
    from huzheng.search import analysis, services, text
    from huzheng.search.models import SearchDocument
    from huzheng.search.tests import test_everyday_queries as everyday

    def phrase_match(query):
        terms = text.query_terms(query)
        if not terms:
            return []
        understood = analysis.Analysis(query=query, groups=[[t] for t in terms])
        rows = services._ranked(services._matching(understood.groups, {}), understood)
        urls = dict(
            SearchDocument.objects.filter(pk__in=[r[0] for r in rows[:5]]).values_list("pk", "url")
        )
        return [urls[r[0]] for r in rows[:5]]

    def today(query):
        return [hit.url for hit in services.search(query).hits[:5]]

    classes = {
        "word order": everyday.WORD_ORDER,
        "questions": everyday.QUESTIONS,
        "synonyms and simplified": everyday.SYNONYMS,
        "typos": everyday.TYPOS,
        "online services": everyday.TOOLS,
    }
    print(f"demo index: {SearchDocument.objects.count()} documents")
    print(f"{'class':26} {'n':>3} {'before R@5':>11} {'now R@5':>8} {'before 0':>9} {'now 0':>6}")
    totals = [0, 0, 0, 0, 0]
    for name, queries in [*classes.items(), ("all", everyday.EVERYDAY)]:
        before = [phrase_match(q) for q, _e in queries]
        now = [today(q) for q, _e in queries]
        row = [
            len(queries),
            sum(e in urls for (_q, e), urls in zip(queries, before, strict=True)),
            sum(e in urls for (_q, e), urls in zip(queries, now, strict=True)),
            sum(not urls for urls in before),
            sum(not urls for urls in now),
        ]
        n = row[0]
        print(
            f"{name:26} {n:>3} {row[1] / n:>10.0%} {row[2] / n:>8.0%} "
            f"{row[3] / n:>9.0%} {row[4] / n:>6.0%}"
        )
        if name == "all":
            totals = row
    missed = [q for q, e in everyday.EVERYDAY if e not in today(q)]
    print("missed now:", ", ".join(missed) or "none")
    return totals


if __name__ == "__main__":
    main()
