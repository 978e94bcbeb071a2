"""House numbers (門牌): addresses compared as the office reads them, the search people
use, and the import from the national open-data layout."""

import pytest
from django.core.management import CommandError, call_command

from huzheng.addresses import housenumbers
from huzheng.addresses.housenumbers import normalise
from huzheng.addresses.models import HouseNumber, HouseNumberEvent, Neighbourhood, Road
from huzheng.addresses.tests.factories import office_with_villages

pytestmark = pytest.mark.django_db

HEADER = "省市縣市代碼,鄉鎮市區代碼,村里,鄰,街路段,地區,巷,弄,衖,號,樓,編釘日期,異動類型,原門牌\n"
GOOD = HEADER + (
    "63000,63000050,臺北里,003,中正路二段,,,,,5號,,1050312,門牌初編,\n"
    "63000,63000050,臺北里,003,中正路二段,,10巷,2弄,,12之1號,,1060101,門牌增編,\n"
    "63000,63000050,湖西村,001,,湖西,,,,12號,,0750301,門牌初編,\n"
    "63000,63000050,湖西村,001,,湖西,,,,14號,,0750301,門牌初編,\n"
    "63000,63000050,湖西村,001,,湖西,,,,14號,,1100915,門牌廢止,\n"
    "63000,63000050,成功村,002,成功路,,,,,8號,3樓,1120303,門牌改編,成功村成功80號\n"
)


@pytest.fixture
def office():
    office, _villages = office_with_villages()
    return office


def _import(office, text):
    return housenumbers.import_house_numbers_csv(office, text.encode())


# --- comparing addresses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "中正路二段5號",
        "中正路2段5號",
        "中正路２段５號",
        "中正路 二段 5 號",
        "中正路二段，5號。",
        "\u3000中正路二段5號\t",
    ],
)
def test_the_ways_people_write_a_section_and_digits_are_one_address(typed):
    assert normalise(typed) == "中正路2段5號"


def test_tai_and_full_width_and_dashes_fold_together():
    assert (
        normalise("台北市中正路12-1號")
        == normalise("臺北市中正路１２之１號")
        == "臺北市中正路12之1號"
    )
    assert normalise("第003鄰") == "3鄰"
    assert normalise("十二段") == "12段"
    assert normalise("二十一段") == "21段"


def test_hostile_text_normalises_to_letters_and_digits_only():
    assert normalise("<script>alert(1)</script>") == "SCRIPTALERT1SCRIPT"
    assert normalise("\x00\x07 '; DROP TABLE --") == "DROPTABLE之之"


# --- searching --------------------------------------------------------------------------


@pytest.fixture
def imported(office):
    _import(office, GOOD)
    return office


@pytest.mark.parametrize(
    "typed",
    [
        "中正路二段5號",
        "中正路2段5號",
        "中正路２段５號",
        "臺北里中正路二段5號",
        "台北里3鄰中正路2段5號",
    ],
)
def test_search_finds_a_number_however_it_is_written(imported, typed):
    results = housenumbers.search(typed, office=imported)
    assert results[0].street_address == "中正路二段5號"
    assert results[0].village.name == "臺北里"
    assert results[0].neighbourhood.number == 3


def test_search_with_the_county_and_township_first(imported):
    imported.county, imported.township = "臺北市", "中正區"
    results = housenumbers.search("台北市中正區中正路二段5號", office=imported)
    assert [h.street_address for h in results] == ["中正路二段5號"]


def test_an_exact_match_comes_before_longer_numbers(imported):
    results = housenumbers.search("湖西12號", office=imported)
    assert results[0].street_address == "湖西12號"
    results = housenumbers.search("湖西1", office=imported)
    assert {h.street_address for h in results} == {"湖西12號", "湖西14號"}


def test_a_village_alone_lists_its_numbers(imported):
    results = housenumbers.search("湖西村", office=imported)
    assert {h.street_address for h in results} == {"湖西12號", "湖西14號"}


def test_a_wrong_neighbourhood_finds_nothing(imported):
    assert housenumbers.search("臺北里9鄰中正路二段5號", office=imported) == []


def test_a_road_named_like_a_village_is_not_taken_for_one(office):
    _import(office, HEADER + "63000,63000050,成功村,1,萬里路,,,,,3號,,,,\n")
    assert [h.street_address for h in housenumbers.search("萬里路3號", office=office)] == [
        "萬里路3號"
    ]


@pytest.mark.parametrize("typed", ["", "   ", "\x00", "x" * 101, "。，！", "臺灣省"])
def test_empty_odd_or_overlong_queries_are_refused_clearly(imported, typed):
    with pytest.raises(housenumbers.AddressQueryError) as info:
        housenumbers.search(typed, office=imported)
    assert info.value.message


def test_list_streets_gives_roads_then_areas(imported):
    from huzheng.addresses.models import Village

    village = Village.objects.get(office=imported, name="臺北里")
    assert housenumbers.list_streets(village) == [
        {"name": "中正路二段", "road_id": Road.objects.get(name="中正路").pk, "count": 2}
    ]
    huxi = Village.objects.get(office=imported, name="湖西村")
    # 14號 was abolished: a village's streets count the numbers in use.
    assert housenumbers.list_streets(huxi) == [{"name": "湖西", "road_id": None, "count": 1}]


# --- importing --------------------------------------------------------------------------


def test_a_good_file_is_imported_with_its_history(office):
    result = _import(office, GOOD)
    assert (result.rows, result.created, result.events) == (6, 5, 6)
    lane = HouseNumber.objects.get(key=normalise("中正路二段10巷2弄12之1號"))
    assert (lane.lane, lane.alley, lane.number) == ("10", "2", "12之1")
    assert lane.street_address == "中正路二段10巷2弄12之1號"
    abolished = HouseNumber.objects.get(key="湖西14號")
    assert abolished.status == HouseNumber.Status.ABOLISHED
    assert [e.kind for e in abolished.events.all()] == ["assigned", "abolished"]
    renumbered = HouseNumber.objects.get(key="成功路8號3樓").events.get()
    assert renumbered.kind == HouseNumberEvent.Kind.RENUMBERED
    assert renumbered.previous_address == "成功村成功80號"
    assert renumbered.date.isoformat() == "2023-03-03"
    assert Neighbourhood.objects.filter(village__office=office).count() == 3


def test_importing_the_same_file_again_changes_nothing(office):
    _import(office, GOOD)
    counts = (HouseNumber.objects.count(), HouseNumberEvent.objects.count(), Road.objects.count())
    result = _import(office, GOOD)
    assert (result.created, result.updated, result.events) == (0, 0, 0)
    assert (
        HouseNumber.objects.count(),
        HouseNumberEvent.objects.count(),
        Road.objects.count(),
    ) == counts


def test_a_later_file_moves_a_number_and_records_new_changes(office):
    _import(office, GOOD)
    result = _import(
        office, HEADER + "63000,63000050,臺北里,004,中正路2段,,,,,5號,,1140101,廢止,\n"
    )
    assert (result.created, result.updated, result.events) == (0, 1, 1)
    house = HouseNumber.objects.get(key="中正路2段5號")
    assert house.neighbourhood.number == 4
    assert house.status == HouseNumber.Status.ABOLISHED


def test_open_data_columns_in_english_and_without_history_are_accepted(office):
    text = (
        "countycode,areacode,village,neighbor,street、road、section,area,lane,alley,number,"
        "x_3826,y_3826\n"
        "63000,63000050,湖西村,002,,湖西,,,３號,276000,2767000\n"
    )
    result = _import(office, text)
    assert result.created == 1
    house = HouseNumber.objects.get()
    assert (house.area, house.number, house.events.count()) == ("湖西", "3", 0)


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("63000,63000050,不存在村,1,中正路,,,,,5號,,,,", "village"),
        ("63000,63000050,湖西村,abc,中正路,,,,,5號,,,,", "neighbourhood"),
        ("63000,63000050,湖西村,1,,,,,,5號,,,,", "road"),
        ("63000,63000050,湖西村,1,中正路,,,,,,,,,", "number"),
        ("63000,63000050,湖西村,1,中正路,,,,,<b>5</b>,,,,", "number"),
        ("63000,63000050,湖西村,1,中正路,,X巷,,,5號,,,,", "lane"),
        ("63000,63000050,湖西村,1,中正路,,,,,5號,,1159999,初編,", "date"),
        ("63000,63000050,湖西村,1,中正路,,,,,5號,,1990101,初編,", "date"),
        ("63000,63000050,湖西村,1,中正路,,,,,5號,,1050101,拆除,", "kind"),
        ("63000,63000050,湖西村,1,中正路,,,,,5號,,,初編,", "date"),
        ("63000,63000050,湖西村,1,<script>路,,,,,5號,,,,", "road"),
        ("63000,99999999,湖西村,1,中正路,,,,,5號,,,,", "town_code"),
        ("63000,63000050,湖西村,1,中正路二段,,,,,5號,,1050312,門牌初編,", ""),  # repeats row 2
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_is_written(office, line, column):
    text = GOOD.splitlines()[0] + "\n" + GOOD.splitlines()[1] + "\n" + line + "\n"
    text = text.replace("臺北里,003,中正路二段", "湖西村,1,中正路二段")
    with pytest.raises(housenumbers.HouseNumberImportError) as info:
        _import(office, text)
    errors = info.value.errors
    assert [(e.row, e.column) for e in errors] == [(3, column)], errors
    assert "3" in errors[0].message
    assert not HouseNumber.objects.exists()
    assert not Road.objects.exists()
    assert not Neighbourhood.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"\x00\x01\x02binary", "村里,鄰\n湖西村,1\n".encode(), HEADER.encode()],
)
def test_empty_binary_or_headless_files_are_refused(office, data):
    with pytest.raises(housenumbers.HouseNumberImportError):
        housenumbers.import_house_numbers_csv(office, data)
    assert not HouseNumber.objects.exists()


def test_a_big5_file_is_read(office):
    result = housenumbers.import_house_numbers_csv(office, GOOD.encode("cp950"))
    assert result.created == 5


def test_the_command_imports_and_reports_bad_rows(office, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8-sig")
    call_command("import_house_numbers", str(good), office=office.code)
    assert "5 house numbers added" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "63000,63000050,湖西村,1,中正路,,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_house_numbers", str(bad), office=office.code)
    err = capsys.readouterr().err
    assert "Row 2" in err or "第 2 列" in err  # in the language the command runs in
    with pytest.raises(CommandError):
        call_command("import_house_numbers", str(tmp_path / "missing.csv"), office=office.code)
    with pytest.raises(CommandError):
        call_command("import_house_numbers", str(good), office="nowhere")


def test_numbers_in_use_come_before_abolished_ones(imported):
    results = housenumbers.search("湖西村湖西1", office=imported)
    assert [h.status for h in results] == ["current", "abolished"]
