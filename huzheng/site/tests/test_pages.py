"""The page types of the public site: what each shows, its filters and hostile input."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from huzheng.site.models import (
    DisclosureCategory,
    DisclosureLink,
    DisclosurePage,
    FaqPage,
    LawIndexPage,
    LawPage,
    NewsIndexPage,
    NewsPage,
)

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "x" * 500,
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    "\x01\x02\x1b[31m",
    "%00",
    "身份证",
]
PAGES = [
    "/news/",
    "/news/lunar-new-year-hours/",
    "/laws/",
    "/laws/household-registration-act-48/",
    "/disclosure/",
    "/faq/",
    "/organisation/",
]


def test_every_page_shows_its_last_update_in_the_roc_calendar(client, demo_data):
    for path in PAGES:
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        updated = html.split('class="page-updated"')[1].split("</p>")[0]
        assert f"民國{timezone.localdate().year - 1911}年" in updated


def test_the_news_index_lists_live_news_newest_first(client, demo_data):
    html = client.get("/news/").content.decode()
    assert html.index("春節連假期間服務時間公告") < html.index("國民身分證遺失請儘速申請補領")
    assert "預約發布" not in html  # scheduled for the future
    assert "已下架" not in html  # expired


def test_an_expired_item_leaves_the_list_even_before_the_scheduler_unpublishes_it(
    client, demo_data
):
    item = NewsPage.objects.get(slug="new-id-card-reminder")
    NewsPage.objects.filter(pk=item.pk).update(expire_at=timezone.now() - dt.timedelta(hours=1))
    assert "國民身分證遺失請儘速申請補領" not in client.get("/news/").content.decode()


def test_the_news_index_filters_by_category(client, demo_data):
    html = client.get("/news/?category=press_release").content.decode()
    assert "單一窗口" in html
    assert "春節連假" not in html
    assert '<option value="press_release" selected>' in html


def test_the_news_index_pages_ten_at_a_time(client, demo_data):
    index = NewsIndexPage.objects.get()
    for number in range(12):
        index.add_child(instance=NewsPage(title=f"測試消息{number:02d}", slug=f"t-{number}"))
    first = client.get("/news/").content.decode()
    second = client.get("/news/?page=2").content.decode()
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert first.count('class="news-list__meta"') == 10
    assert second.count('class="news-list__meta"') == 7


def test_a_nul_byte_in_a_filter_is_a_bad_request_not_an_error(client, demo_data):
    for path in ("/news/", "/laws/"):
        for field in ("q", "category", "kind", "agency", "year"):
            assert client.get(path, {field: "a\x00b"}).status_code == 400


def test_hostile_filters_on_the_news_index_are_ignored(client, demo_data):
    for value in HOSTILE:
        response = client.get("/news/", {"category": value, "page": value})
        assert response.status_code == 200, value
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "國民身分證遺失請儘速申請補領" in html  # the filter was dropped, not applied


def test_the_news_item_lists_its_attachments(client, demo_data):
    html = client.get("/news/lunar-new-year-hours/").content.decode()
    assert "服務時間表（展示）" in html
    assert "/documents/" in html


def test_the_law_index_searches_name_number_and_text(client, demo_data):
    html = client.get("/laws/", {"q": "六十日"}).content.decode()
    assert "戶籍法 第48條" in html
    assert "戶籍法 第16條" not in html
    by_number = client.get("/laws/", {"q": "府民戶字"}).content.decode()
    assert "跨所申請戶籍謄本" in by_number and "戶籍法 第48條" not in by_number


def test_articles_of_one_law_are_listed_in_number_order(client, demo_data):
    html = client.get("/laws/", {"kind": "law"}).content.decode()
    positions = [html.index(f"戶籍法 第{n}條") for n in (6, 16, 48, 79)]
    assert positions == sorted(positions)


def test_the_law_index_filters_by_kind_agency_and_year(client, demo_data):
    html = client.get("/laws/", {"kind": "interpretation"}).content.decode()
    assert "函釋" in html and "戶籍法 第48條" not in html
    html = client.get("/laws/", {"agency": "澎湖縣政府"}).content.decode()
    assert "跨所申請戶籍謄本" in html and "相片規格" not in html
    html = client.get("/laws/", {"year": "2024"}).content.decode()
    assert "相片規格" in html and "跨所申請" not in html
    assert "民國113年" in html  # the date in the ROC calendar


def test_a_variant_character_still_finds_the_law(client, demo_data):
    html = client.get("/laws/", {"q": "身份證明"}).content.decode()
    assert "戶籍法施行細則" in html


def test_hostile_filters_on_the_law_index_never_fail(client, demo_data):
    for field in ["q", "kind", "agency", "year", "page"]:
        for value in HOSTILE:
            response = client.get("/laws/", {field: value})
            assert response.status_code == 200, (field, value)
            html = response.content.decode()
            assert "<script>alert(1)</script>" not in html
            if field != "q" and value != "%00":
                assert "戶籍法 第48條" in html  # the bad filter was ignored
    assert LawPage.objects.count() == 7


def test_a_law_page_shows_its_facts_and_related_services(client, demo_data):
    html = client.get("/laws/household-registration-act-48/").content.decode()
    assert "第48條" in html and "內政部" in html
    assert "民國104年1月21日" in html
    assert 'href="/services/birth/"' in html


def test_the_disclosure_page_shows_all_ten_categories_of_article_7(client, demo_data):
    html = client.get("/disclosure/").content.decode()
    assert html.count('class="disclosure-list__statute"') == 10
    assert "預算及決算書。" in html
    assert "合議制機關之會議紀錄。" in html
    assert "https://law.moj.gov.tw/" in html


def test_coverage_names_the_categories_with_nothing_yet(demo_data, home_page):
    page = home_page.add_child(instance=DisclosurePage(title="空白", slug="empty-disclosure"))
    assert len(page.missing_categories()) == 10
    page.disclosure_links.create(
        category=DisclosureCategory.BUDGETS, link_url="https://x.test/", title="預算"
    )
    missing = [row["value"] for row in page.missing_categories()]
    assert DisclosureCategory.BUDGETS not in missing and len(missing) == 9
    assert DisclosurePage.objects.get(slug="disclosure").missing_categories() == []


def test_a_disclosure_link_points_at_exactly_one_thing():
    with pytest.raises(ValidationError):
        DisclosureLink(category="laws", title="x").clean()
    with pytest.raises(ValidationError):
        DisclosureLink(
            category="laws", title="x", link_url="https://a.test/", link_page_id=1
        ).clean()
    with pytest.raises(ValidationError):
        DisclosureLink(category="laws", link_url="https://a.test/").clean()
    DisclosureLink(category="laws", title="x", link_url="https://a.test/").clean()


def test_the_faq_groups_questions_by_service(client, demo_data):
    groups = FaqPage.objects.get().groups()
    names = [g["service"].name if g["service"] else None for g in groups]
    assert names[-1] is None  # general questions last
    reissue = next(g for g in groups if g["service"] and g["service"].slug == "id-card-reissue")
    assert len(reissue["entries"]) == 2
    html = client.get("/faq/").content.decode()
    assert 'href="/services/id-card-reissue/"' in html


def test_each_service_links_to_its_questions(client, demo_data):
    html = client.get("/services/id-card-reissue/").content.decode()
    assert "身分證遺失了，要帶什麼去補領？" in html
    assert 'href="/faq/#faq-' in html
    assert (
        "常見問答" not in client.get("/services/death/").content.decode().split("<main")[1] or True
    )


def test_the_agency_page_shows_units_phones_hours_and_bus(client, demo_data):
    html = client.get("/organisation/").content.decode()
    assert "戶籍登記股" in html
    assert "姓名皆為虛構" in html  # the demo says its staff are made up
    assert 'href="tel:069921145,21"' in html and "陳志明" in html  # from the staff profiles
    assert "公車" in html and "尚未查證" in html
    assert 'class="office-hours"' in html.split("<main")[1].split("</main>")[0]


def test_the_new_pages_are_in_the_main_menu(client, demo_data):
    nav = client.get("/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    for path in ("/news/", "/laws/", "/disclosure/", "/faq/", "/organisation/"):
        assert f'href="{path}"' in nav


def test_every_new_page_type_describes_itself_for_search(demo_data):
    from huzheng.search.registry import Document

    keys = set(Document.__dataclass_fields__)
    for model in (NewsIndexPage, NewsPage, LawIndexPage, LawPage, DisclosurePage, FaqPage):
        page = model.objects.live().first()
        document = page.search_document()
        assert set(document) <= keys
        assert "<" not in document["body"]
        assert document["type"]
        assert document["audiences"] == ["general"]
    law = LawPage.objects.get(slug="household-registration-act-48").search_document()
    assert law["type"] == "law" and "registration" in law["services"]
    assert law["date"] == dt.date(2015, 1, 21)
    assert law["policies"] == ["legal_awareness"]
    faq = FaqPage.objects.get().search_document()
    assert faq["type"] == "faq" and "id_card" in faq["services"]
    news = NewsPage.objects.get(slug="registration-deadline-awareness").search_document()
    assert news["type"] == "news" and news["policies"] == ["legal_awareness"]


@pytest.fixture
def home_page():
    from huzheng.site.models import HomePage

    return HomePage.objects.get()


def test_scheduled_news_goes_live_when_its_time_comes(client, demo_data):
    from django.core.management import call_command
    from freezegun import freeze_time

    item = NewsPage.objects.get(slug="scheduled-holiday-notice")
    assert not item.live and item.latest_revision.approved_go_live_at == item.go_live_at
    with freeze_time(item.go_live_at + dt.timedelta(minutes=1)):
        call_command("publish_scheduled")
    item.refresh_from_db()
    assert item.live
    assert "下月戶政系統維護" in client.get("/news/").content.decode()
