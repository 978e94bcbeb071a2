"""Every app page says when it was last updated (最後更新), as the plan requires of every
page: the newest change of the data the page shows, as an ROC date in a <time>. When the
office's calendar, the catalog or the house numbers change, the date moves with them."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from huzheng.addresses.models import HouseNumber
from huzheng.catalog.models import RegistrationService
from huzheng.core import roc
from huzheng.core.models import Office, SpecialDay

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(dt.datetime(2020, 3, 2, 9, 0))  # 民國109年3月2日

APP_PAGES = [
    "/forms/",
    "/forms/household-registration/",
    "/appointments/",
    "/appointments/id-card-replacement/",
    "/appointments/manage/",
    "/cases/query/",
    "/idcards/",
    "/idcards/lost/",
    "/idcards/lost/cancel/",
    "/idcards/validity/",
    "/idcards/status/",
    "/addresses/",
    "/offices/",
    "/offices/huxi/",
]

LAST_UPDATED = re.compile(
    r'<p class="last-updated">最後更新：<time datetime="([^"]+)">([^<]+)</time></p>'
)


def updated_on(client, url):
    """The page's "last updated" date as shown, checked against its datetime attribute."""
    response = client.get(url)
    assert response.status_code == 200, url
    found = LAST_UPDATED.findall(response.content.decode())
    assert len(found) == 1, f"{url} shows {len(found)} update dates"
    moment, shown = found[0]
    assert shown == roc.format_long(dt.datetime.fromisoformat(moment)), url
    return shown


@pytest.mark.parametrize("url", APP_PAGES)
def test_every_app_page_shows_its_update_date(client, demo_data, url):
    shown = updated_on(client, url)
    assert re.fullmatch(r"民國\d{2,3}年\d{1,2}月\d{1,2}日", shown)


def test_a_typhoon_closure_moves_the_office_pages_date(client, demo_data):
    Office.objects.update(updated_at=LONG_AGO)
    assert updated_on(client, "/offices/huxi/") == "民國109年3月2日"
    assert updated_on(client, "/offices/") == "民國109年3月2日"
    SpecialDay.objects.create(
        office=demo_data["huxi"],
        date=roc.today() + dt.timedelta(days=3),
        kind=SpecialDay.Kind.TYPHOON,
        reason="颱風停止上班",
    )
    today = roc.format_long(roc.today())
    assert updated_on(client, "/offices/huxi/") == today
    assert updated_on(client, "/offices/") == today


def test_a_changed_service_moves_the_booking_pages_date(client, demo_data):
    Office.objects.update(updated_at=LONG_AGO)
    RegistrationService.objects.update(updated_at=LONG_AGO)
    assert updated_on(client, "/appointments/") == "民國109年3月2日"
    assert updated_on(client, "/appointments/id-card-replacement/") == "民國109年3月2日"
    service = RegistrationService.objects.get(slug="id-card-replacement")
    service.save()
    today = roc.format_long(roc.today())
    assert updated_on(client, "/appointments/") == today
    assert updated_on(client, "/appointments/id-card-replacement/") == today


def test_a_changed_house_number_moves_the_house_number_search_date(client, demo_data):
    HouseNumber.objects.update(updated_at=LONG_AGO)
    assert updated_on(client, "/addresses/") == "民國109年3月2日"
    house = HouseNumber.objects.filter(office=demo_data["huxi"]).first()
    house.floor = "2樓"
    house.save()
    assert updated_on(client, "/addresses/") == roc.format_long(roc.today())
    assert updated_on(client, f"/addresses/numbers/{house.pk}/") == roc.format_long(roc.today())
