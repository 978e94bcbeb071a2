"""E-forms (電子表單): every definition makes a working form; a good application comes back
as a filled PDF that reads like the paper; bad input gets each error beside its field; and
nothing a citizen types is ever stored."""

import io
import re
import time
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pypdf import PdfReader

from huzheng.catalog import eforms
from huzheng.core import identity, roc

# The e-forms are not in huzheng/urls.py yet; the test URLs mount them at /forms/.

NATIONAL_PAPER_FORMS = {
    "household-registration",
    "birth-registration",
    "marriage-registration",
    "move-in-registration",
    "id-card-application",
    "household-transcript-application",
    "seal-registration-application",
}
ADDRESS = "澎湖縣湖西鄉湖西村1鄰湖西1號"
HOUSEHOLD_REGISTRATION = {
    "registrant_name": "王小明",
    "registrant_id": "A123456789",
    "registrant_birth_date": "80/5/17",
    "household_head": "王大明",
    "relation_to_head": "子",
    "registrant_address": ADDRESS,
    "registration_type": "address_change",
    "event_date": "115/1/5",
    "event_place": "澎湖縣湖西鄉",
    "details": "門牌整編",
    "applicant_name": "陳美玲",
    "applicant_id": "F221354789",
    "applicant_relation": "母",
    "applicant_phone": "06-9921234",
    "declaration": "on",
}
ENGLISH = {"huzheng_language": "en"}


def _post(client, slug, data, *, english=False):
    if english:
        client.cookies.load(ENGLISH)
    return client.post(f"/forms/{slug}/", data)


def _pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def _html(response):
    return response.content.decode()


def _input(html, name):
    """The first <input> tag for the field name (or the radio with that id)."""
    match = re.search(rf'<input[^>]*(?:name="{name}"|id="{name}")[^>]*>', html)
    assert match, name
    return match.group(0).replace(">", " >")


# --- The definitions ---------------------------------------------------------------------


def test_the_national_paper_forms_are_all_there():
    assert set(eforms.FORMS) >= NATIONAL_PAPER_FORMS
    for slug, definition in eforms.FORMS.items():
        assert definition.slug == slug
        assert eforms.get_form_definition(slug) is definition


def test_an_unknown_slug_is_no_form():
    with pytest.raises(LookupError):
        eforms.get_form_definition("no-such-form")


@pytest.mark.parametrize("slug", sorted(eforms.FORMS))
def test_every_definition_builds_a_django_form(slug):
    definition = eforms.get_form_definition(slug)
    form_class = eforms.build_django_form(definition)
    names = [f.name for f in definition.fields]
    assert len(names) == len(set(names)), "a field name is used twice"
    assert list(form_class.base_fields) == names
    for spec in definition.fields:
        form_field = form_class.base_fields[spec.name]
        assert form_field.required == spec.required, spec.name
        assert spec.label and spec.label_en, spec.name
        if spec.kind == eforms.ROC_DATE:
            assert isinstance(form_field, roc.RocDateField)
            assert form_field.allow_future == spec.allow_future
        if spec.kind == eforms.NATIONAL_ID:
            assert form_field.kinds == (identity.NATIONAL_ID,)
        if spec.kind == eforms.PERSON_ID:
            assert form_field.kinds == identity.ALL_KINDS
    assert form_class().as_div()  # renders unbound
    assert not form_class({}).is_valid()


@pytest.mark.parametrize("slug", sorted(eforms.FORMS))
def test_every_paper_row_is_exactly_as_wide_as_the_paper(slug):
    for paper_section in eforms.paper_layout(eforms.get_form_definition(slug)):
        for row in paper_section.rows:
            width = sum(cell.span + (0 if cell.full_row else 1) for cell in row)
            assert width == eforms.PAPER_COLUMNS, [c.field.name for c in row]


def test_every_form_has_a_signature_box_and_a_declaration():
    for definition in eforms.FORMS.values():
        assert any("簽" in box.label for box in definition.boxes), definition.slug
        assert any(f.kind == eforms.CHECKBOX and f.required for f in definition.fields)


def test_labels_follow_the_active_language():
    form_class = eforms.build_django_form(eforms.get_form_definition("household-registration"))
    with translation.override("zh-hant"):
        assert str(form_class()["registrant_address"].label) == "戶籍地址"
    with translation.override("en"):
        assert str(form_class()["registrant_address"].label) == "Registered address"
        assert eforms.get_form_definition("birth-registration").title_text == (
            "Birth registration application"
        )


def test_the_move_in_form_is_the_generic_layout_with_its_type_fixed():
    generic = eforms.get_form_definition("household-registration")
    move_in = eforms.get_form_definition("move-in-registration")
    assert [s.title for s in move_in.sections] == [s.title for s in generic.sections]
    form = eforms.build_django_form(move_in)()
    assert [value for value, _label in form.fields["registration_type"].choices] == ["move_in"]
    assert form["registration_type"].value() == "move_in"


def test_a_future_birth_date_is_refused():
    form_class = eforms.build_django_form(eforms.get_form_definition("household-registration"))
    form = form_class({**HOUSEHOLD_REGISTRATION, "registrant_birth_date": "999/1/1"})
    assert not form.is_valid()
    assert [e.code for e in form.errors.as_data()["registrant_birth_date"]] == ["future"]


def test_the_blank_layout_leaves_dates_and_choices_to_be_written_by_hand():
    sections = eforms.paper_layout(eforms.get_form_definition("household-registration"))
    cells = {cell.field.name: cell for s in sections for row in s.rows for cell in row}
    assert cells["event_date"].value == eforms.BLANK_DATE
    assert cells["registrant_name"].value == ""
    assert not any(checked for checked, *_labels in cells["registration_type"].marks)


# --- Filling in online ---------------------------------------------------------------------


def test_the_list_offers_every_form_to_fill_or_download_blank(client, demo_data):
    response = client.get("/forms/")
    assert response.status_code == 200
    html = _html(response)
    for slug, definition in eforms.FORMS.items():
        assert definition.title in html
        assert f'href="/forms/{slug}/"' in html
        assert f'href="/forms/{slug}/blank.pdf"' in html
        assert f'href="/forms/{slug}/blank.odt"' in html


def test_the_list_links_a_form_to_its_service_when_the_catalog_has_it(client, db):
    from django.urls import reverse

    from huzheng.catalog.models import RegistrationService

    RegistrationService.objects.create(
        slug="birth", name="出生登記", name_en="Birth registration", category="registration"
    )
    html = _html(client.get("/forms/"))
    assert f'href="{reverse("catalog:service_detail", args=["birth"])}"' in html
    assert html.count("eform-service-link") == 1  # services not in the catalog get no link


def test_the_fill_page_is_an_accessible_form(client, db):
    response = client.get("/forms/household-registration/")
    assert response.status_code == 200
    html = _html(response)
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    # Each section a fieldset with a legend; the registration type a group of its own.
    assert html.count("<fieldset") >= len(
        eforms.get_form_definition("household-registration").sections
    )
    assert "<legend>被登記人</legend>" in html
    # Labels bound to inputs, required in text and in the markup, hints described.
    assert '<label class="eform-label" for="id_registrant_name">姓名' in html
    assert "required" in _input(html, "registrant_name").split()
    assert 'id="id_event_date_helptext"' in html
    assert 'aria-describedby="id_event_date_helptext"' in _input(html, "event_date")
    assert "115/1/5" in html
    assert 'autocomplete="name"' in _input(html, "applicant_name")
    assert 'autocomplete="tel"' in _input(html, "applicant_phone")
    assert 'type="tel"' in _input(html, "applicant_phone")
    assert 'autocomplete="off"' in _input(html, "registrant_id")
    assert 'role="alert"' not in html  # no error summary before anything was sent


def test_a_valid_application_comes_back_as_the_filled_pdf(client, db):
    response = _post(client, "household-registration", HOUSEHOLD_REGISTRATION)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="household-registration.pdf"'
    assert "no-store" in response["Cache-Control"]
    text = _pdf_text(response.content)
    for label in ("戶籍登記申請書", "被登記人", "戶籍地址", "登記類別", "事件發生日期", "申請人"):
        assert label in text
    for typed in ("王小明", "A123456789", "F221354789", ADDRESS, "06-9921234", "門牌整編"):
        assert typed in text
    assert "民國80年5月17日" in text
    assert "民國115年1月5日" in text
    assert "■住址變更登記" in text and "□出生登記" in text
    assert "申請日期：民國年月日" in text


def test_the_filled_pdf_renders_to_a_png_with_ink_on_it(client, db):
    import pypdfium2

    response = _post(client, "household-registration", HOUSEHOLD_REGISTRATION)
    document = pypdfium2.PdfDocument(response.content)
    try:
        image = document[0].render(scale=1).to_pil()
    finally:
        document.close()
    png = io.BytesIO()
    image.save(png, format="PNG")
    assert png.getvalue().startswith(b"\x89PNG")
    grey = image.convert("L")
    dark = sum(grey.histogram()[:128])
    assert dark > 2000, "the page came out (nearly) blank"


@pytest.mark.parametrize("slug", sorted(eforms.FORMS))
def test_every_form_can_be_filled_and_printed(client, db, slug):
    definition = eforms.get_form_definition(slug)
    data = {f.name: _sample(f) for f in definition.fields if f.required}
    response = _post(client, slug, data)
    assert response["Content-Type"] == "application/pdf", _html(response)[:3000]
    text = _pdf_text(response.content)
    assert definition.title in text
    assert "王小明" in text


def test_nothing_is_written_to_the_database(client, demo_data):
    from django.contrib.sessions.models import Session

    from huzheng.catalog.models import NoticeSlip
    from huzheng.core.models import AuditEntry

    tables = (Session, AuditEntry, NoticeSlip)
    before = [model.objects.count() for model in tables]
    # The first request of a fresh cache writes the site's version counters (no form data).
    client.get("/forms/household-registration/")
    with CaptureQueriesContext(connection) as queries:
        good = _post(client, "household-registration", HOUSEHOLD_REGISTRATION)
        bad = _post(
            client,
            "household-registration",
            {**HOUSEHOLD_REGISTRATION, "registrant_id": "A123456788"},
        )
    assert good["Content-Type"] == "application/pdf"
    assert bad.status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)
    ]
    assert writes == []
    assert [model.objects.count() for model in tables] == before


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("registrant_id", "A123456788", "does not pass the check-digit test"),
        ("event_date", "115/2/30", "There is no such date"),
        ("registrant_address", "", "Please fill in “Registered address”."),
        ("registration_type", "", "Please choose “Type of registration”."),
        ("applicant_phone", "123", "Please enter a Taiwan phone number"),
        ("declaration", "", "Please tick the box to confirm."),
    ],
)
def test_a_bad_answer_brings_the_form_back_with_the_error_beside_its_field(
    client, db, field, value, message
):
    data = {**HOUSEHOLD_REGISTRATION, field: value}
    if not value:
        del data[field]
    response = _post(client, "household-registration", data, english=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = _html(response)
    error_id = f"id_{field}_error"
    beside = re.search(rf'<p class="eform-error" id="{error_id}">(.*?)</p>', html, re.S)
    assert beside and message in beside.group(1)
    anchor = f"id_{field}_0" if field == "registration_type" else f"id_{field}"
    widget = _input(html, anchor)
    assert 'aria-invalid="true"' in widget
    if field != "registration_type":  # a radio group is described on its fieldset
        assert error_id in widget
    else:
        assert f'aria-describedby="{error_id}"' in html
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'role="alert"' in summary
    assert f'href="#{anchor}"' in summary
    assert message in summary
    assert html.count('class="eform-error"') == 1, "only the bad field has an error"


def test_what_was_typed_is_kept_when_the_form_comes_back(client, db):
    data = {**HOUSEHOLD_REGISTRATION, "event_date": "115/2/30"}
    html = _html(_post(client, "household-registration", data))
    assert 'value="115/2/30"' in html
    assert 'value="王小明"' in html
    assert "checked" in _input(html, "id_registration_type_11")


def test_markup_typed_into_a_field_is_escaped_on_the_page_and_printed_as_text(client, db):
    markup = '<script>alert("x")</script><img src="http://example.com/a.png">'
    bad = _post(
        client,
        "household-registration",
        {**HOUSEHOLD_REGISTRATION, "details": markup, "event_date": "x"},
    )
    html = _html(bad)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    good = _post(client, "household-registration", {**HOUSEHOLD_REGISTRATION, "details": markup})
    assert good["Content-Type"] == "application/pdf"
    assert "<script>alert" in _pdf_text(good.content)


@pytest.mark.parametrize(
    "field", ["registrant_name", "registrant_id", "event_date", "applicant_phone", "details"]
)
def test_very_long_input_is_refused_quickly_and_cleanly(client, db, field):
    value = "1" + " " * 50_000 + "x" if field == "event_date" else "王" * 100_000
    started = time.monotonic()
    response = _post(client, "household-registration", {**HOUSEHOLD_REGISTRATION, field: value})
    assert time.monotonic() - started < 10
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert f'id="id_{field}_error"' in _html(response)


@pytest.mark.parametrize(
    "field", ["registrant_name", "registrant_id", "event_date", "registration_type"]
)
def test_a_nul_byte_is_refused_with_an_error_not_a_crash(client, db, field):
    value = HOUSEHOLD_REGISTRATION[field][:2] + "\x00" + HOUSEHOLD_REGISTRATION[field][2:]
    response = _post(client, "household-registration", {**HOUSEHOLD_REGISTRATION, field: value})
    # Refused before the form by RejectNulBytesMiddleware, with the 400 page's message.
    assert response.status_code == 400
    assert "無法處理" in _html(response)


def test_a_number_too_big_to_read_is_refused_cleanly(client, db):
    definition = eforms.get_form_definition("household-transcript-application")
    data = {f.name: _sample(f) for f in definition.fields if f.required}
    response = _post(client, definition.slug, {**data, "copies": "9" * 5000})
    assert response.status_code == 200
    assert 'id="id_copies_error"' in _html(response)


def test_an_unknown_form_is_not_found(client, db):
    for path in (
        "/forms/no-such-form/",
        "/forms/no-such-form/blank.pdf",
        "/forms/no-such-form/blank.odt",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post("/forms/no-such-form/", HOUSEHOLD_REGISTRATION).status_code == 404


def test_only_get_and_post_reach_the_form(client, db):
    assert client.put("/forms/household-registration/").status_code == 405
    assert client.post("/forms/household-registration/blank.pdf").status_code == 405


# --- Blank forms ----------------------------------------------------------------------------


def test_the_blank_form_downloads_as_a_pdf_like_the_paper(client, db):
    response = client.get("/forms/id-card-application/blank.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="id-card-application-blank.pdf"'
    text = _pdf_text(response.content)
    for label in ("國民身分證申請書", "申請類別", "□初領", "國民身分證統一編號", "相片黏貼處"):
        assert label in text
    assert "民國年月日" in text  # the dates are left to write by hand
    assert "申請日期：民國年月日" in text


def test_the_blank_form_downloads_as_an_odf_text_document(client, db):
    response = client.get("/forms/seal-registration-application/blank.odt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"] == (
        'attachment; filename="seal-registration-application-blank.odt"'
    )
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    # ODF: the first entry is the uncompressed mimetype.
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    content = archive.read("content.xml").decode()
    for label in (
        "印鑑登記申請書",
        "申請類別",
        "國民身分證統一編號",
        "印鑑（請蓋於框內）",
        "申請日期",
    ):
        assert label in content
    assert "table:table-cell" in content


def test_the_blank_odt_keeps_the_same_cells_as_the_paper():
    from odf.opendocument import load
    from odf.table import Table, TableRow

    definition = eforms.get_form_definition("household-registration")
    document = load(io.BytesIO(eforms.blank_odt(definition)))
    grid = document.getElementsByType(Table)[0]
    rows = grid.getElementsByType(TableRow)
    paper = eforms.paper_layout(definition)
    assert len(rows) == sum(1 + len(s.rows) for s in paper)


def _sample(f):
    """A valid answer for a required field, whatever its kind."""
    samples = {
        eforms.NATIONAL_ID: "A123456789",
        eforms.PERSON_ID: "A123456789",
        eforms.ROC_DATE: "80/5/17",
        eforms.PHONE: "0912-345-678",
        eforms.EMAIL: "citizen@example.com",
        eforms.CHECKBOX: "on",
        eforms.NUMBER: "2",
    }
    if f.kind == eforms.CHOICE:
        return f.choices[0].value
    return samples.get(f.kind, "王小明")


def test_the_english_blank_odt_carries_both_languages():
    definition = eforms.get_form_definition("birth-registration")
    archive = zipfile.ZipFile(io.BytesIO(eforms.blank_odt(definition, english=True)))
    content = archive.read("content.xml").decode()
    assert "出生登記申請書" in content and "Birth registration application" in content
    assert "父母" in content and "Parents" in content
