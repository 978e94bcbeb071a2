"""A county on one deployment (縣府): each office's own public site with page permissions
and approvals of its own, and the county's read-only comparison of its offices.

Pages: the role groups of `core.roles` hold their page permissions on the root page,
which suits one office. Once offices have sites of their own, `separate_office_sites()`
gives each office its own page groups (主任／網站管理 of that office) with permissions on
its site's home page only, an approval workflow on that home page for its own director
group, and takes the role groups' root permissions away. It is registered as a page scope
of `core.roles`, so `setup_roles` ends with it and the two commands (`setup_roles`,
`setup_office_sites`) give the same permissions in any order and any number of times."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from huzheng.core.indicators import HIGHER
from huzheng.core.models import Office, StaffProfile
from huzheng.core.roles import DIRECTOR, PAGE_PERMISSIONS, WEB_EDITOR

ROLES_WITH_PAGES = (DIRECTOR, WEB_EDITOR)


def office_sites():
    """{office: site} for every office whose site settings name it."""
    from huzheng.site.models import SiteSettings

    rows = SiteSettings.objects.filter(office__isnull=False).select_related(
        "office", "site__root_page"
    )
    return {row.office: row.site for row in rows}


@transaction.atomic
def separate_office_sites():
    """Page permissions and approvals per office's site; returns the office page groups
    by (office code, role). Does nothing while fewer than two offices have a site."""
    sites = office_sites()
    if len(sites) < 2:
        return {}
    made = {}
    for office, site in sites.items():
        for role in ROLES_WITH_PAGES:
            group = _office_page_group(office, site.root_page, role)
            # Exactly the office's staff in the role: one who leaves the role or the
            # office leaves the office's pages too.
            members = StaffProfile.objects.filter(office=office, user__groups__name=role)
            group.user_set.set([p.user_id for p in members])
            made[(office.code, role)] = group
        _approval_workflow(office, site.root_page, made[(office.code, DIRECTOR)])
    # The role groups keep their model permissions; pages are now per office.
    root = Page.get_first_root_node()
    GroupPagePermission.objects.filter(page=root, group__name__in=ROLES_WITH_PAGES).delete()
    return made


def ensure_office_site(office, *, hostname, title):
    """A public site of its own for `office` (its host name and home page), made once."""
    from huzheng.site.models import HomePage, SiteSettings

    existing = SiteSettings.objects.filter(office=office).select_related("site").first()
    if existing is not None:
        return existing.site
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title=title, slug=f"home-{office.code}", seo_title=title)
    )
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
    settings = SiteSettings.for_site(site)
    settings.office = office
    settings.save()
    return site


COUNTY = "縣府"  # the county's staff: read every office, compare, score the plans
COUNTY_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "core.view_office",
    "quality.view_plan",
    "quality.view_meeting",
    "quality.view_selfscore",
    # The county's own act: its score beside each office's self-score (縣府評分).
    "quality.change_selfscore",
]


def ensure_county_role():
    """The county group with exactly its read-only permissions."""
    group, _created = Group.objects.get_or_create(name=COUNTY)
    perms = []
    for dotted in COUNTY_PERMISSIONS:
        app_label, codename = dotted.split(".", 1)
        perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.set(perms)
    return group


def comparison(offices, period):
    """The same indicators for each office side by side, with a rank per indicator:
    [{"key", "name", "unit", "better", "cells": [{"office", "value", "target", "rank"}]}]."""
    from huzheng.quality import services
    from huzheng.quality.models import Plan

    plans = {
        p.office_id: p for p in Plan.objects.filter(office__in=offices, year=period.first.year)
    }
    by_office = {
        office: {
            f["key"]: f
            for f in services.indicator_figures(office, period, plan=plans.get(office.pk))
        }
        for office in offices
    }
    rows = []
    keys = next(iter(by_office.values()), {}).keys()
    for key in keys:
        first = by_office[offices[0]][key]
        cells = [
            {
                "office": office,
                "value": by_office[office][key]["value"],
                "target": by_office[office][key]["target"],
            }
            for office in offices
        ]
        ranked = sorted(
            (c for c in cells if c["value"] is not None),
            key=lambda c: -c["value"] if first["better"] == HIGHER else c["value"],
        )
        for cell in cells:
            cell["rank"] = ranked.index(cell) + 1 if cell in ranked else None
        rows.append({**{k: first[k] for k in ("key", "name", "unit", "better")}, "cells": cells})
    return rows


def scores(offices, year):
    """Each office's plan of the year: its points, self-score and the county's score."""
    from huzheng.quality.models import Plan, SelfScore

    out = []
    for office in offices:
        plan = Plan.objects.filter(office=office, year=year).first()
        rows = SelfScore.objects.filter(item__plan=plan) if plan else SelfScore.objects.none()
        out.append(
            {
                "office": office,
                "plan": plan,
                "self": sum((r.self_score or 0) for r in rows),
                "county": sum((r.county_score or 0) for r in rows),
            }
        )
    return out


def county_offices(user):
    """The offices a county user compares: every active office for staff who see every
    office (no office on their profile), else none."""
    from huzheng.core.services import staff_office_ids

    if staff_office_ids(user) is not None:
        return []
    return list(Office.objects.filter(is_active=True).order_by("code"))


def _office_page_group(office, home, role):
    group, _created = Group.objects.get_or_create(name=f"{role}（{office.name}）")
    wanted = set(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS[role]
        )
    )
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(page=home, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    return group


def _approval_workflow(office, home, director_group):
    name = f"主任核可（{office.name}）"
    task, _created = GroupApprovalTask.objects.get_or_create(name=name)
    task.groups.set([director_group])
    workflow, _created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
