"""Keeping the index current: pages, catalog services, registered sources."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from huzheng.catalog.tests.factories import move_in_service
from huzheng.search import registry, services, sources
from huzheng.search.models import SearchDocument
from huzheng.site.models import ContentPage


@pytest.fixture
def publish(db, django_capture_on_commit_callbacks):
    root = Page.get_first_root_node()

    def publish(title="戶籍遷入須知", **fields):
        page = ContentPage(title=title, slug=f"p{Page.objects.count()}", **fields)
        root.add_child(instance=page)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


def keys():
    return set(SearchDocument.objects.values_list("key", flat=True))


def test_a_published_page_is_indexed_with_its_body_text(publish):
    body = [("paragraph", "<p>請攜帶<b>國民身分證</b>辦理遷入登記。</p>")]
    page = publish(summary="搬家要辦的事", body=body)
    assert keys() == {f"page:{page.pk}"}
    (hit,) = services.search("身份證 遷入").hits
    assert hit.document.title == "戶籍遷入須知"
    assert hit.document.summary == "搬家要辦的事"


def test_an_unpublished_page_leaves_the_index(publish, django_capture_on_commit_callbacks):
    page = publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert keys() == set()
    assert services.search("遷入").total == 0


def test_a_deleted_page_leaves_the_index(publish):
    page = publish()
    page.delete()
    assert keys() == set()


def test_a_page_behind_a_password_leaves_the_index(publish, django_capture_on_commit_callbacks):
    page = publish()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert f"page:{page.pk}" not in keys()
    services.rebuild([sources.PAGES])
    assert f"page:{page.pk}" not in keys()


def test_a_page_type_may_refine_its_document(publish, monkeypatch):
    monkeypatch.setattr(
        ContentPage,
        "search_document",
        lambda self: {"type": "law", "topics": ["registration"]},
        raising=False,
    )
    publish()
    (document,) = SearchDocument.objects.all()
    assert document.type == "law"
    assert " topic:registration " in document.facets


def test_saving_a_service_reindexes_only_that_service(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        service = move_in_service(slug="test-move-in")
    assert keys() == {"service:test-move-in"}
    with django_capture_on_commit_callbacks(execute=True):
        service.name = "遷入登記（測試改名）"
        service.save()
    assert titles_for("改名") == ["遷入登記（測試改名）"]
    service.delete()
    assert keys() == set()


def titles_for(query):
    return [hit.document.title for hit in services.search(query).hits]


def test_a_source_that_changed_is_reindexed(db, django_capture_on_commit_callbacks):
    items = [
        registry.Document(key="test:stat", title="人口統計月報", url="/stats/", type="statistics")
    ]
    registry.register_source("test-statistics", lambda: list(items))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            registry.source_changed("test-statistics")
        assert titles_for("人口統計") == ["人口統計月報"]
        items[0].title = "人口統計年報"
        with django_capture_on_commit_callbacks(execute=True):
            registry.source_changed("test-statistics")
        assert titles_for("人口統計") == ["人口統計年報"]
    finally:
        registry._sources.pop("test-statistics")


def test_the_rebuild_command_indexes_every_source(db):
    move_in_service(slug="test-move-in")
    call_command("rebuild_search_index", verbosity=0)
    assert "service:test-move-in" in keys()
    assert any(key.startswith("form:") for key in keys())
    with pytest.raises(Exception, match="Unknown source"):
        call_command("rebuild_search_index", "nonsense", verbosity=0)
