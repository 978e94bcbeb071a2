"""Staff roles: least privilege, and the director approves what editors publish."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowPage

from huzheng.core import roles
from huzheng.core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def _user(*role_names):
    return StaffFactory(roles=role_names).user


def test_roles_are_created_once_and_repaired_on_the_next_run():
    roles.ensure_roles()
    editor_group = Group.objects.get(name=roles.WEB_EDITOR)
    editor_group.permissions.add(*Group.objects.get(name=roles.DIRECTOR).permissions.all())
    roles.ensure_roles()
    assert Group.objects.filter(name__in=roles.ALL_ROLES).count() == 4
    assert not _user(roles.WEB_EDITOR).has_perm("core.view_auditentry")


def test_only_the_director_reads_the_audit_log():
    assert _user(roles.DIRECTOR).has_perm("core.view_auditentry")
    for role in (roles.REGISTRAR, roles.COUNTER_STAFF, roles.WEB_EDITOR):
        assert not _user(role).has_perm("core.view_auditentry"), role


def test_nobody_may_change_the_audit_log():
    for role in roles.ALL_ROLES:
        user = _user(role)
        assert not user.has_perm("core.change_auditentry")
        assert not user.has_perm("core.delete_auditentry")


def test_every_role_reaches_the_back_office():
    for role in roles.ALL_ROLES:
        assert _user(role).has_perm("wagtailadmin.access_admin"), role


def test_an_editor_drafts_and_the_director_publishes(demo_data):
    home = Page.objects.get(slug="home")
    editor, director = _user(roles.WEB_EDITOR), _user(roles.DIRECTOR)
    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(director).can_publish()
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == roles.APPROVAL_WORKFLOW
    (task,) = workflow.tasks
    assert list(task.specific.groups.values_list("name", flat=True)) == [roles.DIRECTOR]


def test_counter_staff_cannot_edit_pages(demo_data):
    home = Page.objects.get(slug="home")
    assert not home.permissions_for_user(_user(roles.COUNTER_STAFF)).can_edit()
