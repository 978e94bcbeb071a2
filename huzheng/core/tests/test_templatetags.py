"""Template filters shared by every page."""

import pytest

from huzheng.core.templatetags.core_tags import get_item, tel_href


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("06-9921145", "tel:069921145"),
        ("06-9921145#21", "tel:069921145,21"),
        ("(06) 992-1145 分機 21", "tel:069921145,21"),
        ("0912-345-678", "tel:0912345678"),
        ("+886-6-9921145", "tel:+88669921145"),
        ("<script>", "tel:"),
    ],
)
def test_phone_links_dial_the_number_then_the_extension(phone, href):
    assert tel_href(phone) == href


def test_get_item_reads_a_dict_and_tolerates_anything_else():
    assert get_item({"a": 1}, "a") == 1
    assert get_item(None, "a") is None
