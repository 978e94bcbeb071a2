"""The inverted index of search documents (huzheng.search.postings): a terms column, filled
for the documents already indexed, and the database's full-text index over it — an FTS5
table kept by triggers on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

import huzheng.search.postings

SQLITE = [
    """CREATE VIRTUAL TABLE search_index_terms USING fts5(
        terms, content='search_searchdocument', content_rowid='id', detail=none,
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_index_terms_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_index_terms(rowid, terms) VALUES (new.id, new.terms);
    END""",
    """CREATE TRIGGER search_index_terms_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_index_terms(search_index_terms, rowid, terms)
        VALUES ('delete', old.id, old.terms);
    END""",
    """CREATE TRIGGER search_index_terms_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_index_terms(search_index_terms, rowid, terms)
        VALUES ('delete', old.id, old.terms);
        INSERT INTO search_index_terms(rowid, terms) VALUES (new.id, new.terms);
    END""",
    "INSERT INTO search_index_terms(search_index_terms) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_index_terms_insert",
    "DROP TRIGGER IF EXISTS search_index_terms_delete",
    "DROP TRIGGER IF EXISTS search_index_terms_update",
    "DROP TABLE IF EXISTS search_index_terms",
]
POSTGRESQL = [
    "CREATE INDEX search_document_terms ON search_searchdocument USING gin (terms)",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_document_terms"]


def fill_terms(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    rows = SearchDocument.objects.only("pk", "text_index")
    for document in rows.iterator(chunk_size=500):
        document.terms = huzheng.search.postings.document_terms(document.text_index)
        document.save(update_fields=["terms"])


def run(statements):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_everyday_synonyms"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="terms",
            field=huzheng.search.postings.IndexTermsField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
