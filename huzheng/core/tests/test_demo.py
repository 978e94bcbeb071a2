"""The demo data `make run` loads: complete, and loaded twice without duplicates."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from huzheng.addresses.models import Village
from huzheng.core import roles
from huzheng.core.models import Office, OpeningPeriod, StaffProfile
from huzheng.queueing.models import Counter
from huzheng.site.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Office,
            OpeningPeriod,
            StaffProfile,
            Village,
            Counter,
            Page,
            get_user_model(),
            Site,
        )
    }


def test_loading_the_demo_twice_changes_nothing_the_second_time(demo_data):
    # demo_data holds what a first `seed_demo` wrote (built once per run).
    first = _counts()
    call_command("seed_demo", verbosity=0)
    assert _counts() == first


def test_an_editors_change_survives_the_next_load(demo_data):
    about = Page.objects.get(slug="about").specific
    about.title = "本所簡介（已更新）"
    about.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    assert Page.objects.get(slug="about").title == "本所簡介（已更新）"


def test_huxi_has_its_twenty_two_villages_with_the_unconfirmed_ones_marked(demo_data):
    villages = Village.objects.filter(office=demo_data["huxi"])
    assert villages.count() == 22
    assert set(villages.filter(confirmed=False).values_list("name", flat=True)) == {
        "沙港村",
        "西寮村",
        "西溪村",
        "東石村",
    }


def test_every_role_has_a_demo_login(demo_data):
    for role in roles.ALL_ROLES:
        assert get_user_model().objects.filter(groups__name=role).exists(), role
    director = get_user_model().objects.get(username="director")
    assert director.check_password("huzheng-demo")
    assert director.staff_profile.office.code == "huxi"


def test_two_offices_share_one_deployment(demo_data):
    assert set(demo_data) == {"huxi", "magong"}
    assert all(o.is_demo for o in demo_data.values())
    assert Counter.objects.filter(office=demo_data["magong"]).count() == 6
    assert OpeningPeriod.objects.filter(
        office=demo_data["magong"], kind=OpeningPeriod.Kind.EVENING
    ).exists()


def test_the_site_has_a_home_page_and_the_four_footer_pages(demo_data):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.office.code == "huxi"
    assert [p.slug for p in settings.footer_pages()] == [
        "privacy",
        "security",
        "open-data",
        "accessibility",
    ]
