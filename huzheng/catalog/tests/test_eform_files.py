"""E-form definitions are data files: the shipped ones give the forms, and a broken file is
refused with every problem named by file, line and key, in the reader's language."""

import pytest
from django.utils import translation

from huzheng.catalog import eforms
from huzheng.catalog.eforms.reading import DEFAULT_PATH

GOOD = """\
slug: test-form
title: 測試申請書
title_en: Test application
service: household-registration
intro: 測試用。
intro_en: For tests.
sections:
- title: 申請人
  title_en: Applicant
  fields:
  - name: applicant_name
    label: 姓名
    label_en: Name
    required: true
  - name: kind_of_visit
    label: 類別
    label_en: Kind
    kind: choice
    choices:
    - {value: first, label: 初次, label_en: First}
"""


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path):
    with pytest.raises(eforms.EFormFileError) as refused:
        eforms.read_eforms(path)
    return refused.value.problems


def test_the_shipped_files_give_every_form_in_order():
    forms = eforms.read_eforms(DEFAULT_PATH)
    assert forms == eforms.FORMS
    assert list(forms)[:2] == ["household-registration", "birth-registration"]
    birth = forms["birth-registration"]
    assert birth.service_slug == "birth"
    assert [box.label for box in birth.boxes] == [
        "申請人簽名或蓋章",
        "父簽名或蓋章",
        "母簽名或蓋章",
    ]
    sex = next(f for f in birth.fields if f.name == "child_sex")
    assert (sex.kind, sex.required, [c.value for c in sex.choices]) == (
        "choice",
        True,
        ["male", "female"],
    )


def test_a_good_file_makes_a_working_form(tmp_path):
    form = eforms.read_eforms(write(tmp_path, "form.yaml", GOOD))["test-form"]
    assert form.boxes == (eforms.Box("申請人簽名或蓋章", "Applicant's signature or seal"),)
    form_class = eforms.build_django_form(form)
    assert form_class({"applicant_name": "王小明"}).is_valid()
    refused = form_class({"applicant_name": "", "kind_of_visit": "second"})
    assert not refused.is_valid()
    assert set(refused.errors) == {"applicant_name", "kind_of_visit"}


def test_a_broken_file_is_refused_with_every_problem_named(tmp_path):
    broken = (
        GOOD.replace("    required: true\n", "    required: yes please\n    colour: red\n")
        .replace("kind: choice", "kind: dropdown")
        .replace("title_en: Test application\n", "")
        + "  - name: applicant_name\n    label: 又一個\n    label_en: Again\n    width: 9\n"
    )
    problems = problems_of(write(tmp_path, "broken.yaml", broken))
    text = "\n".join(problems)
    assert "broken.yaml, “test-form”: “title_en” is missing." in text
    assert (
        "broken.yaml, “test-form”, line 10, “applicant_name”: “required” must be true or false."
        in text
    )
    assert "unknown field “colour”" in text
    assert "unknown kind “dropdown”" in text
    assert "“width” must be a whole number from 1 to 4." in text
    assert all(p.startswith("broken.yaml") for p in problems)


def test_field_names_twice_choices_out_of_place_and_slugs_twice_are_refused(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD.replace("name: kind_of_visit", "name: applicant_name"))
    write(
        tmp_path,
        "c.yaml",
        GOOD.replace("slug: test-form", "slug: other-form").replace("    kind: choice\n", ""),
    )
    problems = problems_of(tmp_path)
    assert problems == [
        "b.yaml, “test-form”: the field name “applicant_name” is used twice.",
        "c.yaml, “other-form”, line 15, “kind_of_visit”: choices go with the kind “choice”, "
        "and only there.",
        "The slug “test-form” is used twice: a.yaml, b.yaml.",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("slug: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping of fields."),
        ("slug: a\nslug: b\n", "is given twice"),
        ("!!python/object:os.system {}\n", "not valid YAML"),
    ],
)
def test_what_is_not_a_form_file_is_refused(tmp_path, content, expected):
    problems = problems_of(write(tmp_path, "odd.yaml", content))
    assert any(expected in p for p in problems), problems


def test_the_problems_are_told_in_chinese(tmp_path):
    with translation.override("zh-hant"):
        problems = problems_of(write(tmp_path, "f.yaml", GOOD.replace("intro: 測試用。\n", "")))
    assert problems == ["f.yaml, “test-form”：缺少「intro」。"]
