"""What people type is cleaned by one set of rules: no control character reaches the
database, a page, a mail header or a PDF, and a one-line field stays one line."""

from huzheng.core.text import clean_line, clean_text, plain_text, strip_controls


def test_a_line_loses_controls_and_line_breaks_and_keeps_its_words():
    assert clean_line("  王\x00小明\r\nBcc: x\u2028y\t ") == "王 小明 Bcc: x y"
    assert clean_line(None) == ""
    assert clean_line("一二三四五", 3) == "一二三"


def test_text_keeps_its_lines_and_loses_other_controls():
    assert clean_text("第一行\r\n第二行\x07\x1b[31m\r第三行 ") == "第一行\n第二行[31m\n第三行"
    assert clean_text("長" * 10, 4) == "長長長長"


def test_controls_are_stripped_for_echoing_input():
    assert strip_controls("A12\x003\n456") == "A123456"


def test_rich_text_becomes_one_line_of_plain_text():
    assert plain_text("<p>請攜帶<b>身分證</b></p>\n<p>印章</p>") == "請攜帶身分證 印章"
