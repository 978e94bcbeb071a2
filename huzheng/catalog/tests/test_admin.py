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


def test_an_editor_changes_a_fee_and_the_revision_names_them(client, demo_data):
    service = move_in_service(slug="test-move-in")
    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    url = reverse("wagtailsnippets_catalog_registrationservice:edit", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = _post_data(page.context["form"])
    data["summary"] = "已更新的摘要"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    service.refresh_from_db()
    assert service.summary == "已更新的摘要"
    revision = Revision.objects.for_instance(service).latest("created_at")
    assert revision.user == editor
    history = client.get(
        reverse("wagtailsnippets_catalog_registrationservice:history", args=[service.pk])
    )
    assert history.status_code == 200


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
