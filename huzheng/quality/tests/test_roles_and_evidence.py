"""Evidence is saved through the plan's service with its audit entry, and setting up the
roles and the offices' sites gives the same page permissions in any order."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from huzheng.cases.tests.factories import case_desk
from huzheng.core.models import AuditEntry
from huzheng.core.roles import DIRECTOR
from huzheng.quality import services
from huzheng.quality.models import Evidence, PlanItem
from huzheng.quality.tests.test_county import two_offices  # noqa: F401 -- a fixture
from huzheng.site.models import ContentPage

PLAN_103 = services.DATA_DIR / "plan-103.json"


def test_evidence_added_edited_and_removed_in_the_back_office_is_audited(client, db):
    cache.clear()
    desk = case_desk()
    plan = services.load_plan_file(desk["office"], PLAN_103)
    measure = plan.items.filter(level=PlanItem.Level.MEASURE).first()
    client.force_login(desk["director"])
    form = {"measure": measure.pk, "month": "2026-11-01", "title": "一次告知單統計"}
    assert client.post("/admin/quality_evidence/new/", form).status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.added_by == desk["director"]
    edit = {**form, "title": "一次告知單統計（11月）", "link": "example.tw/slips"}
    assert client.post(f"/admin/quality_evidence/edit/{evidence.pk}/", edit).status_code == 302
    evidence.refresh_from_db()
    assert evidence.link == "https://example.tw/slips"
    assert client.post(f"/admin/quality_evidence/delete/{evidence.pk}/").status_code == 302
    assert not Evidence.objects.exists()
    entries = AuditEntry.objects.filter(object_type="quality.evidence").order_by("pk")
    assert [(e.action, e.username, e.office_id) for e in entries] == [
        (action, desk["director"].username, desk["office"].pk)
        for action in ("create", "update", "delete")
    ]


def test_the_service_refuses_evidence_for_anything_but_a_measure(db):
    from django.core.exceptions import ValidationError

    cache.clear()
    desk = case_desk()
    plan = services.load_plan_file(desk["office"], PLAN_103)
    area = plan.items.filter(level=PlanItem.Level.AREA).first()
    with pytest.raises(ValidationError):
        services.save_evidence(
            Evidence(measure=area, month=dt.date(2026, 11, 1), title="x"), user=desk["director"]
        )
    assert not Evidence.objects.exists()


def page_permissions():
    return sorted(
        GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
    )


def test_setting_up_the_roles_again_keeps_each_directors_pages_their_own(two_offices):  # noqa: F811
    home = two_offices["sites"]["huxi"].root_page
    draft = ContentPage(title="湖西公告", slug="huxi-notice", live=False)
    home.add_child(instance=draft)
    separated = page_permissions()

    call_command("setup_roles", verbosity=0)
    assert page_permissions() == separated
    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(page=root, group__name=DIRECTOR).exists()
    magong_director = two_offices["magong_director"]
    assert not draft.permissions_for_user(magong_director).can_edit()
    assert not draft.permissions_for_user(magong_director).can_publish()
    assert draft.permissions_for_user(two_offices["huxi_director"]).can_publish()

    call_command("setup_office_sites", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert page_permissions() == separated


def test_a_director_who_leaves_the_role_leaves_the_offices_pages(two_offices):  # noqa: F811
    from django.contrib.auth.models import Group

    from huzheng.core.roles import scope_pages

    director = two_offices["huxi_director"]
    director.groups.remove(Group.objects.get(name=DIRECTOR))
    scope_pages()
    director = type(director).objects.get(pk=director.pk)
    assert not two_offices["sites"]["huxi"].root_page.permissions_for_user(director).can_edit()
