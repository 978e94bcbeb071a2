"""The office page's staff phone list (承辦人電話) is the office's staff profiles, the same
records the case query gives a clerk's phone from: its own office's staff only, names in
the office's order, nothing but name, title, duties and phone, a changed phone shows at
once although the page is kept in the page cache, and a deactivated account is gone."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from huzheng.core.models import StaffProfile

pytestmark = pytest.mark.django_db

AGENCY = "/organisation/"  # the demo's office page


def phone_table(client):
    """(the staff phone table's HTML, queries the answer cost)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(AGENCY)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="staff-phones"' in html, "the page shows no staff phone list"
    return html.split('id="staff-phones"')[1].split("</table>")[0], len(queries)


def test_the_office_page_lists_the_staff_of_its_own_office_only(client, demo_data):
    table, _ = phone_table(client)
    # Huxi's demo staff, family name first as the office writes Chinese names.
    for name in ("林美華", "陳志明", "王淑芬", "張家豪"):
        assert name in table
    assert "黃建國" not in table  # Magong's director
    assert "主任" in table and "戶籍員" in table  # titles
    assert "戶籍登記、門牌、國籍案件" in table  # duties
    assert 'href="tel:069921145,21"' in table and "分機 21" in table
    # No e-mail address, no username.
    assert "@" not in table and "huzheng.localhost" not in table
    assert ">clerk<" not in table and ">director<" not in table


def test_a_changed_profile_phone_shows_on_the_kept_office_page(client, demo_data):
    first, rendering = phone_table(client)
    again, kept = phone_table(client)
    assert again == first and kept < rendering  # served from the page cache
    profile = StaffProfile.objects.get(user__username="clerk")
    profile.phone = "06-9921145#31"
    profile.save()
    table, _ = phone_table(client)
    assert "分機 31" in table and "分機 21" not in table


def test_a_deactivated_account_or_an_empty_phone_is_not_listed(client, demo_data):
    phone_table(client)  # kept
    clerk = get_user_model().objects.get(username="clerk")
    clerk.is_active = False
    clerk.save()
    counter = StaffProfile.objects.get(user__username="counter")
    counter.phone = ""
    counter.save()
    table, _ = phone_table(client)
    assert "陳志明" not in table and "王淑芬" not in table
    assert "林美華" in table


def test_a_staff_phone_must_be_a_phone_number(demo_data):
    profile = StaffProfile.objects.get(user__username="clerk")
    profile.phone = "<script>"
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_the_editor_is_sent_to_the_staff_profiles_for_phones(client, demo_data):
    from huzheng.site.models import AgencyPage

    client.force_login(get_user_model().objects.get(username="editor"))
    page = AgencyPage.objects.get()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "人員資料" in html  # the help panel pointing to Office › Staff
    assert "staff_contacts" not in html
