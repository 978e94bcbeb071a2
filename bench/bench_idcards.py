"""ID cards (issue 7): how fast the validity check (領補換資料查詢) answers with
1,000,000 residents in the demo registry.

Target: POST /api/v1/idcards/validity under 30 ms p95 server time with 1,000,000
residents, on PostgreSQL. BENCH_RESIDENTS sets the count (default 1,000,000); run with
DATABASE_URL for PostgreSQL. The residents are generated straight into the table (the
benchmark times the reading side), with one shared encrypted placeholder instead of a
million Fernet tokens, which only audited staff reads would ever open.
"""

import datetime as dt
import json
import os
import random

from common import report, setup_django, time_calls

RESIDENTS = int(os.environ.get("BENCH_RESIDENTS", "1000000"))
BATCH = 5_000
ROUNDS = 300
SEED = int(os.environ.get("BENCH_SEED", "7"))


def main():
    setup_django()
    from django.db import connection
    from django.test import Client

    print(f"database: {connection.vendor}")
    rng = random.Random(SEED)
    people = _fill(rng)
    print(f"{RESIDENTS:,} residents")
    client = Client()
    sample = rng.sample(people, min(len(people), ROUNDS))

    def validity(n, wrong=False):
        number, issued = sample[n % len(sample)]
        body = {
            "national_id": number,
            "issue_date": issued.isoformat(),
            "issue_type": "first" if wrong else "replacement",
            "issue_place": "10016",
        }
        # Each request from its own address, so the per-client limit never answers 429.
        response = client.post(
            "/api/v1/idcards/validity",
            json.dumps(body),
            content_type="application/json",
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        assert response.status_code == 200, response.content[:200]

    report(
        [
            ("POST /api/v1/idcards/validity (latest)", time_calls(validity, ROUNDS)),
            (
                "POST /api/v1/idcards/validity (not latest)",
                time_calls(lambda n: validity(n, True), ROUNDS),
            ),
        ]
    )


def _fill(rng):
    from django.db import connection

    if connection.vendor == "postgresql":
        return _fill_in_sql(rng)
    return _fill_through_orm(rng)


def _fill_in_sql(rng):
    """The same residents written by PostgreSQL itself (a million in seconds, not
    minutes): placeholder hashes, then the real keyed hash and issue date for the
    sampled residents only, which are the only ones looked up."""
    from django.db import connection

    from huzheng.core.crypto import encrypt, lookup_hash
    from huzheng.core.identity import check_digit_for
    from huzheng.idcards.models import Resident

    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO idcards_resident (name, national_id_hash, national_id_encrypted,
                national_id_masked, birth_date, card_issue_date, card_issue_type,
                card_issue_place, card_status)
            SELECT '測試', md5(i::text) || md5(i::text), %s, 'Y1****000', '1980-01-01',
                date '2005-01-01' + mod(i::bigint * 7919, 7000)::int, 'replacement', '10016',
                'valid'
            FROM generate_series(0, %s - 1) AS i
            ON CONFLICT DO NOTHING
            """,
            [encrypt("bench"), RESIDENTS],
        )
        cursor.execute("ANALYZE idcards_resident")
    kept = []
    for i in rng.sample(range(RESIDENTS), min(RESIDENTS, 3_000)):
        first_nine = f"Y{1 + i % 2}{i:07d}"
        number = first_nine + check_digit_for(first_nine)
        issued = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7000))
        Resident.objects.filter(national_id_hash=f"{_md5(i)}{_md5(i)}").update(
            national_id_hash=lookup_hash(number), card_issue_date=issued
        )
        kept.append((number, issued))
    return kept


def _md5(i):
    import hashlib

    return hashlib.md5(str(i).encode()).hexdigest()


def _fill_through_orm(rng):
    """RESIDENTS made-up people with numbers Y + 8 digits + check digit; returns a
    sample of (number, issue date) kept for the look-ups."""
    from huzheng.core.crypto import encrypt, lookup_hash
    from huzheng.core.identity import check_digit_for, mask
    from huzheng.idcards.models import Resident

    placeholder = encrypt("bench")
    kept = []
    rows = []
    for i in range(RESIDENTS):
        first_nine = f"Y{1 + i % 2}{i:07d}"
        number = first_nine + check_digit_for(first_nine)
        issued = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7000))
        if len(kept) < 5_000 and rng.random() < 0.01:
            kept.append((number, issued))
        rows.append(
            Resident(
                name="測試",
                national_id_hash=lookup_hash(number),
                national_id_encrypted=placeholder,
                national_id_masked=mask(number),
                birth_date=dt.date(1980, 1, 1),
                card_issue_date=issued,
                card_issue_type="replacement",
                card_issue_place="10016",
            )
        )
        if len(rows) == BATCH:
            Resident.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    Resident.objects.bulk_create(rows, ignore_conflicts=True)
    return kept


if __name__ == "__main__":
    main()
