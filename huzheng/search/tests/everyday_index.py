"""The demo site's searchable content, indexed once per test module: every catalog
service, e-form and online tool as the real sources index them, and the demo's news,
laws and questions as Documents (without building Wagtail pages, which takes seconds)."""

import datetime as dt
import warnings

import pytest
from django.db import transaction
from django.utils.deprecation import RemovedInDjango60Warning
from django.utils.html import strip_tags

from huzheng.search import services
from huzheng.search.registry import Document


def build():
    from huzheng.catalog import demo as catalog_demo
    from huzheng.site import demo as site_demo

    catalog_demo.seed()
    today = dt.date(2026, 6, 1)
    for spec in site_demo.NEWS:
        if spec.get("scheduled") or spec.get("expired"):
            continue
        services.index_document(
            "pages",
            Document(
                key=f"news:{spec['slug']}",
                title=spec["title"],
                url=f"/news/{spec['slug']}/",
                type="news",
                summary=spec["summary"],
                body=strip_tags(spec["body"]),
                date=today - dt.timedelta(days=spec["days_ago"]),
            ),
        )
    for spec in site_demo.LAWS:
        services.index_document(
            "pages",
            Document(
                key=f"law:{spec['slug']}",
                title=spec["title"],
                url=f"/laws/{spec['slug']}/",
                type="law",
                body=spec["text"],
                date=spec["issued_on"],
            ),
        )
    services.index_document(
        "pages",
        Document(
            key="faq",
            title="常見問答",
            url="/faq/",
            type="faq",
            summary="民眾最常詢問的問題，依申辦項目分類。",
            body="\n".join(f"{q}\n{strip_tags(a)}" for _slug, q, a, _source in site_demo.FAQ),
        ),
    )
    services.rebuild(["services", "eforms", "tools"])


@pytest.fixture(scope="module")
def everyday_index(django_db_setup, django_db_blocker):
    """Built in a transaction that is rolled back when the module's tests are done; each
    test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with warnings.catch_warnings():
                # Seeding the demo catalog after the merge of 2026-12-06 builds a form
                # with a URLField elsewhere in the project; that deprecation is not this
                # test's to judge (it stays an error in the tests that own those forms).
                warnings.simplefilter("ignore", RemovedInDjango60Warning)
                build()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
