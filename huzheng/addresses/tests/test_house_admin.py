"""門牌管理: staff record new numbers (初編/增編), renumberings (改編) and abolitions (廢止)
through the services, each with its public history entry and its audit entry; the back
office finds numbers by address and keeps staff within their own office."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from huzheng.addresses import housenumbers
from huzheng.addresses.housenumbers import HouseNumberChangeError
from huzheng.addresses.models import HouseNumber, HouseNumberEvent, Neighbourhood, Road, Village
from huzheng.core import roc
from huzheng.core.models import AuditEntry

pytestmark = pytest.mark.django_db

LIST = reverse("addresses_houses:list")
ASSIGN = reverse("addresses_houses:assign")


@pytest.fixture(autouse=True)
def _english():
    # The services' messages are read here in English; the pages answer in the office's
    # language (zh-Hant), as staff see them.
    with translation.override("en"):
        yield


@pytest.fixture
def huxi(demo_data):
    return demo_data["huxi"]


@pytest.fixture
def magong(demo_data):
    return demo_data["magong"]


@pytest.fixture
def village(huxi):
    return Village.objects.get(office=huxi, name="湖西村")


@pytest.fixture
def zhongzheng(huxi):
    return Road.objects.get(office=huxi, name="中正路", section="")


def house(key):
    return HouseNumber.objects.get(key=key)


def today():
    return roc.today()


def counts():
    return (
        HouseNumber.objects.count(),
        HouseNumberEvent.objects.count(),
        AuditEntry.objects.count(),
    )


def staff(username, *codenames):
    user = get_user_model().objects.get(username=username)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="addresses", codename__in=codenames)
    )
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def refused(response):
    """Wagtail answers a PermissionDenied in the admin by sending staff to the dashboard
    with an error message; outside it a plain 403."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def assign(office, village, road, number, **kwargs):
    values = {
        "neighbourhood": None,
        "lane": "",
        "alley": "",
        "on": today(),
        "note": "",
        **kwargs,
    }
    return housenumbers.assign_number(
        office,
        village,
        values.pop("neighbourhood"),
        road,
        values.pop("lane"),
        values.pop("alley"),
        number,
        values.pop("on"),
        values.pop("note"),
        **values,
    )


# --- services ---------------------------------------------------------------------------


def test_the_first_number_on_a_new_road_is_first_assigned(huxi, village):
    road = Road.objects.create(office=huxi, name="新興路")
    clerk = staff("clerk")
    new = assign(huxi, village, road, "1", neighbourhood=5, note="府民字第1號", user=clerk)
    assert new.key == "新興路1號" and new.status == HouseNumber.Status.CURRENT
    event = new.events.get()
    assert event.kind == HouseNumberEvent.Kind.ASSIGNED
    assert event.date == today() and event.note == "府民字第1號"
    assert new.neighbourhood == Neighbourhood.objects.get(village=village, number=5)
    audit = AuditEntry.objects.get(object_id=str(new.pk), object_type="addresses.housenumber")
    assert audit.action == AuditEntry.Action.CREATE and audit.username == "clerk"
    assert audit.office == huxi


def test_a_number_among_existing_ones_is_added(huxi, village, zhongzheng):
    new = assign(huxi, village, zhongzheng, "5-1", neighbourhood=3)
    assert housenumbers.street_address(new) == "中正路5之1號"
    assert new.events.get().kind == HouseNumberEvent.Kind.ADDED
    assert new.neighbourhood.number == 3


def test_a_number_in_an_area_without_roads_is_added_to_that_area(huxi, village):
    new = assign(huxi, village, None, "99", area="湖西", lane="0２")
    assert housenumbers.street_address(new) == "湖西2巷99號"
    assert new.events.get().kind == HouseNumberEvent.Kind.ADDED


def test_a_new_number_is_found_by_search_and_shown_on_its_public_page(client, huxi, village):
    road = Road.objects.create(office=huxi, name="臺光路")
    new = assign(huxi, village, road, "9", neighbourhood=2)
    found = housenumbers.search("台光路９號", office=huxi)
    assert found == [new]
    page = client.get(reverse("addresses:house_detail", args=[new.pk])).text
    assert "臺光路9號" in page and roc.format_long(today()) in page


def test_renumbering_shows_the_new_address_and_keeps_the_old_in_history(client, huxi, zhongzheng):
    old = house("中正路7號")
    clerk = staff("clerk")
    moved = housenumbers.renumber(old, {"number": "9"}, today(), "整編", user=clerk)
    assert moved.pk == old.pk and moved.key == "中正路9號"
    event = moved.events.order_by("-pk").first()
    assert event.kind == HouseNumberEvent.Kind.RENUMBERED
    assert event.previous_address == "湖西村3鄰中正路7號"
    assert list(moved.events.values_list("kind", flat=True)) == ["assigned", "renumbered"]
    assert housenumbers.search("中正路９號", office=huxi) == [moved]
    assert housenumbers.search("中正路7號", office=huxi) == []
    page = client.get(reverse("addresses:house_detail", args=[moved.pk])).text
    assert "中正路9號" in page and "湖西村3鄰中正路7號" in page
    assert AuditEntry.objects.filter(
        object_id=str(moved.pk), action=AuditEntry.Action.UPDATE, username="clerk"
    ).exists()


def test_renumbering_may_move_a_number_to_another_road_and_neighbourhood(huxi, village):
    road = Road.objects.get(office=huxi, name="湖西路", section="二段")
    moved = housenumbers.renumber(
        house("湖西1號"), {"road": road, "number": "30", "neighbourhood": 4}, today()
    )
    assert moved.key == "湖西路2段30號" and moved.area == "" and moved.neighbourhood.number == 4


def test_renumbering_to_another_neighbourhood_only_is_a_renumbering(huxi):
    moved = housenumbers.renumber(house("湖西1號"), {"neighbourhood": 7}, today())
    assert moved.key == "湖西1號" and moved.neighbourhood.number == 7
    assert moved.events.last().previous_address == "湖西村1鄰湖西1號"


def test_renumbering_to_the_same_address_is_refused(huxi):
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        housenumbers.renumber(house("湖西1號"), {"number": "０１"}, today())
    assert "number" in refused.value.message_dict
    assert counts() == before


@pytest.mark.parametrize("number", ["5", "５", "05", "5號", "５號"])
def test_an_address_that_exists_is_refused_and_nothing_written(huxi, village, zhongzheng, number):
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, zhongzheng, number)
    assert "湖西村3鄰中正路5號 already exists." in refused.value.message_dict["number"]
    assert counts() == before


def test_an_abolished_address_is_still_on_record_and_refused(huxi, village):
    road = Road.objects.get(office=huxi, name="湖西路", section="二段")
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, road, "22")
    assert "abolished" in refused.value.message_dict["number"][0]
    with pytest.raises(HouseNumberChangeError):
        housenumbers.renumber(house("湖西路2段18號"), {"number": "22"}, today())
    assert counts() == before


def test_renumbering_onto_another_number_is_refused(huxi):
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        housenumbers.renumber(house("中正路7號"), {"number": "5"}, today())
    assert "already exists" in refused.value.message_dict["number"][0]
    assert house("中正路7號").events.count() == 1
    assert counts() == before


def test_a_village_or_road_of_another_office_is_refused(huxi, magong, village, zhongzheng):
    other_village = Village.objects.filter(office=magong).first()
    other_road = Road.objects.create(office=magong, name="中正路")
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, other_village, zhongzheng, "101")
    assert "village" in refused.value.message_dict
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, other_road, "101")
    assert "road" in refused.value.message_dict
    with pytest.raises(HouseNumberChangeError):
        housenumbers.renumber(house("中正路7號"), {"road": other_road}, today())
    with pytest.raises(HouseNumberChangeError):
        housenumbers.renumber(house("中正路7號"), {"village": other_village}, today())
    assert counts() == before


def test_a_neighbourhood_of_another_village_is_refused(huxi, village, zhongzheng):
    other = Neighbourhood.objects.filter(village__office=huxi).exclude(village=village).first()
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, zhongzheng, "101", neighbourhood=other)
    assert "neighbourhood" in refused.value.message_dict
    for bad in (0, -1, 1000, "三"):
        with pytest.raises(HouseNumberChangeError):
            assign(huxi, village, zhongzheng, "101", neighbourhood=bad)
    assert counts() == before


def test_a_change_is_recorded_on_or_before_today(huxi, village, zhongzheng):
    before = counts()
    tomorrow = today() + dt.timedelta(days=1)
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, zhongzheng, "101", on=tomorrow)
    assert "on" in refused.value.message_dict
    with pytest.raises(HouseNumberChangeError):
        housenumbers.abolish(house("中正路7號"), tomorrow)
    with pytest.raises(HouseNumberChangeError):
        assign(huxi, village, zhongzheng, "101", on="115/1/1")  # not parsed: not a date
    assert counts() == before


def test_a_change_cannot_be_dated_before_the_numbers_last_change(huxi):
    house_24 = house("湖西路2段24號")  # renumbered on ROC 110/9/15
    with pytest.raises(HouseNumberChangeError) as refused:
        housenumbers.abolish(house_24, dt.date(2021, 9, 14))
    assert (
        "民國110年9月15日" in refused.value.message_dict["on"][0]
        or "ROC 110" in (refused.value.message_dict["on"][0])
    )
    housenumbers.abolish(house_24, dt.date(2021, 9, 15))
    assert house("湖西路2段24號").status == HouseNumber.Status.ABOLISHED


def test_abolishing_keeps_the_number_with_its_history_and_twice_is_refused(client, huxi):
    target = house("中正路7號")
    housenumbers.abolish(target, today(), "拆除")
    target.refresh_from_db()
    assert target.status == HouseNumber.Status.ABOLISHED
    assert target.events.last().kind == HouseNumberEvent.Kind.ABOLISHED
    page = client.get(reverse("addresses:house_detail", args=[target.pk])).text
    assert "拆除" in page
    before = counts()
    with translation.override("en"), pytest.raises(HouseNumberChangeError) as refused:
        housenumbers.abolish(target, today())
    assert "already abolished" in refused.value.messages[0]
    with pytest.raises(HouseNumberChangeError):
        housenumbers.renumber(target, {"number": "77"}, today())
    assert counts() == before


def test_renumbering_twice_on_one_day_is_refused(huxi):
    moved = housenumbers.renumber(house("中正路7號"), {"number": "9"}, today())
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        housenumbers.renumber(moved, {"number": "11"}, today())
    assert "on" in refused.value.message_dict
    assert counts() == before


@pytest.mark.parametrize(
    "parts",
    [
        {"number": "<script>alert(1)</script>"},
        {"number": "1; DROP TABLE"},
        {"number": "\x00"},
        {"number": ""},
        {"number": "9" * 30},
        {"number": "😀"},
        {"lane": "三巷"},
        {"alley": "1\u202e2"},
        {"floor": "屋頂"},
        {"area": "湖西<b>"},
        {"area": "湖" * 41},
    ],
)
def test_odd_characters_in_an_address_are_refused_and_nothing_written(huxi, village, parts):
    values = {"number": "101", "area": "湖西", **parts}
    before = counts()
    with pytest.raises(HouseNumberChangeError):
        assign(huxi, village, None, values.pop("number"), **values)
    with pytest.raises(HouseNumberChangeError):
        housenumbers.renumber(house("湖西1號"), {"number": "101", "area": "湖西", **parts}, today())
    assert counts() == before


def test_an_overlong_note_is_refused_and_control_characters_are_dropped(huxi, village):
    before = counts()
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, None, "101", area="湖西", note="註" * 201)
    assert "note" in refused.value.message_dict
    assert counts() == before
    new = assign(huxi, village, None, "101", area="湖西", note="府\x00民\n字 <b>1</b>")
    assert new.events.get().note == "府 民 字 <b>1</b>"


def test_neither_road_nor_area_is_refused(huxi, village):
    with pytest.raises(HouseNumberChangeError) as refused:
        assign(huxi, village, None, "101")
    assert "road" in refused.value.message_dict


# --- views ------------------------------------------------------------------------------


def test_staff_without_the_permissions_are_refused(client, huxi):
    target = house("中正路7號")
    client.force_login(staff("editor"))
    for url in (LIST, reverse("addresses_houses:roads"), ASSIGN):
        assert refused(client.get(url))
    assert refused(client.get(reverse("addresses_houses:detail", args=[target.pk])))
    client.force_login(staff("counter", "view_housenumber"))
    assert client.get(LIST).status_code == 200
    assert refused(client.get(ASSIGN))
    abolish = reverse("addresses_houses:abolish", args=[target.pk])
    assert refused(client.post(abolish, {"on": roc.format_short(today())}))
    assert house("中正路7號").status == HouseNumber.Status.CURRENT


def test_another_offices_numbers_are_not_found(client, huxi):
    target = house("中正路7號")
    client.force_login(staff("magong-director", "view_housenumber", "change_housenumber"))
    for name in ("detail", "renumber", "abolish"):
        url = reverse(f"addresses_houses:{name}", args=[target.pk])
        assert client.get(url).status_code == 404
    abolish = reverse("addresses_houses:abolish", args=[target.pk])
    assert client.post(abolish, {"on": roc.format_short(today())}).status_code == 404
    detail = reverse("addresses_houses:detail", args=[target.pk])
    assert detail not in client.get(LIST).text
    assert detail not in client.get(LIST, {"q": "中正路7號"}).text
    assert "中正路" not in client.get(reverse("addresses_houses:roads")).text


def test_the_list_finds_numbers_by_address_as_people_type_it(client, huxi, village):
    client.force_login(staff("clerk", "view_housenumber"))
    page = client.get(LIST, {"q": "湖西路２段１８號"})
    assert page.status_code == 200
    assert "湖西村4鄰湖西路二段18號" in page.text
    assert reverse("addresses_houses:detail", args=[house("湖西路2段18號").pk]) in page.text
    other = Village.objects.get(office=huxi, name="湖東村")
    by_village = client.get(LIST, {"village": other.pk}).text
    assert "湖東村1鄰湖東1號" in by_village and "湖西村" not in by_village.split("<tbody>")[1]
    assert client.get(LIST, {"q": "\x00"}).status_code == 400
    assert client.get(LIST, {"q": "x" * 5000}).status_code == 200  # the form refuses it
    assert client.get(LIST, {"village": "abc", "p": "x"}).status_code == 200


def test_the_roads_page_counts_numbers_and_links_to_them(client, huxi):
    client.force_login(staff("clerk", "view_housenumber"))
    page = client.get(reverse("addresses_houses:roads"), {"q": "湖西路二段"}).text
    road = Road.objects.get(office=huxi, name="湖西路", section="二段")
    assert f"?road={road.pk}" in page
    listing = client.get(LIST, {"road": road.pk}).text
    assert "湖西路二段18號" in listing and "中正路" not in listing.split("<tbody>")[1]


def test_a_number_page_shows_its_history_with_roc_dates(client, huxi):
    client.force_login(staff("clerk", "view_housenumber"))
    target = house("湖西路2段24號")
    page = client.get(reverse("addresses_houses:detail", args=[target.pk])).text
    assert "民國110年9月15日" in page and "湖西村湖西88號" in page


def test_a_clerk_assigns_a_number_and_is_told_so(client, huxi, village, zhongzheng):
    client.force_login(staff("clerk", "view_housenumber", "change_housenumber"))
    assert client.get(ASSIGN).status_code == 200
    response = client.post(
        ASSIGN,
        {
            "village": village.pk,
            "neighbourhood": "3",
            "road": zhongzheng.pk,
            "number": "１１",
            "on": roc.format_short(today()),
            "note": "新建",
        },
        follow=True,
    )
    new = house("中正路11號")
    assert response.redirect_chain[-1][0] == reverse("addresses_houses:detail", args=[new.pk])
    assert "湖西村3鄰中正路11號" in response.text
    assert "新建" in response.text
    assert new.events.get().kind == HouseNumberEvent.Kind.ADDED


def test_assigning_an_existing_address_in_the_form_shows_why(client, huxi, village, zhongzheng):
    client.force_login(staff("clerk", "view_housenumber", "change_housenumber"))
    before = counts()
    response = client.post(
        ASSIGN,
        {
            "village": village.pk,
            "road": zhongzheng.pk,
            "number": "5",
            "on": roc.format_short(today()),
        },
    )
    assert response.status_code == 400
    assert "湖西村3鄰中正路5號 已有此門牌。" in response.text
    assert counts() == before


def test_the_form_offers_only_the_staffs_own_villages(client, magong, village, zhongzheng):
    client.force_login(staff("magong-director", "view_housenumber", "change_housenumber"))
    before = counts()
    response = client.post(
        ASSIGN,
        {"village": village.pk, "road": zhongzheng.pk, "number": "101", "on": "115/1/1"},
    )
    assert response.status_code == 400
    assert counts() == before


def test_a_clerk_renumbers_and_abolishes_from_the_numbers_page(client, huxi):
    client.force_login(staff("clerk", "view_housenumber", "change_housenumber"))
    target = house("中正路7號")
    renumber = reverse("addresses_houses:renumber", args=[target.pk])
    form = client.get(renumber)
    assert form.status_code == 200 and 'value="7"' in form.text
    answer = client.post(
        renumber,
        {
            "village": target.village_id,
            "neighbourhood": "3",
            "road": target.road_id,
            "number": "9",
            "on": roc.format_short(today()),
            "note": "整編",
        },
    )
    assert answer.status_code == 302
    page = client.get(answer["Location"]).text
    assert "湖西村3鄰中正路9號" in page and "湖西村3鄰中正路7號" in page
    abolish = reverse("addresses_houses:abolish", args=[target.pk])
    future = roc.format_short(today() + dt.timedelta(days=3))
    assert client.post(abolish, {"on": future}).status_code == 400
    assert client.post(abolish, {"on": roc.format_short(today())}).status_code == 302
    again = client.post(abolish, {"on": roc.format_short(today())})
    assert again.status_code == 400 and "這個門牌已經廢止。" in again.text
    assert house("中正路9號").status == HouseNumber.Status.ABOLISHED


# --- concurrency (real threads; SQLite here, PostgreSQL with DATABASE_URL) -----------------


@pytest.mark.django_db(transaction=True)
def test_two_clerks_giving_the_same_number_at_once_give_it_once():
    from huzheng.addresses.tests.factories import office_with_villages
    from huzheng.core.tests.races import race

    office, (first, *_rest) = office_with_villages(code="race")
    road = Road.objects.create(office=office, name="光明路")
    results, errors = race(6, lambda i: assign(office, first, road, "1", note=f"clerk {i}"))
    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 5 and all(isinstance(e, HouseNumberChangeError) for e in errors)
    new = HouseNumber.objects.get(office=office)
    assert new.events.count() == 1
    assert AuditEntry.objects.filter(object_id=str(new.pk)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_number_abolished_by_two_clerks_at_once_is_abolished_once():
    from huzheng.addresses.tests.factories import office_with_villages
    from huzheng.core.tests.races import race

    office, (first, *_rest) = office_with_villages(code="race")
    new = assign(office, first, None, "1", area="光明")
    results, errors = race(5, lambda i: housenumbers.abolish(new, today()))
    assert len([r for r in results if r is not None]) == 1
    assert len(errors) == 4 and all(isinstance(e, HouseNumberChangeError) for e in errors)
    assert new.events.filter(kind=HouseNumberEvent.Kind.ABOLISHED).count() == 1
