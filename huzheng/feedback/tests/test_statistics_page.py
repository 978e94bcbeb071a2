"""The director's mailbox figures in the back office: counts by channel, category and
month, the share answered by the due day, the median working days to the reply, as a
page and as CSV; staff see their own office only."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from huzheng.core import roc
from huzheng.core.roles import DIRECTOR
from huzheng.core.services import is_working_day
from huzheng.core.tests.factories import OfficeFactory, StaffFactory
from huzheng.feedback import services
from huzheng.feedback.models import FeedbackMessage
from huzheng.feedback.tests.factories import CategoryFactory, counted_message

pytestmark = pytest.mark.django_db

URL = "/admin/feedback/statistics/"


@pytest.fixture
def offices():
    return OfficeFactory(code="huxi"), OfficeFactory(code="magong")


def _answered(office, received_on, replied_on, **fields):
    message = counted_message(office, received_on=received_on, **fields)
    services.answer(message, "已處理。", user=None)
    replied = dt.datetime.combine(replied_on, dt.time(10), tzinfo=dt.UTC)
    FeedbackMessage.objects.filter(pk=message.pk).update(replied_at=replied)
    return message


def _plain_week_back(office):
    """A Monday at least two weeks back from which ten days hold no holiday on a weekday
    (the Lunar New Year would otherwise change the working days the test counts)."""
    today = roc.today()
    monday = today - dt.timedelta(days=today.weekday() + 14)
    while not all(
        is_working_day(office, day)
        for day in (monday + dt.timedelta(days=n) for n in range(10))
        if day.weekday() < 5
    ):
        monday -= dt.timedelta(days=7)
    return monday


def test_the_director_sees_the_offices_figures_and_downloads_them(client, offices):
    huxi, magong = offices
    monday = _plain_week_back(huxi)
    category = CategoryFactory(office=huxi, name="服務態度")
    _answered(huxi, monday, monday + dt.timedelta(days=1), category=category)  # 1 day
    _answered(huxi, monday, monday + dt.timedelta(days=2), channel="phone")  # 2 days
    _answered(huxi, monday, monday + dt.timedelta(days=9))  # late
    counted_message(huxi, received_on=monday)  # open
    for _ in range(5):
        counted_message(magong, received_on=monday)
    director = StaffFactory(office=huxi, roles=[DIRECTOR]).user
    client.force_login(director)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="feedback-total-received">4<' in html
    assert "67%（2 / 3）" in html
    assert 'id="feedback-total-median">2<' in html
    assert "服務態度" in html
    # Another office's figures do not exist for this director.
    assert client.get(URL, {"office": "magong"}).status_code == 404
    csv = client.get(URL, {"format": "csv", "months": "3"})
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    header = lines[0].split(",")
    assert len(lines) == 4 and "median_reply_days" in header
    assert "channel:phone" in header and "category:服務態度" in header
    month = next(line.split(",") for line in lines[1:] if line.startswith(f"{monday:%Y-%m}"))
    assert month[header.index("received")] == "4"
    assert month[header.index("channel:phone")] == "1"
    assert client.get(URL, {"months": "x' or 1=1"}).status_code == 200


def test_county_staff_choose_the_office_and_others_are_refused(client, offices):
    _huxi, magong = offices
    counted_message(magong)
    admin = get_user_model().objects.create_superuser("county", "c@example.com", "x")
    client.force_login(admin)
    page = client.get(URL, {"office": "magong"})
    assert page.status_code == 200
    assert 'id="feedback-total-received">1<' in page.content.decode()
    assert client.get(URL, {"office": "nowhere"}).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302
    nobody = get_user_model().objects.create_user("nobody", password="x", is_staff=True)
    client.force_login(nobody)
    assert client.get(URL).status_code in (302, 403)
