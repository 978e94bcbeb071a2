"""An office loads its own catalog from YAML files (manage.py load_catalog): every row is
checked first and a bad file is refused with a message saying where and why, nothing
written; a good one is written in one transaction, kept editors' changes unless told to
replace them, and the page cache learns the catalog changed."""

import io
import textwrap

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Revision

from huzheng.catalog.datafiles import CatalogFileError, load_catalog, read_catalog
from huzheng.catalog.models import (
    FineRule,
    RegistrationService,
    RequiredDocument,
    ServiceContact,
)
from huzheng.core.pagecache import version
from huzheng.core.tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

CATALOG = """\
shared:
  id_card: &id_card
    name: 申請人國民身分證正本
    name_en: Applicant's national ID card (original)
services:
  - slug: move-in
    name: 遷入登記
    name_en: Moving in
    category: registration
    sort_order: 1
    deadline_months: 3
    deadline_days: 30
    sources:
      - 戶籍法第48條
      - 戶政規費收費標準
    documents:
      - *id_card
      - name: 遷入戶之戶口名簿正本
        condition: not_head=yes
    fees:
      - label: 隨同換領國民身分證
        amount: 50
        unit: 張
    steps:
      - text: 抽號碼牌。
    questions:
      - key: not_head
        text: 戶長是別人嗎？
  - slug: household-transcript
    name: 戶籍謄本
    name_en: Household transcript
    category: certificate
    sort_order: 2
    documents:
      - <<: *id_card
        alternatives: 護照
fine_rules:
  - article: 第79條
    offence: 逾期申請
    condition: 逾期1日至15日
    min_days_late: 1
    max_days_late: 15
    amount: 300
    basis: 戶籍法第79條
contacts:
  office: town
  by_category:
    registration: {title: 戶籍登記承辦人, phone: "06-9921145#21"}
    certificate: {title: 謄本櫃檯, phone: "06-9921145#22"}
"""


def write(folder, text, name="catalog.yaml"):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_catalog", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(path, *args):
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was written"):
        call_command("load_catalog", str(path), *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def nothing_written():
    return not (
        RegistrationService.objects.exists()
        or FineRule.objects.exists()
        or ServiceContact.objects.exists()
    )


def test_an_offices_catalog_is_loaded_with_its_inlines_contacts_and_fines(tmp_path):
    town = OfficeFactory(code="town")
    before = version("catalog")
    out, _err = load(write(tmp_path, CATALOG))
    assert "2 added" in out
    move_in = RegistrationService.objects.get(slug="move-in")
    assert [d.name for d in move_in.documents.all()] == [
        "申請人國民身分證正本",
        "遷入戶之戶口名簿正本",
    ]
    assert move_in.sources == "戶籍法第48條\n戶政規費收費標準"
    assert move_in.fees.get().amount == 50
    assert move_in.questions.get().key == "not_head"
    assert move_in.contacts.get().office == town
    transcript = RegistrationService.objects.get(slug="household-transcript")
    document = transcript.documents.get()
    assert (document.name, document.alternatives) == ("申請人國民身分證正本", "護照")
    assert transcript.contacts.get().phone == "06-9921145#22"
    assert FineRule.objects.get().amount == 300
    assert Revision.objects.for_instance(move_in).count() == 1
    assert version("catalog") != before


def test_loading_again_keeps_what_editors_changed_and_replace_makes_the_file_win(tmp_path):
    town = OfficeFactory(code="town")
    other = OfficeFactory(code="other")
    path = write(tmp_path, CATALOG)
    load(path)
    move_in = RegistrationService.objects.get(slug="move-in")
    move_in.summary = "編輯寫的說明"
    move_in.save()
    move_in.documents.filter(condition="").delete()
    ServiceContact.objects.create(service=move_in, office=other, title="他所", phone="06-9272145")
    FineRule.objects.update(amount=350)

    out, _err = load(path)
    assert "2 kept as edited" in out
    move_in.refresh_from_db()
    assert move_in.summary == "編輯寫的說明"
    assert move_in.documents.count() == 1
    assert FineRule.objects.get().amount == 350

    out, _err = load(path, "--replace")
    assert "2 replaced" in out
    move_in.refresh_from_db()
    assert move_in.summary == ""
    assert move_in.documents.count() == 2
    assert FineRule.objects.get().amount == 300
    assert set(move_in.contacts.values_list("office__code", flat=True)) == {"town", "other"}
    assert move_in.contacts.filter(office=town).count() == 1
    # The editors' version stays in the history.
    assert Revision.objects.for_instance(move_in).count() == 2


def test_contacts_wait_for_their_office_or_go_to_the_office_named(tmp_path):
    path = write(tmp_path, CATALOG)
    out, _err = load(path)
    assert "contacts were not added" in out
    assert not ServiceContact.objects.exists()
    here = OfficeFactory(code="here")
    load(path, "--office", "here")
    assert ServiceContact.objects.filter(office=here).count() == 2
    assert "No office" in refused_office(path)


def refused_office(path):
    with pytest.raises(CommandError) as error:
        load(path, "--office", "nowhere")
    return str(error.value)


def test_check_reads_the_files_and_writes_nothing(tmp_path):
    out, _err = load(write(tmp_path, CATALOG), "--check")
    assert "2 services and 1 fine rules, no problems" in out
    assert nothing_written()


BAD_FILES = {
    "not YAML": ("services: [\n", "line 2: not valid YAML"),
    "a list at the top": ("- slug: x\n", "must be a mapping with the keys"),
    "an unknown section": ("servises: []\n", "unknown key “servises”"),
    "an unknown field": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: seal, colour: red}\n",
        "line 2, “a”: unknown field “colour”",
    ),
    "a word for a number": (
        "services:\n  - slug: a\n    name: 甲\n    name_en: A\n    category: seal\n"
        "    fees:\n      - {label: 費, amount: fifty, unit: 張}\n",
        "“a”, fees 1: amount:",
    ),
    "a name too long": (
        f"services:\n  - {{slug: a, name: {'長' * 101}, name_en: A, category: seal}}\n",
        "name: Ensure this value has at most 100 characters",
    ),
    "an unknown category": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: weddings}\n",
        "category: Value 'weddings' is not a valid choice",
    ),
    "no slug": ("services:\n  - {name: 甲, name_en: A, category: seal}\n", "has no slug"),
    "a condition naming no question": (
        "services:\n  - slug: a\n    name: 甲\n    name_en: A\n    category: seal\n"
        "    documents:\n      - {name: 文件, condition: married=yes}\n",
        "the condition “married=yes”",
    ),
    "a question key twice": (
        "services:\n  - slug: a\n    name: 甲\n    name_en: A\n    category: seal\n"
        "    questions:\n      - {key: q, text: 一}\n      - {key: q, text: 二}\n",
        "the question key “q” is used twice",
    ),
    "a key given twice": (
        "services:\n  - slug: a\n    slug: b\n    name: 甲\n    name_en: A\n    category: seal\n",
        "the key 'slug' is given twice",
    ),
    "a list for a text": (
        "services:\n  - {slug: a, name: [甲, 乙], name_en: A, category: seal}\n",
        "“name” must be a single value",
    ),
    "months without days": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: seal, deadline_months: 3}\n",
        "“a”:",
    ),
    "a Python object": (
        "services: !!python/object/apply:os.system ['echo owned']\n",
        "not valid YAML",
    ),
    "a fine line twice": (
        "fine_rules:\n"
        "  - {article: 第79條, offence: 逾期, condition: 一, amount: 300, basis: 法}\n"
        "  - {article: 第79條, offence: 逾期, condition: 一, amount: 500, basis: 法}\n",
        "“第79條 一” is given twice",
    ),
    "a bad phone": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: seal}\n"
        "contacts:\n  office: town\n  by_category:\n    seal: {title: 櫃檯, phone: call us}\n",
        "contacts, seal: phone:",
    ),
    "a category nobody answers for": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: seal}\n"
        "contacts:\n  office: town\n  by_category: {}\n",
        "nobody answers for the category “seal”",
    ),
    "nothing in it": ("shared: {}\n", "no services and no fine rules"),
    "a counter time with no source": (
        "services:\n  - {slug: a, name: 甲, name_en: A, category: seal, appointment_minutes: 15}\n",
        "appointment_minutes needs appointment_minutes_source",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_saying_where_and_nothing_is_written(tmp_path, case):
    OfficeFactory(code="town")
    text, message = BAD_FILES[case]
    problems = refused(write(tmp_path, text))
    assert message in problems
    assert nothing_written()


def test_one_bad_file_in_a_folder_refuses_the_whole_folder(tmp_path):
    write(tmp_path, CATALOG, "01-good.yaml")
    write(
        tmp_path,
        "services:\n  - {slug: move-in, name: 乙, name_en: B, category: seal}\n",
        "02.yaml",
    )
    problems = refused(tmp_path)
    assert "The slug “move-in” is used twice: 01-good.yaml, line 6, “move-in”; 02.yaml" in problems
    assert "02.yaml, line 2" in problems
    assert nothing_written()


def test_files_that_are_not_utf8_text_or_missing_are_refused(tmp_path):
    big5 = tmp_path / "big5.yaml"
    big5.write_bytes("services: []\nname: 遷入登記\n".encode("big5"))
    assert "not UTF-8 text" in refused(big5)
    assert "no such file or folder" in refused(tmp_path / "missing.yaml")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no .yaml files" in refused(empty)


def test_the_problems_are_told_in_the_offices_language(tmp_path):
    path = write(tmp_path, "services:\n  - {slug: a, name: 甲, name_en: A, category: seal, x: 1}")
    with translation.override("zh-hant"), pytest.raises(CatalogFileError) as error:
        read_catalog(path)
    assert "未知的欄位「x」" in str(error.value)


def test_a_write_that_fails_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    OfficeFactory(code="town")
    catalog = read_catalog(write(tmp_path, CATALOG))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(FineRule.objects, "create", broken)
    with pytest.raises(RuntimeError):
        load_catalog(catalog)
    assert nothing_written()
    assert not RequiredDocument.objects.exists()
