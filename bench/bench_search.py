"""Server time of a search over 10,000 (or, with BENCH_DOCUMENTS=100000, 100,000)
documents. Target (issues 4 and 17): under 100 ms p95 on SQLite and PostgreSQL. The
generated corpus is built from the demo index's own sentences, so documents read like
the office's text; it is written by one INSERT … SELECT, 100,000 documents in well under
a minute. Run by `make bench`; results in docs/performance.md."""

import datetime as dt
import itertools
import os
import random
import re
import time
from urllib.parse import quote, unquote

from common import report, setup_django, time_calls

# BENCH_DOCUMENTS=100000 BENCH_ROUNDS=20 for the larger index (docs/performance.md);
# BENCH_DOCUMENTS=10000,100000 measures one size after the other on the same database.
SIZES = [int(n) for n in os.environ.get("BENCH_DOCUMENTS", "10000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "10"))
# BENCH_PREPARED=1 reuses a corpus of the right size left by an earlier run (with
# DATABASE_URL, or BENCH_SQLITE_PATH for SQLite) instead of generating it again: at
# 100,000 documents generating takes minutes on a loaded machine.
PREPARED = os.environ.get("BENCH_PREPARED") == "1"
BODY_SENTENCES = 8  # the body of a generated document: this many sentences
COMBINATIONS = 997  # facet and date combinations the documents draw from
QUERIES = [
    "掛失",
    "遷入",
    "戶籍謄本",
    "身份证",
    "English",
    "出生 登記",
    "查無此詞語",
    # issue 17: words in any order with synonyms, a typo corrected, a question, a fallback
    "身分證掉了怎麼辦",
    "戶藉謄本",
    "出生登記要帶什麼",
    "小孩出生要報戶口",
]


def main():
    setup_django()
    from django.db import connection
    from django.test import Client

    from huzheng.search import postings, text
    from huzheng.search.models import SearchDocument
    from huzheng.search.vocabulary import rebuild_vocabulary

    for documents in SIZES:
        started = time.perf_counter()
        if PREPARED and SearchDocument.objects.filter(source="bench").count() == documents:
            print("index: reusing the generated corpus (BENCH_PREPARED)")
        else:
            generate(connection, postings, text, SearchDocument, documents)
            rebuild_vocabulary()
        seconds = time.perf_counter() - started
        total = SearchDocument.objects.count()
        bodies = SearchDocument.objects.values_list("body", flat=True)[:2000]
        chars = sum(len(b) for b in bodies) / len(bodies)
        print(f"index: {total} documents, {chars:.0f} body characters each on average; ")
        print(f"built in {seconds:.1f} s on {connection.vendor}; load average {load()}")
        measure_paths(Client(), documents)
        print(f"load average after: {load()}")


def measure_paths(client, documents):
    paths = [f"/search/?q={quote(q)}" for q in QUERIES]
    paths += [
        f"/search/?q={quote('遷入')}&type=service&audience=new_immigrants",
        f"/search/?q={quote('遷入')}&page=5",
        f"/api/v1/search?q={quote('掛失')}",
    ]
    rows = []
    for path in paths:
        data = client.get(path.replace("/search/?", "/api/v1/search?")).json()
        measured = uncached(client, path, documents)
        rows.append((f"{unquote(path)} ({data['total']} hits)", measured))
    report(rows)


def generate(connection, postings, text, SearchDocument, documents):
    """``documents`` generated documents written by one INSERT … SELECT: each of a title, a
    summary and a body of BODY_SENTENCES sentences drawn from the demo index's own
    sentences (folded and cut into index terms once each, here), facets and a date from
    a table of 997 random combinations. The draws are arithmetic on the row number, so
    both databases get the same corpus."""
    from huzheng.search.taxonomy import Audience, DocumentType, Policy, ServiceCategory, Topic

    sentences = sorted(
        {
            s.strip()
            for row in SearchDocument.objects.values_list("summary", "body")
            for s in re.split(r"[。\n]", " ".join(row))
            if len(s.strip()) > 6
        }
    )
    rng = random.Random(4)
    combinations = []
    for n in range(COMBINATIONS):
        kind = rng.choice(DocumentType.values)
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
        facets = {
            ("type", kind),
            ("year", str(date.year)),
            *(("topic", v) for v in rng.sample(Topic.values, 2)),
            ("policy", rng.choice(Policy.values)),
            ("service", rng.choice(ServiceCategory.values)),
            *(("audience", v) for v in rng.sample(Audience.values, rng.randint(1, 2))),
        }
        tokens = " " + " ".join(f"{f}:{v}" for f, v in sorted(facets)) + " "
        combinations.append((n, kind, tokens, date, int(date.strftime("%Y%m%d"))))
    sentence_rows = []
    for n, sentence in enumerate(sentences):
        title = sentence[:24]
        folded, title_folded = text.index_text(sentence).strip(), text.index_text(title).strip()
        sentence_rows.append(
            (
                n,
                sentence,
                folded,
                postings.document_terms(folded),
                title,
                title_folded,
                postings.document_terms(title_folded),
            )
        )
    big = "bigint" if connection.vendor == "postgresql" else "integer"
    terms_cast = "::tsvector" if connection.vendor == "postgresql" else ""
    count = len(sentence_rows)

    def draw(k):  # a sentence number for row i, slot k
        return (
            f"((n.i + 1) * 2654435761 + {k + 1} * 40503 * (n.i %% 13 + 1)) %% 4294967291 %% {count}"
        )

    joins = " ".join(
        f"JOIN bench_sentence s{k} ON s{k}.id = {draw(k)}" for k in range(BODY_SENTENCES + 2)
    )
    body = " || '。' || ".join(f"s{k}.body" for k in range(2, BODY_SENTENCES + 2)) + " || '。'"
    body_index = " || ' ' || ".join(f"s{k}.folded" for k in range(2, BODY_SENTENCES + 2))
    terms = " || ' ' || ".join(
        ["s0.title_terms", "s1.terms", *(f"s{k}.terms" for k in range(2, BODY_SENTENCES + 2))]
    )
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchdocument WHERE source = 'bench'")
        cursor.execute("DROP TABLE IF EXISTS bench_sentence")
        cursor.execute("DROP TABLE IF EXISTS bench_combination")
        cursor.execute(
            "CREATE TABLE bench_sentence (id integer PRIMARY KEY, body text, folded text, "
            "terms text, title text, title_folded text, title_terms text)"
        )
        cursor.execute(
            "CREATE TABLE bench_combination (id integer PRIMARY KEY, type text, facets text, "
            "date date, day_number integer)"
        )
        cursor.executemany(
            "INSERT INTO bench_sentence VALUES (%s, %s, %s, %s, %s, %s, %s)", sentence_rows
        )
        cursor.executemany(
            "INSERT INTO bench_combination VALUES (%s, %s, %s, %s, %s)", combinations
        )
        cursor.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT CAST(0 AS {big}) UNION ALL SELECT i + 1 FROM n
                                    WHERE i < {documents - 1})
            INSERT INTO search_searchdocument (
                key, source, type, day_number, facets, title, title_index, names_index,
                summary_index, url, date, language, names, summary, body, indexed_at,
                text_index, terms)
            SELECT 'bench:' || n.i, 'bench', c.type, c.day_number, c.facets, s0.title,
                ' ' || s0.title_folded || ' ', '', ' ' || s1.folded || ' ',
                '/bench/' || n.i || '/', c.date, 'zh-hant', '', s1.body, {body}, %s,
                ' ' || s0.title_folded || ' |  | ' || s1.folded || ' |  ' || {body_index} || ' ',
                ({terms}){terms_cast}
            FROM n {joins}
            JOIN bench_combination c ON c.id = ((n.i + 1) * 40503) %% 4294967291 %% {COMBINATIONS}
            """,
            [dt.datetime.now(dt.UTC)],
        )
        cursor.execute("DROP TABLE bench_sentence")
        cursor.execute("DROP TABLE bench_combination")
        cursor.execute("ANALYZE")


def load():
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def uncached(client, path, documents):
    """(p50, p95) of the search itself: a parameter the view ignores makes every request
    new to the page cache (core/pagecache.py), which would otherwise answer the repeats.
    It names the corpus's size too: the corpus is written by SQL, which the page cache
    does not hear of, so a second size's (or run's) requests must not be the first's."""

    calls = itertools.count()  # the warm-ups' numbers are not the timed calls' again
    run = f"{documents}-{time.time_ns()}"

    def get(_n):
        response = client.get(f"{path}&bench={run}-{next(calls)}")
        assert response.status_code == 200, (path, response.status_code)

    return time_calls(get, ROUNDS, WARMUP)


if __name__ == "__main__":
    main()
