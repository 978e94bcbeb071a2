"""Server time of a search over 10,000 documents. Target (issue 4): under 100 ms p95 on
SQLite and PostgreSQL. The generated corpus is built from the demo index's own sentences,
so documents read like the office's text. Run by `make bench`; results in
docs/performance.md."""

import datetime as dt
import os
import random
import re
import time
from urllib.parse import quote, unquote

from common import measure, report, setup_django

# BENCH_DOCUMENTS=100000 BENCH_ROUNDS=20 for the larger index (docs/performance.md).
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "10000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
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
    from django.test import Client

    from huzheng.search import services
    from huzheng.search.models import SearchDocument
    from huzheng.search.registry import Document, register_source
    from huzheng.search.taxonomy import Audience, DocumentType, Policy, ServiceCategory, Topic

    sentences = [
        s.strip()
        for row in SearchDocument.objects.values_list("summary", "body")
        for s in re.split(r"[。\n]", " ".join(row))
        if len(s.strip()) > 6
    ]
    rng = random.Random(4)

    def generated():
        for n in range(DOCUMENTS):
            body = "。".join(rng.choices(sentences, k=rng.randint(4, 12))) + "。"
            yield Document(
                key=f"bench:{n}",
                title=rng.choice(sentences)[:24],
                url=f"/bench/{n}/",
                type=rng.choice(DocumentType.values),
                summary=rng.choice(sentences),
                body=body,
                topics=rng.sample(Topic.values, 2),
                policies=[rng.choice(Policy.values)],
                services=[rng.choice(ServiceCategory.values)],
                audiences=rng.sample(Audience.values, rng.randint(1, 2)),
                date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
            )

    register_source("bench", generated)
    started = time.perf_counter()
    services.rebuild(["bench"])
    seconds = time.perf_counter() - started
    total = SearchDocument.objects.count()
    chars = sum(len(b) for b in SearchDocument.objects.values_list("body", flat=True))
    print(f"index: {total} documents, {chars / total:.0f} body characters each on average; ")
    print(f"built in {seconds:.1f} s")

    client = Client()
    paths = [f"/search/?q={quote(q)}" for q in QUERIES]
    paths += [
        f"/search/?q={quote('遷入')}&type=service&audience=new_immigrants",
        f"/search/?q={quote('遷入')}&page=5",
        f"/api/v1/search?q={quote('掛失')}",
    ]
    rows = []
    for path in paths:
        data = client.get(path.replace("/search/?", "/api/v1/search?")).json()
        rows.append((f"{unquote(path)} ({data['total']} hits)", measure(client, path, ROUNDS)))
    report(rows)


if __name__ == "__main__":
    main()
