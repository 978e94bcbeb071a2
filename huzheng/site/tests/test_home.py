"""The home page: the plan's seven doors, hot services and common registrations in
the centre, today's opening status, the QR code — and edits show at once."""

import pytest
from django.test import Client

from huzheng.catalog.models import RegistrationService

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client()


def test_home_opens_the_seven_doors_of_the_plan(demo_data, client):
    response = client.get("/")
    assert response.status_code == 200
    keys = [door.key for door in response.context["home"].doors]
    assert keys == ["news", "guides", "forms", "statistics", "online", "hot", "laws"]
    for door in response.context["home"].doors:
        if door.url.startswith("/"):
            assert client.get(door.url).status_code == 200, door.url


def test_hot_services_and_common_registrations_are_in_the_centre(demo_data, client):
    html = client.get("/").content.decode()
    hot = RegistrationService.objects.filter(is_hot=True).order_by("sort_order", "name")
    assert hot.exists()
    for service in hot:
        assert f'href="{service.get_absolute_url()}"' in html
    assert 'id="hot-services"' in html
    assert "出生登記" in html  # a common registration type


def test_a_catalog_edit_shows_on_the_home_page_at_once(demo_data, client):
    client.get("/")  # warm the cache
    service = RegistrationService.objects.get(slug="birth")
    service.is_hot = False
    service.save()
    hot_urls = [s.url for s in client.get("/").context["home"].hot_services]
    assert service.get_absolute_url() not in hot_urls


def test_online_services_list_only_what_is_built(demo_data, client):
    urls = [s.url for s in client.get("/").context["home"].online_services]
    assert "/services/checklist/" in urls
    assert "/feeds/" in urls and "/search/" in urls
    assert all(url.startswith("/") for url in urls)


def test_home_says_whether_the_office_is_open_and_carries_a_qr_code(demo_data, client):
    html = client.get("/").content.decode()
    assert "office-status" in html
    assert "<svg" in html and "QR" in html


def test_news_past_its_expiry_is_not_on_the_home_page(demo_data, client):
    from django.utils import timezone

    from huzheng.site.models import NewsPage

    newest = NewsPage.objects.live().order_by("-date").first()
    NewsPage.objects.filter(pk=newest.pk).update(expire_at=timezone.now())
    latest = [item.url for item in client.get("/").context["home"].latest_news]
    assert latest and newest.url not in latest


def test_links_to_pages_stay_on_the_address_the_visitor_came_by(demo_data, client):
    """The demo has two sites (one per office); a link built without the request would be
    a full address from the Site's host and port (http://localhost/news/), which is not
    where `make run`, a proxy or a test server answers."""
    import re

    # The menu on both; the home page's latest news; the guide's questions on the FAQ page.
    for path, own in (("/", r"/news/[\w-]+/$"), ("/services/move-in/", r"/faq/#faq-\d+$")):
        hrefs = re.findall(r'href="([^"]+)"', client.get(path).content.decode())
        assert "/news/" in hrefs and "/about/" in hrefs, path
        assert any(re.match(own, h) for h in hrefs), path
        assert [h for h in hrefs if "localhost" in h] == [], path
