"""The editors' back office: reports, scheduling fields and the director's approval."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from huzheng.core import roles
from huzheng.site.admin_views import disclosure_gaps, overdue_pages
from huzheng.site.models import (
    AgencyPage,
    ContentPage,
    DisclosurePage,
    FaqPage,
    LawIndexPage,
    LawPage,
    NewsIndexPage,
    NewsPage,
)

pytestmark = pytest.mark.django_db

NEW_TYPES = [NewsIndexPage, NewsPage, LawIndexPage, LawPage, DisclosurePage, FaqPage, AgencyPage]


@pytest.fixture
def editor(demo_data):
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def director(demo_data):
    return get_user_model().objects.get(username="director")


def test_pages_past_their_review_date_are_listed_for_editors(client, editor):
    today = timezone.localdate()
    NewsPage.objects.filter(slug="new-id-card-reminder").update(
        review_by=today - dt.timedelta(days=3)
    )
    LawPage.objects.filter(slug="household-registration-act-6").update(review_by=today)
    FaqPage.objects.update(review_by=today - dt.timedelta(days=30))
    ContentPage.objects.filter(slug="about").update(review_by=today - dt.timedelta(days=1))
    assert [p.title for p in overdue_pages()] == [
        "常見問答",
        "國民身分證遺失請儘速申請補領",
        "本所簡介",
    ]

    client.force_login(editor)
    response = client.get("/admin/reports/overdue-review/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "國民身分證遺失請儘速申請補領" in html
    assert "戶籍法 第6條" not in html  # due today, not overdue
    news = NewsPage.objects.get(slug="new-id-card-reminder")
    assert f'href="/admin/pages/{news.pk}/edit/"' in html
    assert "民國" in html


def test_the_coverage_check_shows_which_disclosure_category_is_empty(client, editor):
    page = DisclosurePage.objects.get()
    assert disclosure_gaps() == [(page, [])]
    page.disclosure_links.filter(category="budgets").delete()
    page.disclosure_links.filter(category="meetings").delete()
    ((_, missing),) = disclosure_gaps()
    assert [row["value"] for row in missing] == ["budgets", "meetings"]

    client.force_login(editor)
    html = client.get("/admin/reports/disclosure-coverage/").content.decode()
    missing_html = html.split('class="disclosure-missing"')[1].split("</ul>")[0]
    assert missing_html.count("<li>") == 2


def test_the_reports_are_in_the_reports_menu_for_editors_only(client, editor, demo_data):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/overdue-review/" in html
    assert "/admin/reports/disclosure-coverage/" in html
    counter = get_user_model().objects.get(username="counter")
    client.force_login(counter)
    assert client.get("/admin/reports/overdue-review/").status_code in (302, 403)


def test_scheduled_publishing_and_expiry_are_on_the_settings_tab(client, editor):
    news = NewsPage.objects.get(slug="new-id-card-reminder")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html
    assert 'name="attachments-TOTAL_FORMS"' in html


def test_every_new_page_type_goes_through_the_directors_approval(demo_data):
    for model in NEW_TYPES:
        page = model.objects.first()
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == roles.APPROVAL_WORKFLOW, model


def test_a_web_editor_submits_and_only_the_director_publishes(editor, director):
    index = LawIndexPage.objects.get()
    draft = LawPage(
        title="測試函釋",
        slug="test-interpretation",
        law_name="戶籍法",
        full_text="測試",
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision(user=editor)

    editor_perms = draft.permissions_for_user(editor)
    assert editor_perms.can_edit()
    assert not editor_perms.can_publish()
    assert draft.permissions_for_user(director).can_publish()

    workflow = draft.get_workflow()
    state = workflow.start(draft, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, editor) == []  # the editor cannot approve their own
    assert [name for name, *_ in task.get_actions(draft, director)][:2] == ["reject", "approve"]
    draft.refresh_from_db()
    assert not draft.live

    task.on_action(task_state, director, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert Page.objects.get(pk=draft.pk).specific.full_text == "測試"


def test_the_editor_opens_every_new_page_type_in_the_admin(client, editor):
    client.force_login(editor)
    for model in NEW_TYPES:
        page = model.objects.first()
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model
        html = response.content.decode()
        assert 'name="topic"' in html and 'name="review_by"' in html, model


def test_a_news_item_gets_a_short_address_not_its_percent_encoded_title(demo_data):
    from huzheng.site.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.first()
    item = NewsPage(title="颱風停班停課期間戶政服務說明", date=dt.date(2026, 12, 6))
    index.add_child(instance=item)
    assert item.slug.startswith("20261206-") and item.slug.isascii() and len(item.slug) <= 13
    assert "%" not in item.url


def test_the_back_office_speaks_the_offices_words(demo_data):
    from django.utils import translation

    with translation.override("zh-hant"):
        assert translation.gettext("New: %(model_name)s") == "新增：%(model_name)s"
        assert translation.gettext("Exploring") == "瀏覽中"
    assert Page.get_first_root_node().title == "全部網站"
