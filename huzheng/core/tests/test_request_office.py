"""Every request knows its office once (`request.office`): the office its site speaks for,
else the default office; the answer is kept per host, so it costs at most one cache
read; and the shared rules of office scoping and the visitor's language live in one
place."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from huzheng.core.i18n import localized
from huzheng.core.middleware import OfficeMiddleware
from huzheng.core.models import Office
from huzheng.core.services import for_staff, staff_may_see, staff_offices
from huzheng.core.tests.factories import OfficeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def _office_of(host="testserver"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    OfficeMiddleware(lambda r: None)(request)
    return request.office


def test_without_a_site_of_its_own_a_request_speaks_for_the_default_office(settings):
    huxi = OfficeFactory(code="huxi")
    OfficeFactory(code="magong")
    settings.HUZHENG_DEFAULT_OFFICE = "huxi"
    assert _office_of() == huxi


def test_a_site_set_to_an_office_speaks_for_it():
    from huzheng.site.models import SiteSettings

    OfficeFactory(code="huxi")
    magong = OfficeFactory(code="magong")
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"office": magong})
    assert _office_of() == magong


def test_with_no_office_at_all_the_request_has_none(settings):
    settings.HUZHENG_DEFAULT_OFFICE = "nowhere"
    assert _office_of() is None


def test_the_second_request_for_a_host_costs_at_most_one_cache_read(
    django_assert_max_num_queries,
):
    OfficeFactory(code="huxi")
    _office_of()
    # The site's version lives in the "versions" cache: files on SQLite, Redis, or the
    # database's cache table on PostgreSQL without Redis (one query).
    with django_assert_max_num_queries(1):
        assert _office_of().code == "huxi"


def test_a_hostile_host_name_is_no_error():
    OfficeFactory(code="huxi")
    assert _office_of("x" * 5000) is not None


def test_staff_see_their_own_office_county_staff_every_office():
    huxi, magong = OfficeFactory(), OfficeFactory()
    clerk = StaffFactory(office=huxi).user
    county = StaffFactory(office=None).user
    nobody = UserFactory()
    everyone = Office.objects.all()
    assert list(for_staff(everyone, clerk, "pk")) == [huxi]
    assert set(for_staff(everyone, county, "pk")) == {huxi, magong}
    assert list(for_staff(everyone, nobody, "pk")) == []
    assert list(staff_offices(clerk)) == [huxi]
    assert staff_may_see(clerk, huxi) and not staff_may_see(clerk, magong)
    assert staff_may_see(county, magong) and not staff_may_see(clerk, None)


def test_names_follow_the_visitors_language_with_chinese_when_english_is_missing():
    office = OfficeFactory(name="湖西鄉戶政事務所", name_en="Huxi Household Registration Office")
    plain = OfficeFactory(name="馬公市戶政事務所", name_en="")
    with translation.override("en"):
        assert localized(office) == "Huxi Household Registration Office"
        assert localized(plain) == "馬公市戶政事務所"
        assert localized({"name": "甲", "name_en": "A"}) == "A"
    with translation.override("zh-hant"):
        assert localized(office) == "湖西鄉戶政事務所"
        assert office.display_name() == "湖西鄉戶政事務所"
