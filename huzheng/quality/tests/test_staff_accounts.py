"""A director keeps their own office's staff accounts: creates them with the office's
roles, deactivates them, resets a password; every change audited, and Magong's director
never touches Huxi's staff."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from huzheng.core.models import AuditEntry
from huzheng.core.roles import COUNTER_STAFF, DIRECTOR, WEB_EDITOR
from huzheng.quality.staff import services
from huzheng.quality.tests.test_county import two_offices  # noqa: F401 -- a fixture

User = get_user_model()


def test_a_director_creates_a_staff_account_of_their_office_with_its_roles(client, two_offices):  # noqa: F811
    client.force_login(two_offices["huxi_director"])
    assert "data-staff-accounts" in client.get("/admin/quality/staff/").content.decode()
    response = client.post(
        "/admin/quality/staff/new/",
        {"username": "h-counter", "name": "陳小華", "title": "櫃檯", "roles": [COUNTER_STAFF]},
    )
    assert response.status_code == 200
    password = response.content.decode().split("data-temporary-password>")[1].split("<")[0]
    user = User.objects.get(username="h-counter")
    assert user.staff_profile.office == two_offices["huxi"] and user.is_staff
    assert [g.name for g in user.groups.all()] == [COUNTER_STAFF]
    assert user.check_password(password)
    entry = AuditEntry.objects.filter(object_type="auth.user", object_id=str(user.pk)).get()
    assert (entry.action, entry.username, entry.office_id) == (
        "create",
        "h-dir",
        two_offices["huxi"].pk,
    )

    # A role outside the office's own, or a taken user name, is refused on the page.
    for bad in (
        {"username": "h-x", "roles": ["縣府"]},
        {"username": "h-dir", "roles": [COUNTER_STAFF]},
        {"username": "<script>", "roles": []},
    ):
        assert client.post("/admin/quality/staff/new/", bad).status_code == 200
    assert User.objects.filter(staff_profile__office=two_offices["huxi"]).count() == 3


def test_an_editor_made_by_the_director_edits_only_the_offices_pages(two_offices):  # noqa: F811
    user, _password = services.create_staff(
        two_offices["huxi_director"], username="h-ed2", roles=[WEB_EDITOR]
    )
    huxi_home = two_offices["sites"]["huxi"].root_page
    magong_home = two_offices["sites"]["magong"].root_page
    user = User.objects.get(pk=user.pk)
    assert huxi_home.permissions_for_user(user).can_edit()
    assert not magong_home.permissions_for_user(user).can_edit()


def test_deactivating_and_resetting_a_password_are_audited(client, two_offices):  # noqa: F811
    director, editor = two_offices["huxi_director"], two_offices["huxi_editor"]
    client.force_login(director)
    client.post(f"/admin/quality/staff/{editor.pk}/active/", {"active": "0"})
    editor.refresh_from_db()
    assert not editor.is_active
    response = client.post(f"/admin/quality/staff/{editor.pk}/password/")
    password = response.content.decode().split("data-temporary-password>")[1].split("<")[0]
    editor.refresh_from_db()
    assert editor.check_password(password)
    client.post(f"/admin/quality/staff/{editor.pk}/active/", {"active": "1"})
    client.post(
        f"/admin/quality/staff/{editor.pk}/",
        {"name": "林編輯", "roles": [WEB_EDITOR, COUNTER_STAFF]},
    )
    editor.refresh_from_db()
    assert editor.is_active and editor.first_name == "林編輯"
    reasons = list(
        AuditEntry.objects.filter(object_type="auth.user", object_id=str(editor.pk))
        .order_by("pk")
        .values_list("reason", flat=True)
    )
    assert reasons[:3] == ["deactivated", "password reset", "reactivated"]
    assert reasons[3].startswith("roles: ")

    # Nor can a director lock themselves out or drop their own role.
    client.post(f"/admin/quality/staff/{director.pk}/active/", {"active": "0"})
    director.refresh_from_db()
    assert director.is_active
    with pytest.raises(ValidationError):
        services.update_staff(director, director, roles=[COUNTER_STAFF])


def test_magongs_director_cannot_touch_huxis_staff(client, two_offices):  # noqa: F811
    magong, editor = two_offices["magong_director"], two_offices["huxi_editor"]
    client.force_login(magong)
    assert "h-ed" not in client.get("/admin/quality/staff/").content.decode()
    for url in (f"/admin/quality/staff/{editor.pk}/",):
        assert client.get(url).status_code in (302, 403)
    for url, data in (
        (f"/admin/quality/staff/{editor.pk}/", {"roles": [DIRECTOR]}),
        (f"/admin/quality/staff/{editor.pk}/active/", {"active": "0"}),
        (f"/admin/quality/staff/{editor.pk}/password/", {}),
    ):
        assert client.post(url, data).status_code in (302, 403)
    editor.refresh_from_db()
    assert editor.is_active and not editor.groups.filter(name=DIRECTOR).exists()
    with pytest.raises(PermissionDenied):
        services.reset_password(magong, editor)
    # Staff who are not directors manage no accounts.
    client.force_login(editor)
    assert client.get("/admin/quality/staff/").status_code in (302, 403)
