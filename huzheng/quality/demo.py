"""The demo's plans: Huxi's 103 plan (2014) as published, and this year's plan copied from
it with targets for the indicators, so the public plan pages, the director's home and the
monthly meeting have something to show. Plans editors have changed are left alone."""

import os

from django.db import transaction

from huzheng.core import roc
from huzheng.core.models import Office
from huzheng.quality import services
from huzheng.quality.models import Plan

# Targets of this year's demo plan: what the office commits to (demo figures).
DEMO_TARGETS = {
    "queue.wait_mean": 10,
    "queue.wait_p90": 20,
    "queue.service_mean": 8,
    "queue.served_within_target": 80,
    "appointments.booked_online_share": 30,
    "appointments.no_show_share": 10,
    "cases.finished_in_time": 95,
    "linkcheck.broken_links": 0,
    "site.pages_overdue_review": 0,
    "site.disclosure_coverage": 100,
    "search.no_result_share": 10,
}


@transaction.atomic
def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is None:
        return
    plan_103 = Plan.objects.filter(office=office, year=2014).first()
    if plan_103 is None:
        plan_103 = services.load_plan_file(office, services.DATA_DIR / "plan-103.json")
    year = roc.today().year
    if year != plan_103.year and not Plan.objects.filter(office=office, year=year).exists():
        plan = services.copy_plan(plan_103, year)
        plan.targets = DEMO_TARGETS
        plan.is_published = True
        plan.save(update_fields=["targets", "is_published"])
    _county(served=_served())
    if _served():
        from huzheng.quality.demo_history import seed_history, seed_waiting_today

        seed_history(office)
        seed_waiting_today(office)


def _served():
    """True when the demo is served (make run sets HUZHENG_DEMO=1 in the environment);
    the test suite's demo snapshot leaves out what would change other apps' counts."""
    return os.environ.get("HUZHENG_DEMO", "").lower() in {"1", "true", "yes", "on"}


def _county(*, served):
    """Magong's plan, a county user (county / the demo password) who compares the
    offices, and when served, Magong's own site (magong.localhost) with page permissions
    per office's site (the suite's snapshot keeps one site, as other apps' tests expect)."""
    from django.contrib.auth import get_user_model

    from huzheng.core.demo import DEMO_PASSWORD
    from huzheng.core.models import StaffProfile
    from huzheng.quality import county

    magong = Office.objects.filter(code="magong", is_demo=True).first()
    huxi_plan = Plan.objects.filter(office__code="huxi", year=roc.today().year).first()
    if magong is None:
        return
    if served:
        county.ensure_office_site(magong, hostname="magong.localhost", title="馬公市戶政事務所")
        county.separate_office_sites()
    if huxi_plan is not None and not Plan.objects.filter(office=magong).exists():
        plan = services.copy_plan(huxi_plan, huxi_plan.year, office=magong)
        plan.is_published = True
        plan.save(update_fields=["is_published"])
    group = county.ensure_county_role()
    user, created = get_user_model().objects.get_or_create(
        username="county",
        defaults={"first_name": "縣府", "last_name": "考核", "is_staff": True},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(group)
    StaffProfile.objects.get_or_create(
        user=user, defaults={"office": None, "title": "縣府考核人員"}
    )
