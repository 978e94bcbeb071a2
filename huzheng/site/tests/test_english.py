"""The English site speaks English: the menu, the footer and the home page's heading and
introduction, with the Chinese that stays (page bodies written in Chinese) marked as such."""

import re

import pytest
from bs4 import BeautifulSoup

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

pytestmark = pytest.mark.django_db


def english(client, path):
    client.get("/language/en/?next=/")
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def chinese_in(element, allowed=()):
    text = element.get_text(" ", strip=True)
    for name in allowed:
        text = text.replace(name, "")
    return CJK.findall(text)


def test_the_menu_and_the_footer_are_english_on_the_english_site(client, demo_data):
    page = english(client, "/")
    assert page.html["lang"].startswith("en")
    assert chinese_in(page.select_one("nav.site-nav")) == []
    assert chinese_in(page.select_one("footer.site-footer")) == []


def test_the_home_page_heading_and_introduction_are_english(client, demo_data):
    page = english(client, "/")
    assert page.h1.get_text(strip=True) == "Huxi Household Registration Office"
    assert chinese_in(page.select_one(".lead")) == []


def test_a_page_without_an_english_text_marks_its_chinese(client, demo_data):
    page = english(client, "/news/lunar-new-year-hours/")
    assert page.h1["lang"] == "zh-Hant"
    assert page.select_one(".page-body")["lang"] == "zh-Hant"
    assert chinese_in(page.select_one("nav.site-nav")) == []


def test_the_chinese_site_is_unchanged(client, demo_data):
    response = client.get("/")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "湖西鄉戶政事務所"
    assert "最新消息" in page.select_one("nav.site-nav").get_text()
