"""Editors keep the catalog in the back office; every change is a revision that says who
made it and when."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Revision

from huzheng.catalog.models import RegistrationService
from huzheng.catalog.tests.factories import move_in_service

pytestmark = pytest.mark.django_db


def _post_data(form):
    """The edit form's current values, its formsets and their management forms included."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[form.add_prefix(name)] = "on" if value is True else value
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for child in formset.forms:
            data.update(_post_data(child))
    return data


def test_an_editors_change_waits_for_the_directors_approval(client, demo_data):
    service = move_in_service(slug="test-move-in")
    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    url = reverse("wagtailsnippets_catalog_registrationservice:edit", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "action-publish" not in page.content.decode()  # editors cannot publish
    data = _post_data(page.context["form"])
    data["summary"] = "已更新的摘要"
    data["fees-0-amount"] = "9999"
    # Publishing by hand is refused; submitting sends it to the director.
    client.post(url, {**data, "action-publish": "1"})
    assert RegistrationService.objects.get(pk=service.pk).summary != "已更新的摘要"
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors
    service.refresh_from_db()
    assert service.summary != "已更新的摘要"  # citizens still read the approved text
    assert client.get("/services/test-move-in/").content.decode().count("NT$9999") == 0
    revision = Revision.objects.for_instance(service).latest("created_at")
    assert revision.user == editor and revision.content["summary"] == "已更新的摘要"
    workflow_state = service.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"
    history = client.get(
        reverse("wagtailsnippets_catalog_registrationservice:history", args=[service.pk])
    )
    assert history.status_code == 200

    # The director approves: now it is live.
    client.force_login(get_user_model().objects.get(username="director"))
    task_state = workflow_state.current_task_state
    approve = reverse(
        "wagtailsnippets_catalog_registrationservice:workflow_action",
        args=[service.pk, "approve", task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    service.refresh_from_db()
    assert service.summary == "已更新的摘要" and service.live
    assert service.fees.get(sort_order=0).amount == 9999


def test_counter_staff_read_the_catalog_but_cannot_change_it(client, demo_data):
    service = move_in_service(slug="test-move-in")
    client.force_login(get_user_model().objects.get(username="counter"))
    url = reverse("wagtailsnippets_catalog_registrationservice:edit", args=[service.pk])
    assert client.get(url).status_code in (302, 403)
    assert RegistrationService.objects.get(pk=service.pk).summary == service.summary


def test_a_bad_processing_time_is_refused_with_a_message(client, demo_data):
    service = move_in_service(slug="test-move-in")
    client.force_login(get_user_model().objects.get(username="director"))
    url = reverse("wagtailsnippets_catalog_registrationservice:edit", args=[service.pk])
    data = _post_data(client.get(url).context["form"])
    data["processing_working_days"] = "9999"
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["processing_working_days"]
    service.refresh_from_db()
    assert service.processing_working_days == 0


def test_a_service_never_approved_is_not_shown_to_citizens(client, db):
    from huzheng.search import sources
    from huzheng.search.models import SearchDocument
    from huzheng.search.signals import reindex_service

    live = move_in_service()
    draft = move_in_service(slug="draft-service", name="草稿服務", name_en="Draft service")
    RegistrationService.objects.filter(pk=draft.pk).update(live=False)
    reindex_service(live.slug)
    reindex_service(draft.slug)

    listed = [s["slug"] for s in client.get("/api/v1/services/").json()]
    assert live.slug in listed and draft.slug not in listed
    assert client.get("/api/v1/services/draft-service").status_code == 404
    index = client.get("/services/").content.decode()
    assert "遷入登記" in index and "草稿服務" not in index
    keys = set(SearchDocument.objects.values_list("key", flat=True))
    assert sources.service_key(live.slug) in keys
    assert sources.service_key(draft.slug) not in keys
