"""The queue's back office: the director registers kiosks (the token is shown once and
only its hash kept), assigns series to counters within the office, and finds the counter
console and the statistics in the menu."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from huzheng.queueing import services
from huzheng.queueing.models import Counter, Kiosk, Series

pytestmark = pytest.mark.django_db


@pytest.fixture
def director(demo_data, client):
    user = get_user_model().objects.get(username="director")
    client.force_login(user)
    return user


def test_a_new_kiosks_token_is_shown_once_and_only_its_hash_is_kept(client, director, demo_data):
    response = client.post(
        reverse("kiosks:add"),
        {"office": demo_data["huxi"].pk, "name": "二樓取號機", "is_active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    kiosk = Kiosk.objects.get(name="二樓取號機")
    page = response.content.decode()
    token = next(
        t
        for t in re.findall(r"[A-Za-z0-9_-]{30,}", page)
        if Kiosk.hash_token(t) == kiosk.token_hash
    )
    assert token not in kiosk.token_hash
    assert services.authenticate_kiosk(token, demo_data["huxi"]) == kiosk
    again = client.get(reverse("kiosks:edit", args=[kiosk.pk])).content.decode()
    assert token not in again


def test_a_counter_offers_only_its_offices_series(client, director, demo_data):
    counter = Counter.objects.get(office=demo_data["huxi"], number=2)
    page = client.get(reverse("counters:edit", args=[counter.pk])).content.decode()
    huxi_series = Series.objects.filter(office=demo_data["huxi"])
    magong_series = Series.objects.filter(office=demo_data["magong"])
    # The series checkboxes alone: other fields of the form have numeric values too.
    offered = set(re.findall(r'name="series" value="(\d+)"', page))
    assert offered == {str(s.pk) for s in huxi_series}
    assert not offered & {str(s.pk) for s in magong_series}


def test_the_menu_leads_to_the_console_and_the_statistics_of_ones_office(client, director):
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/queue/huxi/counter/" in page
    assert "/queue/huxi/statistics/" in page


def test_the_web_editor_has_no_counter_console(client, demo_data):
    client.force_login(get_user_model().objects.get(username="editor"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/queue/huxi/counter/" not in page
