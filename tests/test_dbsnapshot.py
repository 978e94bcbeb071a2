"""The demo snapshot (tests/dbsnapshot.py) puts back exactly the rows it was taken with,
whatever the tables hold when it is restored, and the search index with them."""

from django.db import connection

from huzheng.core.db import install_audit_guard, remove_audit_guard
from huzheng.search import postings, services
from huzheng.search.models import SearchDocument
from huzheng.search.registry import Document
from tests.dbsnapshot import DatabaseSnapshot


def test_a_restore_over_other_rows_brings_back_the_rows_and_their_search_index(db):
    _index("test:kept", "戶籍謄本申請")
    snapshot = DatabaseSnapshot(connection)
    _index("test:added", "國民身分證掛失")
    services.remove_document("test:kept")
    remove_audit_guard(connection)  # as built_once does: the restore empties the log too
    try:
        snapshot.restore(connection)
    finally:
        install_audit_guard(connection)
    assert list(SearchDocument.objects.values_list("key", flat=True)) == ["test:kept"]
    assert _found("謄本") == {"test:kept"}
    assert _found("掛失") == set()
    if connection.vendor == "sqlite":  # the FTS5 table holds exactly the documents left
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_index_terms(search_index_terms) VALUES ('integrity-check')"
            )
            cursor.execute("SELECT count(*) FROM search_index_terms")
            assert cursor.fetchone()[0] == 1


def _index(key, title):
    services.index_document("test", Document(key=key, title=title, url=f"/{key}/", type="service"))


def _found(word):
    candidates = postings.candidates([[word]])
    return set(SearchDocument.objects.filter(candidates).values_list("key", flat=True))
