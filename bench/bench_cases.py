"""Cases (issue 7): how fast the public progress query (申辦案件查詢) answers with
1,000,000 cases and two events each.

Target: POST /api/v1/cases/query under 30 ms p95 server time with 1,000,000 cases, on
PostgreSQL. BENCH_CASES sets the count (default 1,000,000); run with DATABASE_URL for
PostgreSQL. Cases are generated straight into the tables (the benchmark times the
reading side), with one shared encrypted placeholder for the ID numbers.
"""

import datetime as dt
import json
import os
import random

from common import report, setup_django, time_calls

CASES = int(os.environ.get("BENCH_CASES", "1000000"))
BATCH = 5_000
ROUNDS = 300
SEED = int(os.environ.get("BENCH_SEED", "7"))


def main():
    setup_django()
    from django.db import connection
    from django.test import Client

    print(f"database: {connection.vendor}")
    rng = random.Random(SEED)
    sample = _fill(rng)
    print(f"{CASES:,} cases")
    client = Client()

    def query(n, wrong=False):
        number, national_id = sample[n % len(sample)]
        body = {"case_number": number, "national_id": "A123456789" if wrong else national_id}
        # Each request from its own address, so the per-client limit never answers 429.
        response = client.post(
            "/api/v1/cases/query",
            json.dumps(body),
            content_type="application/json",
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        assert response.status_code == (404 if wrong else 200), response.content[:200]

    report(
        [
            ("POST /api/v1/cases/query (found)", time_calls(query, ROUNDS)),
            ("POST /api/v1/cases/query (wrong ID)", time_calls(lambda n: query(n, True), ROUNDS)),
        ]
    )


def _fill(rng):
    """CASES cases of the demo office with a 'received' and a 'review' event each;
    returns a sample of (case number, ID number) for the look-ups."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return _fill_in_sql(rng)
    return _fill_through_orm(rng)


def _fill_in_sql(rng):
    """The same rows written by PostgreSQL itself (a million in seconds, not minutes):
    placeholder hashes, then the real keyed hash for the sampled cases only, which are
    the only ones looked up."""
    from django.db import connection

    from huzheng.cases.models import Case
    from huzheng.catalog.models import RegistrationService
    from huzheng.core.crypto import encrypt, lookup_hash
    from huzheng.core.identity import check_digit_for
    from huzheng.core.models import Office

    office = Office.objects.get(code="huxi")
    service = RegistrationService.objects.order_by("pk").first()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO cases_case (number, office_id, year, sequence, service_id,
                applicant_name, national_id_hash, national_id_encrypted, national_id_masked,
                birth_date, phone, email, received_on, documents, due_on, stage,
                needs_reply, notify_email, notify_sms, created_at)
            SELECT (100 + mod(i, 15)) || '-HUXI-' || lpad((i / 15 + 1)::text, 6, '0'),
                %s, 100 + mod(i, 15), i / 15 + 1, %s, '測試', md5(i::text) || md5(i::text),
                %s, 'Y1****000', '1980-01-01', '', '', '2026-01-01', '[]', '2026-01-10',
                'review', false, false, false, now()
            FROM generate_series(0, %s - 1) AS i
            """,
            [office.pk, service.pk, encrypt("bench"), CASES],
        )
        cursor.execute(
            """
            INSERT INTO cases_caseevent (case_id, kind, stage, at, note)
            SELECT c.id, 'stage', s.stage, now(), ''
            FROM cases_case c CROSS JOIN (VALUES ('received'), ('review')) AS s(stage)
            WHERE c.number LIKE '%%-HUXI-%%' AND c.applicant_name = '測試'
            """
        )
        cursor.execute("ANALYZE cases_case")
        cursor.execute("ANALYZE cases_caseevent")
    kept = []
    for i in rng.sample(range(CASES), min(CASES, 3_000)):
        first_nine = f"Y{1 + i % 2}{i:07d}"
        number = first_nine + check_digit_for(first_nine)
        case_number = f"{100 + i % 15}-HUXI-{i // 15 + 1:06d}"
        Case.objects.filter(number=case_number).update(national_id_hash=lookup_hash(number))
        kept.append((case_number, number))
    return kept


def _fill_through_orm(rng):
    from django.utils import timezone

    from huzheng.cases.models import Case, CaseEvent, Stage
    from huzheng.catalog.models import RegistrationService
    from huzheng.core.crypto import encrypt, lookup_hash
    from huzheng.core.identity import check_digit_for, mask
    from huzheng.core.models import Office

    office = Office.objects.get(code="huxi")
    service = RegistrationService.objects.order_by("pk").first()
    placeholder = encrypt("bench")
    now = timezone.now()
    kept = []
    for start in range(0, CASES, BATCH):
        cases = []
        for i in range(start, min(CASES, start + BATCH)):
            first_nine = f"Y{1 + i % 2}{i:07d}"
            number = first_nine + check_digit_for(first_nine)
            # Fifteen years of numbers, as an office keeps them.
            year, sequence = 100 + i % 15, i // 15 + 1
            case_number = f"{year}-HUXI-{sequence:06d}"
            if len(kept) < 5_000 and rng.random() < 0.01:
                kept.append((case_number, number))
            cases.append(
                Case(
                    number=case_number,
                    office=office,
                    year=year,
                    sequence=sequence,
                    service=service,
                    applicant_name="測試",
                    national_id_hash=lookup_hash(number),
                    national_id_encrypted=placeholder,
                    national_id_masked=mask(number),
                    birth_date=dt.date(1980, 1, 1),
                    received_on=dt.date(2026, 1, 1),
                    due_on=dt.date(2026, 1, 10),
                    stage=Stage.REVIEW,
                )
            )
        made = Case.objects.bulk_create(cases)
        CaseEvent.objects.bulk_create(
            CaseEvent(case=case, stage=stage, at=now)
            for case in made
            for stage in (Stage.RECEIVED, Stage.REVIEW)
        )
    return kept


if __name__ == "__main__":
    main()
