"""Keeping the index current: a page published, unpublished, moved or deleted, or a
catalog service saved, re-indexes that one thing after the transaction commits."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from huzheng.catalog.models import RegistrationService
from huzheng.search import services, sources


def connect():
    page_published.connect(_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(_deleted, dispatch_uid="search_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr")
    post_save.connect(_service_saved, sender=RegistrationService, dispatch_uid="search_service")
    post_delete.connect(
        _service_deleted, sender=RegistrationService, dispatch_uid="search_service_del"
    )


def source_changed(name):
    transaction.on_commit(partial(services.rebuild, [name]))


def reindex_page(page_id):
    """Index one page as it is now: added, replaced, or removed when no longer public."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not sources.page_is_searchable(page):
        services.remove_document(sources.page_key(page_id))
        return
    services.index_document(sources.PAGES, sources.page_document(page.specific))


def reindex_service(slug):
    # A service never approved (a draft, not live) is not found by citizens.
    service = RegistrationService.objects.filter(slug=slug, live=True).first()
    if service is None:
        services.remove_document(sources.service_key(slug))
    else:
        services.index_document(sources.SERVICES, sources.service_document(service))


def _page_published(sender, instance, **kwargs):
    transaction.on_commit(partial(reindex_page, instance.pk))


def _page_unpublished(sender, instance, **kwargs):
    transaction.on_commit(partial(services.remove_document, sources.page_key(instance.pk)))


def _page_moved(sender, instance, **kwargs):
    _reindex_tree(instance)


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _reindex_tree(page)


def _reindex_tree(page):
    ids = [page.pk, *page.get_descendants().live().values_list("pk", flat=True)]

    def reindex():
        for page_id in ids:
            reindex_page(page_id)

    transaction.on_commit(reindex)


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        services.remove_document(sources.page_key(instance.pk))


def _service_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(reindex_service, instance.slug))


def _service_deleted(sender, instance, **kwargs):
    services.remove_document(sources.service_key(instance.slug))
