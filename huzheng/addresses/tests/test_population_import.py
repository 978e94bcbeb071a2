"""Importing a month's figures from CSV: every row checked first, errors named by row,
nothing written when any row is wrong; good files added or replaced, and audited."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from huzheng.addresses.models import PopulationFigure, PopulationImport
from huzheng.addresses.population import services
from huzheng.addresses.tests.factories import figure, office_with_villages
from huzheng.core.models import AuditEntry
from huzheng.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "村里,月份,戶數,男,女,出生,死亡,結婚,離婚,遷入,遷出\n"
GOOD = HEADER + "湖西村,115/09,500,700,680,2,3,1,0,10,8\n臺北里,115/09,300,400,390,1,1,0,1,4,5\n"


@pytest.fixture
def office():
    return office_with_villages()[0]


def _import(office, text, encoding="utf-8", **kwargs):
    return services.import_population_csv(office, text.encode(encoding), **kwargs)


def _errors(office, text, encoding="utf-8"):
    with pytest.raises(services.PopulationImportError) as caught:
        _import(office, text, encoding)
    return caught.value.errors


def test_a_good_file_is_imported_and_audited(office):
    user = UserFactory(username="registrar-test")
    record = _import(office, GOOD, user=user, filename="2026-09.csv")
    assert (record.rows, record.created, record.updated) == (2, 2, 0)
    assert record.months == ["2026-09"]
    row = PopulationFigure.objects.get(village__name="湖西村")
    assert row.month == dt.date(2026, 9, 1)
    assert (row.households, row.males, row.females, row.population) == (500, 700, 680, 1380)
    assert (row.births, row.deaths, row.marriages, row.divorces) == (2, 3, 1, 0)
    assert (row.moves_in, row.moves_out) == (10, 8)
    entry = AuditEntry.objects.get(object_type="addresses.populationimport")
    assert entry.user == user and entry.office == office
    assert entry.action == AuditEntry.Action.CREATE
    assert "2 added" in entry.reason


def test_big5_as_excel_saves_it_in_taiwan(office):
    record = _import(office, GOOD.replace("臺北里", "台北里"), encoding="cp950")
    assert record.encoding == "big5"
    assert PopulationFigure.objects.filter(village__name="臺北里").exists()


def test_utf8_with_a_byte_order_mark(office):
    record = services.import_population_csv(office, "\ufeff".encode() + GOOD.encode())
    assert record.encoding == "utf-8"
    assert PopulationFigure.objects.count() == 2


@pytest.mark.parametrize(
    "written",
    [
        "115/09",
        "115-9",
        "115.09",
        "115年9月",
        "民國115年9月",
        "2026-09",
        "2026/9",
        "2026-09-01",
        "11509",
    ],
)
def test_roc_and_iso_months(office, written):
    _import(office, HEADER + f"湖西村,{written},1,1,1,0,0,0,0,0,0\n")
    assert PopulationFigure.objects.get().month == dt.date(2026, 9, 1)


def test_villages_are_found_with_tai_variants_and_without_the_suffix(office):
    text = HEADER + "湖西,115/09,1,1,1,0,0,0,0,0,0\n 台北里 ,115/09,1,1,1,0,0,0,0,0,0\n"
    assert _import(office, text).created == 2


def test_english_headings_in_any_order_and_extra_columns(office):
    text = (
        "month,village,note,households,males,females,births,deaths,marriages,divorces,"
        'moves_in,moves_out,population\n2026-09,成功村,x,"1,200",1500,1490,3,4,2,1,9,9,2990\n'
    )
    _import(office, text)
    assert PopulationFigure.objects.get().households == 1200


def test_bad_rows_are_named_and_nothing_is_written(office):
    text = (
        HEADER
        + "湖西村,115/09,500,700,680,2,3,1,0,10,8\n"  # row 2: good
        + "不存在村,115/09,1,1,1,0,0,0,0,0,0\n"  # row 3: no such village
        + "臺北里,115/13,1,1,1,0,0,0,0,0,0\n"  # row 4: no month 13
        + "成功村,115/09,-1,1,1,0,0,0,0,0,0\n"  # row 5: negative
        + "成功村,115/08,1,1,,0,0,0,0,0,abc\n"  # row 6: empty and not a number
        + "湖西村,2026-09,500,700,680,2,3,1,0,10,8\n"  # row 7: same as row 2
        + "成功村,115/07,900,1,1,0,0,0,0,0,0\n"  # row 8: more households than people
    )
    errors = _errors(office, text)
    found = {(e.row, e.column) for e in errors}
    assert found == {
        (3, "village"),
        (4, "month"),
        (5, "households"),
        (6, "females"),
        (6, "moves_out"),
        (7, ""),
        (8, "households"),
    }
    assert all(str(e.row) in e.message for e in errors)
    assert PopulationFigure.objects.count() == 0
    assert PopulationImport.objects.count() == 0
    assert not AuditEntry.objects.filter(object_type="addresses.populationimport").exists()


def test_an_error_quotes_what_was_written_in_the_row(office):
    errors = _errors(office, HEADER + "不存在村,115/09,1,1,1,0,0,0,0,0,0\n")
    assert (errors[0].row, errors[0].column) == (2, "village")
    assert "不存在村" in errors[0].message and "2" in errors[0].message


def test_a_population_column_must_add_up(office):
    text = (
        "村里,月份,戶數,男,女,人口數,出生,死亡,結婚,離婚,遷入,遷出\n"
        "湖西村,115/09,1,5,5,11,0,0,0,0,0,0\n"
    )
    assert [(e.row, e.column) for e in _errors(office, text)] == [(2, "population")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "村里,月份\n湖西村,115/09\n",  # missing columns
        HEADER,  # no rows
        "\x00\x01binary",
        HEADER + "湖西村,115/09,1,1,1,0,0,0,0,0,0\n" + "x" * 3_000_000,
        HEADER + "<script>alert(1)</script>,' OR 1=1 --,1,1,1,0,0,0,0,0,0\n",
        HEADER + "湖西村,999/09,1,1,1,0,0,0,0,0,0\n",  # far future
        HEADER + "湖西村,115/09,１,1,1,0,0,0,0,0,99999999999\n",
    ],
)
def test_hostile_files_are_refused_with_a_message(office, text):
    errors = _errors(office, text)
    assert errors and all(e.message for e in errors)
    assert PopulationFigure.objects.count() == 0


def test_bytes_that_are_neither_utf8_nor_big5(office):
    with pytest.raises(services.PopulationImportError) as caught:
        services.import_population_csv(office, b"\xff\xfe\xfa\xfb\x80\x81")
    assert caught.value.errors[0].row is None


def test_a_month_sent_again_replaces_it(office):
    _import(office, GOOD)
    again = GOOD.replace("500,700,680", "505,701,690") + "成功村,115/09,10,20,20,0,0,0,0,0,0\n"
    record = _import(office, again)
    assert (record.created, record.updated) == (1, 2)
    row = PopulationFigure.objects.get(village__name="湖西村")
    assert (row.households, row.males, row.females) == (505, 701, 690)
    assert PopulationFigure.objects.count() == 3
    assert AuditEntry.objects.filter(object_type="addresses.populationimport").count() == 2


def test_another_offices_villages_are_not_found(office):
    other, _villages = office_with_villages(code="other", names=("龍門村",), name="其他所")
    errors = _errors(office, HEADER + "龍門村,115/09,1,1,1,0,0,0,0,0,0\n")
    assert errors[0].column == "village"
    figure(other.villages.get())
    assert PopulationFigure.objects.count() == 1


def test_the_management_command_uses_the_same_import(office, tmp_path, capsys):
    path = tmp_path / "figures.csv"
    path.write_bytes(GOOD.encode("cp950"))
    call_command("import_population", office.code, str(path))
    assert PopulationFigure.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "湖西村,115/99,1,1,1,0,0,0,0,0,0\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_population", office.code, str(bad))
    assert PopulationFigure.objects.count() == 2
    assert "Imported 2 rows" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("import_population", "nosuchoffice", str(path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("115/10", dt.date(2026, 10, 1)),
        ("2026-10", dt.date(2026, 10, 1)),
        ("99/1", dt.date(2010, 1, 1)),
        ("11510", dt.date(2026, 10, 1)),
        ("202610", dt.date(2026, 10, 1)),
        ("115/0", None),
        ("1911-10", None),
        ("abc", None),
        ("", None),
        ("1" * 50, None),
    ],
)
def test_parse_month(text, expected):
    assert services.parse_month(text) == expected


def test_an_import_racing_another_replaces_what_the_other_added(office, monkeypatch):
    """Another import committed the same village and month just after our look-up: the
    unique constraint stops a second row, and the import retries as a replacement."""
    village = office.villages.get(name="湖西村")
    figure(village, dt.date(2026, 9, 1), households=1)  # the other import's row
    real_select_for_update = PopulationFigure.objects.select_for_update
    calls = []

    def look_up_too_early(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            return PopulationFigure.objects.none()  # the other row was not there yet
        return real_select_for_update(*args, **kwargs)

    monkeypatch.setattr(PopulationFigure.objects, "select_for_update", look_up_too_early)
    record = _import(office, GOOD)
    assert len(calls) == 2
    assert (record.created, record.updated) == (1, 1)
    assert PopulationFigure.objects.get(village=village).households == 500
    assert PopulationImport.objects.count() == 1
