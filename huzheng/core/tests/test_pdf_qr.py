"""PDFs print Chinese with the font embedded; QR codes are accessible SVG."""

import io
import re

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from huzheng.core.pdf import PdfResourceRefused, _fetcher, html_to_pdf
from huzheng.core.qr import qr_svg

TEXT = "戶籍謄本申請須知：請攜帶國民身分證及印章，臺灣澎湖縣湖西鄉。"


def _pdf(body, **context):
    template = Template(
        '{% extends "core/pdf/base.html" %}{% block content %}' + body + "{% endblock %}"
    )
    return html_to_pdf(template.render(Context({"title": "一次告知單", **context})))


def test_chinese_comes_back_intact_from_the_pdf():
    reader = PdfReader(io.BytesIO(_pdf("<p>{{ text }}</p>", text=TEXT)))
    text = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert "一次告知單" in text
    assert re.sub(r"\s+", "", TEXT) in text


def test_the_cjk_font_is_embedded_in_the_pdf():
    reader = PdfReader(io.BytesIO(_pdf("<p>{{ text }}</p>", text=TEXT)))
    fonts = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = (
            font.get("/FontDescriptor")
            or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        descriptor = descriptor.get_object()
        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        fonts.append((str(font["/BaseFont"]), embedded))
    assert any("Noto-Sans-CJK-TC" in name and embedded for name, embedded in fonts), fonts


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "file:///etc/passwd",
        "https://pdf.huzheng.invalid/static/../../etc/passwd",
        "https://pdf.huzheng.invalid/media/secret.pdf",
    ],
)
def test_a_pdf_template_cannot_fetch_from_the_network_or_disk(url):
    with pytest.raises(PdfResourceRefused):
        _fetcher().fetch(url)


def test_a_pdf_template_may_use_the_static_files():
    response = _fetcher().fetch("https://pdf.huzheng.invalid/static/css/print.css")
    assert response.status == 200


def test_html_typed_by_a_citizen_is_escaped_in_the_pdf():
    pdf = _pdf("<p>{{ name }}</p>", name="<img src='http://example.com/a.png'>王小明")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "王小明" in text
    assert "<img" in text  # printed as text, never fetched


def test_qr_codes_are_svg_with_an_accessible_name():
    svg = str(qr_svg("https://huxi.example.gov.tw/", label="本站網址 QR Code"))
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-label="本站網址 QR Code"' in svg


def test_a_qr_label_cannot_inject_markup():
    svg = str(qr_svg("x", label='"><script>alert(1)</script>'))
    assert "<script>" not in svg
