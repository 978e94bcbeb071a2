"""The public pages without a browser: language, landmarks, footer, errors."""

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db

FOOTER_PAGES = ["/privacy/", "/security/", "/open-data/", "/accessibility/"]


def test_the_home_page_speaks_traditional_chinese_first(client, demo_data):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hant-TW">' in html
    assert "跳至主要內容" in html
    assert '<main id="main"' in html
    assert "澎湖縣湖西鄉戶政事務所" in html


def test_the_footer_carries_address_phone_hours_policies_and_update_date(client, demo_data):
    html = client.get("/").content.decode()
    assert "澎湖縣湖西鄉湖西村1號" in html
    assert 'href="tel:069921145"' in html
    assert "星期一至星期五" in html
    for path in FOOTER_PAGES:
        assert f'href="{path}"' in html
    assert "最後更新" in html and "民國" in html


@pytest.mark.parametrize("path", FOOTER_PAGES)
def test_each_footer_page_is_published(client, demo_data, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "最後更新" in response.content.decode()


def test_choosing_english_switches_the_interface_and_remembers_it(client, demo_data):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302
    assert response["Location"] == "/privacy/"
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Huxi Township Household Registration Office" in html


def test_the_demo_banner_shows_only_in_demo_mode(client, demo_data, settings):
    settings.HUZHENG_DEMO = True
    assert "展示網站" in client.get("/").content.decode()
    settings.HUZHENG_DEMO = False
    caches["pages"].clear()  # a setting changes with a restart: an empty page cache
    assert "展示網站" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    "path",
    ["/no-such-page/", "/<script>alert(1)</script>/", "/%00/", "/?q=%00", "/" + "x" * 300 + "/"],
)
def test_unknown_and_hostile_paths_get_the_404_page(client, demo_data, path):
    response = client.get(path)
    assert response.status_code in (404, 400)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 404:
        assert "找不到網頁" in html


def test_the_offices_page_lists_every_office_with_its_status(client, demo_data):
    html = client.get("/offices/").content.decode()
    assert "澎湖縣湖西鄉戶政事務所" in html and "澎湖縣馬公市戶政事務所" in html
    assert 'href="/offices/magong/"' in html


def test_an_office_page_shows_hours_and_the_special_days_ahead(client, demo_data):
    import datetime as dt

    from django.utils import timezone

    from huzheng.core.models import SpecialDay

    day = timezone.localdate() + dt.timedelta(days=3)
    SpecialDay.objects.create(
        office=demo_data["magong"],
        date=day,
        is_open=False,
        kind=SpecialDay.Kind.TYPHOON,
        reason="颱風停止上班",
    )
    html = client.get("/offices/magong/").content.decode()
    assert "夜間延長服務" in html
    assert "颱風停止上班" in html
    assert f"民國{day.year - 1911}年{day.month}月{day.day}日" in html
    assert "颱風停止上班" not in client.get("/offices/huxi/").content.decode()


@pytest.mark.parametrize("code", ["nowhere", "<b>x</b>", "HUXI'--", "x" * 100])
def test_an_unknown_office_code_gets_the_404_page(client, demo_data, code):
    response = client.get(f"/offices/{code}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "找不到網頁" in html
    assert "<b>x</b>" not in html


def test_the_back_office_speaks_traditional_chinese_in_taiwan_usage(client, demo_data):
    html = client.get("/admin/login/").content.decode()
    assert "登入" in html  # Wagtail's own catalog says 登錄; scripts/taiwan-admin-terms
    assert "登錄" not in html


def test_the_server_error_page_renders_without_any_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "系統暫時無法服務" in html
    assert 'lang="zh-Hant-TW"' in html


def test_the_header_and_footer_show_an_edit_at_once(client, demo_data):
    from wagtail.models import Page

    assert "隱私權保護政策" in client.get("/").content.decode()  # the chrome is now cached
    privacy = Page.objects.get(slug="privacy").specific
    privacy.title = "隱私權政策（修訂）"
    privacy.save_revision().publish()
    office = demo_data["huxi"]
    office.phone = "06-9990000"
    office.save()
    html = client.get("/").content.decode()
    assert "隱私權政策（修訂）" in html
    assert "06-9990000" in html
