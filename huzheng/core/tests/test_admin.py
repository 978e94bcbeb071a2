"""The back office: the director reads the audit log (and that read is logged), nobody
edits it, and staff stay within their own office."""

import pytest
from django.urls import NoReverseMatch, reverse

from huzheng.core import roles, services
from huzheng.core.models import AuditEntry, Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def director(demo_data):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="director")


def _entry(user, office):
    return services.record_audit(user, AuditEntry.Action.READ, office, fields=["phone"])


def test_the_director_sees_the_audit_log(client, director, demo_data):
    _entry(director, demo_data["huxi"])
    client.force_login(director)
    response = client.get(reverse("auditentry:index"))
    assert response.status_code == 200
    assert "director" in response.content.decode()


def test_opening_an_audit_entry_is_itself_audited(client, director, demo_data):
    entry = _entry(director, demo_data["huxi"])
    client.force_login(director)
    response = client.get(reverse("auditentry:inspect", args=[entry.pk]), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    read = AuditEntry.objects.filter(pk__gt=entry.pk).get()  # the demo has entries of its own
    assert read.action == AuditEntry.Action.READ
    assert read.object_type == "core.auditentry"
    assert read.object_id == str(entry.pk)
    assert read.username == "director"
    assert read.ip_address == "10.1.2.3"
    assert read.fields == list(AuditEntry.personal_data_fields)


def test_no_one_can_edit_or_delete_an_entry_in_the_back_office(client, demo_data):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")  # a superuser, even
    entry = _entry(admin, demo_data["huxi"])
    client.force_login(admin)
    assert client.get(reverse("auditentry:edit", args=[entry.pk])).status_code in (302, 403)
    response = client.post(reverse("auditentry:delete", args=[entry.pk]))
    assert response.status_code in (302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    assert client.get(reverse("auditentry:add")).status_code in (302, 403)


@pytest.mark.parametrize("username", ["clerk", "counter", "editor"])
def test_other_roles_cannot_open_the_audit_log(client, demo_data, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(reverse("auditentry:index"))
    assert response.status_code in (302, 403)


def test_a_director_edits_only_their_own_office(client, director, demo_data):
    client.force_login(director)
    own = client.get(reverse("office:edit", args=[demo_data["huxi"].pk]))
    other = client.get(reverse("office:edit", args=[demo_data["magong"].pk]))
    assert own.status_code == 200
    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert other.status_code == 302
    assert other["Location"] == reverse("wagtailadmin_home")
    index = client.get(reverse("office:index")).content.decode()
    assert "湖西鄉" in index
    assert "馬公市" not in index


def test_an_office_edit_with_a_bad_phone_number_is_refused_in_chinese(client, director, demo_data):
    client.force_login(director)
    office = demo_data["huxi"]
    url = reverse("office:edit", args=[office.pk])
    form = client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(
        {
            "phone": "call me maybe",
            "opening_periods-TOTAL_FORMS": "0",
            "opening_periods-INITIAL_FORMS": "0",
            "opening_periods-MIN_NUM_FORMS": "0",
            "opening_periods-MAX_NUM_FORMS": "1000",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "電話" in response.content.decode()
    assert Office.objects.get(pk=office.pk).phone == office.phone
    assert roles.DIRECTOR in director.groups.values_list("name", flat=True)


def test_a_director_files_special_days_only_under_their_own_office(client, director, demo_data):
    from huzheng.core.models import SpecialDay

    client.force_login(director)
    form = client.get(reverse("specialday:add")).context["form"]
    assert list(form.fields["office"].queryset) == [demo_data["huxi"]]
    for office in (demo_data["magong"].pk, ""):  # another office, or every office
        response = client.post(
            reverse("specialday:add"),
            {
                "office": office,
                "date": "2026-12-01",
                "kind": "typhoon",
                "is_open": "",
                "reason": "颱風停止上班",
            },
        )
        assert response.status_code == 200  # the form again, with the error
    assert not SpecialDay.objects.exists()
    client.post(
        reverse("specialday:add"),
        {
            "office": demo_data["huxi"].pk,
            "date": "2026-12-01",
            "kind": "typhoon",
            "reason": "颱風停止上班",
        },
    )
    assert SpecialDay.objects.get().office == demo_data["huxi"]


def test_a_superuser_may_close_every_office_at_once(client, demo_data):
    from django.contrib.auth import get_user_model

    from huzheng.core.models import SpecialDay

    client.force_login(get_user_model().objects.get(username="admin"))
    client.post(
        reverse("specialday:add"),
        {"office": "", "date": "2026-12-01", "kind": "typhoon", "reason": "全縣停止上班"},
    )
    assert SpecialDay.objects.get().office is None


def _scoped_viewsets():
    from wagtail.admin.viewsets import viewsets

    from huzheng.core.admin_views import OfficeScopedViewSet

    reverse("wagtailadmin_home")  # loading the URLs registers the viewsets
    return [v for v in viewsets.viewsets if isinstance(v, OfficeScopedViewSet)]


def test_history_and_usage_pages_of_every_office_scoped_viewset_open(client, demo_data):
    """Issue 15, finding 5: the office-scoping mixin's get_object passed a queryset that
    Wagtail's history and usage views do not take, and every such page was a 500."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    opened = 0
    for viewset in _scoped_viewsets():
        obj = viewset.model._default_manager.first()
        if obj is None:
            continue
        for view in ("history", "usage"):
            try:
                url = reverse(viewset.get_url_name(view), args=[obj.pk])
            except NoReverseMatch:  # the viewset does not offer this view
                continue
            response = client.get(url)
            # Read-only viewsets refuse history (it needs "change") with a redirect.
            assert response.status_code in (200, 302), (url, response.status_code)
            opened += response.status_code == 200
    assert opened >= 10


def test_a_director_cannot_open_another_offices_history(client, director, demo_data):
    client.force_login(director)
    own = client.get(reverse("office:history", args=[demo_data["huxi"].pk]))
    other = client.get(reverse("office:history", args=[demo_data["magong"].pk]))
    assert own.status_code == 200
    assert other.status_code == 302
