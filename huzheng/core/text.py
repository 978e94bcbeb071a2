"""Text rules every app shares (文字處理): folding Chinese text for matching, cleaning what
people type, and plain text out of rich text and StreamFields.

Folding: full-width to half-width, lower case, punctuation to spaces, and a small
variant map (台→臺, 身份→身分 …) applied to both sides of a comparison. ``fold`` keeps the
length of the text, so a match found in folded text marks the same span of the original
(that is how search snippets highlight). Simplified characters are converted to
traditional ones with OpenCC (``to_traditional``), so 身份证 finds 身分證.

Cleaning: control characters never reach the database, a page, a mail header or a
PDF; a one-line field is one line.
"""

import re
import unicodedata
from functools import cache

from django.utils.html import strip_tags

# Variants people type → the form government text uses. Every pair keeps its length (see
# ``fold``); longer keys are applied first. Keep this small and explicit: each entry is
# tested in search/tests/test_text.py.
VARIANTS = {
    "身份": "身分",  # 身份證 → 身分證 (the statutory name is 國民身分證)
    "身分証": "身分證",
    "証明": "證明",
    "証書": "證書",
    "台": "臺",  # 台北 → 臺北, 台灣 → 臺灣, as the government writes them
    "着": "著",
    "戸": "戶",  # the Japanese form of 戶, common in copied text
    "户": "戶",
}

# C0 and C1 controls but tab, line feed and carriage return; DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Every control, line breaks included, and the Unicode line and paragraph separators.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_VARIANT_RE = re.compile("|".join(sorted(map(re.escape, VARIANTS), key=len, reverse=True)))

assert all(len(k) == len(v) for k, v in VARIANTS.items())


def fold(text):
    """The text folded for matching, with exactly as many characters as ``text``."""
    return _VARIANT_RE.sub(lambda m: VARIANTS[m.group(0)], "".join(map(_fold_char, text)))


def to_traditional(text):
    """Simplified characters converted to traditional ones (OpenCC s2t)."""
    return _converter().convert(text) if text else text


def written_form(query):
    """The text in the characters the office writes — traditional, variants replaced,
    full-width folded — for filters that match stored text as it is. Unlike ``fold`` it
    keeps case and punctuation."""
    query = "".join(ch for ch in unicodedata.normalize("NFKC", query or "") if ch.isprintable())
    return _VARIANT_RE.sub(lambda m: VARIANTS[m.group(0)], to_traditional(query))


def clean_line(value, limit=None):
    """One line of what someone typed: every control and line break becomes a space, runs
    of white space become one, the ends are trimmed, and it is cut to ``limit``."""
    text = " ".join(_ANY_CONTROL.sub(" ", str(value or "")).split())
    return text[:limit].rstrip() if limit else text


def clean_text(value, limit=None):
    """Several lines of what someone typed: controls out, line breaks kept (as \\n), the
    ends trimmed, cut to ``limit``."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text).strip()
    return text[:limit].rstrip() if limit else text


def strip_controls(value):
    """The text with every control character removed, for echoing input in a message."""
    return _ANY_CONTROL.sub("", str(value or ""))


def plain_text(html):
    """Rich text (HTML) as one line of plain text: search and feeds want no markup."""
    return " ".join(strip_tags(str(html or "")).split())


def stream_text(stream):
    """The plain text of a StreamField value, block after block."""
    parts = []
    for block in stream or []:
        value = block.value
        parts.append(plain_text(value.source if hasattr(value, "source") else value))
    return " ".join(part for part in parts if part)


@cache
def _fold_char(ch):
    normal = unicodedata.normalize("NFKC", ch)
    if len(normal) != 1:
        normal = ch
    lower = normal.lower()
    if len(lower) == 1:
        normal = lower
    return normal if normal.isalnum() else " "


def to_simplified(value):
    """Traditional characters converted to simplified ones (OpenCC t2s), for word
    segmentation (jieba's dictionary is simplified)."""
    return _simplifier().convert(value) if value else value


@cache
def _simplifier():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("s2t")
