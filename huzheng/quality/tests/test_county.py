"""A county on one deployment: each office's director edits and approves only the pages
of their own office's site, and the county compares the offices side by side."""

import datetime as dt

import pytest
from django.core.cache import cache
from wagtail.models import Page

from huzheng.core.indicators import Period
from huzheng.core.roles import DIRECTOR, WEB_EDITOR
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.quality import county, services
from huzheng.quality.demo_history import seed_history
from huzheng.queueing.tests.factories import SeriesFactory
from huzheng.site.models import ContentPage


@pytest.fixture
def two_offices(db):
    cache.clear()
    from huzheng.core.demo import ensure_wagtail_roots

    ensure_wagtail_roots()
    huxi = OfficeFactory(code="huxi", name="湖西鄉戶政事務所", weekday_hours=False)
    magong = OfficeFactory(code="magong", name="馬公市戶政事務所", weekday_hours=False)
    staff = {
        "huxi_director": StaffFactory(office=huxi, user__username="h-dir", roles=[DIRECTOR]),
        "huxi_editor": StaffFactory(office=huxi, user__username="h-ed", roles=[WEB_EDITOR]),
        "magong_director": StaffFactory(office=magong, user__username="m-dir", roles=[DIRECTOR]),
    }
    sites = {
        "huxi": county.ensure_office_site(huxi, hostname="huxi.test", title="湖西"),
        "magong": county.ensure_office_site(magong, hostname="magong.test", title="馬公"),
    }
    county.separate_office_sites()
    return {"huxi": huxi, "magong": magong, "sites": sites, **{k: v.user for k, v in staff.items()}}


def test_another_offices_director_cannot_edit_or_approve_this_offices_pages(two_offices):
    home = two_offices["sites"]["huxi"].root_page
    draft = ContentPage(title="湖西新聞", slug="huxi-news", live=False)
    home.add_child(instance=draft)
    draft.save_revision(user=two_offices["huxi_editor"])

    magong_director = two_offices["magong_director"]
    huxi_director = two_offices["huxi_director"]
    assert not draft.permissions_for_user(magong_director).can_edit()
    assert not draft.permissions_for_user(magong_director).can_publish()
    assert draft.permissions_for_user(two_offices["huxi_editor"]).can_edit()
    assert not draft.permissions_for_user(two_offices["huxi_editor"]).can_publish()
    assert draft.permissions_for_user(huxi_director).can_publish()

    state = draft.get_workflow().start(draft, two_offices["huxi_editor"])
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, magong_director) == []
    assert [name for name, *_ in task.get_actions(draft, huxi_director)][:2] == [
        "reject",
        "approve",
    ]
    task.on_action(task_state, huxi_director, "approve")
    draft.refresh_from_db()
    assert draft.live


def test_the_magong_director_cannot_open_huxis_pages_in_the_back_office(client, two_offices):
    home = two_offices["sites"]["huxi"].root_page
    client.force_login(two_offices["magong_director"])
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)
    own = two_offices["sites"]["magong"].root_page
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_the_role_groups_no_longer_hold_pages_at_the_root(two_offices):
    from wagtail.models import GroupPagePermission

    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(page=root, group__name=DIRECTOR).exists()


def test_the_county_sees_both_offices_side_by_side_with_ranks(client, two_offices):
    from django.contrib.auth import get_user_model

    from huzheng.core.models import StaffProfile

    for office in (two_offices["huxi"], two_offices["magong"]):
        SeriesFactory(office=office, letter="A")
    seed_history(two_offices["huxi"], dt.date(2026, 12, 6))
    rows = county.comparison([two_offices["huxi"], two_offices["magong"]], Period.month(2026, 11))
    wait = next(r for r in rows if r["key"] == "queue.wait_mean")
    assert [c["office"].code for c in wait["cells"]] == ["huxi", "magong"]
    assert wait["cells"][0]["rank"] == 1 and wait["cells"][1]["value"] is None

    user = get_user_model().objects.create_user("county-q", password="x", is_staff=True)
    user.groups.add(county.ensure_county_role())
    StaffProfile.objects.create(user=user, office=None)
    client.force_login(user)
    html = client.get("/admin/quality/county/?period=2026-11").content.decode()
    assert "湖西鄉戶政事務所" in html and "馬公市戶政事務所" in html
    assert 'data-indicator="queue.wait_mean"' in html
    # Read-only: the county edits no office's pages.
    home = two_offices["sites"]["huxi"].root_page
    assert not home.permissions_for_user(user).can_edit()


def test_an_office_director_gets_no_county_comparison(client, two_offices):
    client.force_login(two_offices["huxi_director"])
    assert client.get("/admin/quality/county/").status_code in (302, 403)


def test_a_plan_is_copied_to_another_office_with_its_name(two_offices):
    plan = services.load_plan_file(two_offices["huxi"], services.DATA_DIR / "plan-103.json")
    copy = services.copy_plan(plan, 2026, office=two_offices["magong"])
    assert copy.office == two_offices["magong"]
    assert "馬公市戶政事務所" in copy.title
