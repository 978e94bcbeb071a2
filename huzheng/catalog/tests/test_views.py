"""The catalog's public pages, tables, checklist, notice slips and the counter's form."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from huzheng.catalog.models import NoticeSlip
from huzheng.catalog.tests.factories import fine_schedule, move_in_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(demo_data):
    fine_schedule()
    return move_in_service(slug="test-move-in")


def test_the_service_list_shows_hot_services_and_categories(client, catalog):
    html = client.get("/services/").content.decode()
    assert "熱門服務" in html
    assert 'href="/services/test-move-in/"' in html
    assert "最後更新" in html and "民國" in html  # the plan wants an update date on every page


def test_the_list_filters_by_audience(client, catalog):
    move_in_service(
        slug="indigenous",
        name="原住民身分登記",
        for_indigenous=True,
        for_new_immigrants=False,
        is_hot=False,
    )
    html = client.get("/services/?audience=indigenous").content.decode()
    assert "原住民身分登記" in html
    assert "/services/test-move-in/" not in html


def test_the_list_finds_services_by_words_and_variants(client, catalog):
    move_in_service(slug="id-reissue", name="補領國民身分證", is_hot=False)
    assert "補領國民身分證" in client.get("/services/?q=國民身份證").content.decode()
    assert "補領國民身分證" in client.get("/services/?q=补领国民身份证").content.decode()
    html = client.get("/services/?q=補領").content.decode()
    assert "補領國民身分證" in html
    assert "/services/test-move-in/" not in html


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "' OR 1=1 --", "x" * 500, "\u0000\u0007"]
)
def test_hostile_searches_get_a_normal_page(client, catalog, query):
    response = client.get("/services/", {"q": query, "audience": "<b>"})
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_service_page_says_everything_in_one_place(client, catalog):
    html = client.get("/services/test-move-in/").content.decode()
    for text in (
        "遷入登記",
        "國民身分證",
        "戶口名簿",
        "戶長同意書",
        "戶籍謄本",
        "NT$50",
        "遷入滿3個月後30日內",
        "戶籍法第79條",
        "受理並核對證件",
        "最後更新",
        "民國",
    ):
        assert text in html, text
    # "Book online: yes" is the way to book it, not a bare word.
    assert 'href="/appointments/test-move-in/"' in html


def test_an_unknown_service_is_a_404_with_a_search_box(client, catalog):
    response = client.get("/services/no-such-service/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html
    assert "找不到網頁" in html


@pytest.mark.parametrize("table", ["guides", "time-limits", "fees", "fines"])
def test_each_table_is_a_page_a_csv_and_a_json_file(client, catalog, table):
    page = client.get(f"/services/tables/{table}/")
    assert page.status_code == 200
    assert "最後更新" in page.content.decode()
    csv_response = client.get(f"/services/tables/{table}.csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) >= 2
    data = json.loads(client.get(f"/services/tables/{table}.json").content)
    assert data["table"] == table
    assert len(data["rows"]) == len(rows) - 1
    assert data["updated_at"]


def test_the_fee_table_holds_each_fee(client, catalog):
    data = json.loads(client.get("/services/tables/fees.json").content)
    (row,) = [r for r in data["rows"] if r["slug"] == "test-move-in"]
    assert {"service": "遷入登記", "item": "換領國民身分證", "amount": 50}.items() <= row.items()


def test_a_csv_cell_cannot_become_a_spreadsheet_formula(client, catalog):
    catalog.fees.update(note='=HYPERLINK("http://evil")')
    text = client.get("/services/tables/fees.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_an_unknown_table_is_a_404(client, catalog):
    assert client.get("/services/tables/secrets/").status_code == 404


def test_the_checklist_asks_only_the_questions_of_the_service(client, catalog):
    html = client.get("/services/checklist/", {"service": "test-move-in"}).content.decode()
    assert "戶長是別人嗎" in html
    response = client.get(
        "/services/checklist/",
        {"service": "test-move-in", "submitted": "1", "not_head": "yes", "event_date": "115/1/10"},
    )
    html = response.content.decode()
    assert "戶長同意書" in html
    assert "民國115年5月11日" in html  # 5/10 is a Sunday


def test_an_unanswered_or_impossible_checklist_shows_the_errors(client, catalog):
    response = client.get(
        "/services/checklist/",
        {"service": "test-move-in", "submitted": "1", "event_date": "115/2/30"},
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert "沒有這個日期" in html
    assert NoticeSlip.objects.count() == 0


def test_a_checklist_saved_as_a_slip_opens_at_its_own_address(client, catalog):
    response = client.post(
        "/services/checklist/",
        {
            "service": "test-move-in",
            "not_head": "yes",
            "event_date": "115/1/10",
            "applicant_label": "王先生",
            "idempotency_key": "k1",
        },
    )
    slip = NoticeSlip.objects.get()
    assert response["Location"] == f"/slips/{slip.number}/"
    again = client.post(
        "/services/checklist/",
        {"service": "test-move-in", "not_head": "yes", "idempotency_key": "k1"},
    )
    assert again["Location"] == response["Location"]
    html = client.get(response["Location"]).content.decode()
    for text in ("一次告知單", slip.number, "戶長同意書", "王先生", "民國115年5月11日", "<svg"):
        assert text in html, text


def test_a_slip_prints_as_a_one_page_pdf_with_its_chinese_intact(client, catalog):
    client.post("/services/checklist/", {"service": "test-move-in", "not_head": "yes"})
    slip = NoticeSlip.objects.get()
    response = client.get(f"/slips/{slip.number}.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "戶長同意書" in text and slip.number in text
    # And it draws: the rendered A4 page has ink on it, the QR code's black included.
    import pypdfium2

    image = pypdfium2.PdfDocument(response.content)[0].render(scale=1).to_pil().convert("L")
    assert image.size[0] < image.size[1]  # portrait
    assert image.getextrema()[0] < 50


@pytest.mark.parametrize("number", ["NOPE", "HUXI-1151127-001-XXXX", "<script>", "x" * 300])
def test_an_unknown_slip_is_a_404_that_leaks_nothing(client, catalog, number):
    assert client.get(f"/slips/{number}/").status_code == 404
    assert client.get(f"/slips/{number}.pdf").status_code == 404


def test_counter_staff_issue_a_slip_by_ticking_what_was_brought(client, catalog):
    client.force_login(get_user_model().objects.get(username="counter"))
    form = client.get("/staff/slips/new/", {"service": "test-move-in"})
    assert form.status_code == 200
    card = catalog.documents.get(name="國民身分證")
    response = client.post(
        "/staff/slips/new/",
        {
            "service": "test-move-in",
            "brought": [card.pk],
            "not_head": "no",
            "applicant_label": "",
            "note": "請攜帶印章",
            "idempotency_key": "s1",
        },
    )
    slip = NoticeSlip.objects.get()
    assert response["Location"] == f"/slips/{slip.number}/?print=1"
    assert slip.created_by.username == "counter"
    assert slip.office.code == "huxi"
    assert [d["name"] for d in slip.missing] == ["戶口名簿"]


def test_the_counter_form_refuses_a_missing_answer_and_writes_nothing(client, catalog):
    client.force_login(get_user_model().objects.get(username="counter"))
    response = client.post(
        "/staff/slips/new/", {"service": "test-move-in", "brought": ["999", "x"]}
    )
    assert response.status_code == 400
    assert NoticeSlip.objects.count() == 0


def test_only_staff_with_the_permission_issue_slips(client, catalog):
    assert client.get("/staff/slips/new/")["Location"].startswith("/admin/login/")
    client.force_login(get_user_model().objects.get(username="editor"))
    assert client.get("/staff/slips/new/").status_code == 403
