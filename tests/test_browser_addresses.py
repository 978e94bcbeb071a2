"""Villages and house numbers in a real browser: a house number is found by keyboard,
and the search page, its results, a number's history and a village page pass axe."""

import pytest

pytestmark = pytest.mark.browser


def test_search_a_house_number_by_keyboard(page, live_site, axe):
    page.goto(live_site + "/addresses/")
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    box = page.get_by_label("地址")
    for _step in range(40):  # Tab through the header to the house-number box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "address-q":
            break
    assert page.evaluate("document.activeElement.id") == "address-q"
    page.keyboard.type("湖西路２段18號")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert box.input_value() == "湖西路２段18號"
    table = page.get_by_role("table")
    assert table.locator("caption").is_visible()
    row = table.locator("tbody tr").first
    assert "湖西路二段18號" in row.inner_text()
    assert "湖西村" in row.inner_text()
    axe(page)
    link = row.get_by_role("link", name="湖西路二段18號")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1, name="湖西路二段18號").is_visible()
    assert "民國95年6月1日" in page.get_by_role("table").inner_text()
    axe(page)


def test_a_village_page_passes_axe(page, live_site, axe):
    page.goto(live_site + "/addresses/")
    with page.expect_navigation():
        page.get_by_role("link", name="湖西村").click()
    assert page.get_by_role("heading", level=1, name="湖西村").is_visible()
    assert page.get_by_role("table").count() == 2
    axe(page)


@pytest.mark.parametrize("q", ["<script>alert(1)</script>", "x" * 5000, ""])
def test_hostile_and_empty_queries_get_a_clear_accessible_answer(page, live_site, axe, q):
    from urllib.parse import quote

    response = page.goto(f"{live_site}/addresses/?q={quote(q)}")
    assert response.status in (200, 400)
    assert page.get_by_role("heading", level=1).is_visible()
    axe(page)


def test_the_results_print_without_the_search_form(page, live_site):
    page.goto(live_site + "/addresses/?q=湖西村")
    page.emulate_media(media="print")
    assert not page.locator("form.filter-bar").is_visible()
    assert page.get_by_role("table").is_visible()


def test_a_clerk_renumbers_a_house_and_the_public_history_shows_it(page, live_site, axe):
    """門牌改編 in the back office: the clerk finds the number as people type it, renumbers
    it, and the public page shows the new address with the old one in its history."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from huzheng.addresses.models import HouseNumber
    from huzheng.core import roc
    from huzheng.core.demo import DEMO_PASSWORD

    clerk = get_user_model().objects.get(username="clerk")
    clerk.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="addresses",
            codename__in=["view_housenumber", "change_housenumber"],
        )
    )
    page.goto(f"{live_site}/admin/login/?next=/admin/house-numbers/")
    page.locator("#id_username").fill("clerk")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert "/admin/house-numbers/" in page.url
    page.locator("#id_q").fill("中正路７號")
    with page.expect_navigation():
        page.locator("#id_q").press("Enter")
    with page.expect_navigation():
        page.get_by_role("link", name="湖西村3鄰中正路7號").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Renumber").or_(page.get_by_role("link", name="改編")).click()
    page.locator("#id_number").fill("9")
    page.locator("#id_on").fill(roc.format_short(roc.today()))
    page.locator("#id_note").fill("整編")
    with page.expect_navigation():
        page.locator("#id_note").press("Enter")
    assert "湖西村3鄰中正路9號" in page.content()
    house = HouseNumber.objects.get(key="中正路9號")

    page.goto(f"{live_site}/addresses/numbers/{house.pk}/")
    assert page.get_by_role("heading", level=1, name="中正路9號").is_visible()
    assert "湖西村3鄰中正路7號" in page.get_by_role("table").inner_text()
    axe(page)
