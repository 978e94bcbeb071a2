"""What an e-form is made of: field kinds, fields, sections, boxes and the form, with
bilingual labels picked by the active language, and the paper grid's measures."""

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import lazy

from huzheng.core import i18n

# Field kinds.
TEXT = "text"
NATIONAL_ID = "national_id"  # 國民身分證統一編號 only
PERSON_ID = "person_id"  # a national ID or a resident certificate number (統一證號)
ROC_DATE = "roc_date"
PHONE = "phone"
EMAIL = "email"
CHOICE = "choice"
TEXTAREA = "textarea"
CHECKBOX = "checkbox"
NUMBER = "number"  # a count, such as the copies of a transcript (份數)
KINDS = (TEXT, NATIONAL_ID, PERSON_ID, ROC_DATE, PHONE, EMAIL, CHOICE, TEXTAREA, CHECKBOX, NUMBER)

# The paper grid: a row is four quarters wide, and each field takes `width` quarters
# (a label cell and its value cell), so the paper has eight columns.
ROW_WIDTH = 4
PAPER_COLUMNS = ROW_WIDTH * 2

# How a date is left to be written by hand on the blank paper form.
BLANK_DATE = "民國　　　年　　　月　　　日"
APPLICATION_DATE_LINE = "申請日期：民國　　　年　　　月　　　日"
ADDRESSEE_LINE = "此致　　　　　　　　戶政事務所"
CHECKED, UNCHECKED = "■", "□"

# A typed date is never longer than this; the limit also keeps long input away from the
# date parser's regular expression.
DATE_MAX_LENGTH = 30
DEFAULT_MAX_LENGTH = {TEXT: 60, TEXTAREA: 500, EMAIL: 254, PHONE: 30}


def pick(zh, en):
    """The English text when English is active and there is one; otherwise the Chinese."""
    return i18n.pick(zh, en)


pick_lazy = lazy(pick, str)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    label_en: str

    @property
    def text(self):
        return pick(self.label, self.label_en)


@dataclass(frozen=True)
class FormField:
    """One field of a form: its kind, bilingual label and hint, and its width on paper."""

    name: str
    label: str
    label_en: str
    kind: str = TEXT
    required: bool = False
    width: int = 2
    choices: tuple[Choice, ...] = ()
    help: str = ""
    help_en: str = ""
    allow_future: bool = True
    max_length: int | None = None
    max_value: int = 20
    autocomplete: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown field kind {self.kind!r}")
        if not 1 <= self.width <= ROW_WIDTH:
            raise ValueError(f"{self.name}: width must be 1 to {ROW_WIDTH}")
        if (self.kind == CHOICE) != bool(self.choices):
            raise ValueError(f"{self.name}: choices go with the choice kind, and only there")

    @property
    def text(self):
        return pick(self.label, self.label_en)

    @property
    def help_text(self):
        return pick(self.help, self.help_en)


@dataclass(frozen=True)
class Section:
    """A group of fields, a fieldset online and a block of rows on paper."""

    title: str
    title_en: str
    fields: tuple[FormField, ...]

    @property
    def text(self):
        return pick(self.title, self.title_en)


@dataclass(frozen=True)
class Box:
    """A box on paper to sign, stamp a seal in, or stick a photo on."""

    label: str
    label_en: str
    tall: bool = False

    @property
    def text(self):
        return pick(self.label, self.label_en)


@dataclass(frozen=True)
class EForm:
    """An application form (申請書): where it belongs in the catalog and what it asks."""

    slug: str
    title: str
    title_en: str
    service_slug: str
    intro: str
    intro_en: str
    sections: tuple[Section, ...]
    boxes: tuple[Box, ...] = (Box("申請人簽名或蓋章", "Applicant's signature or seal"),)
    notes: tuple[tuple[str, str], ...] = ()
    # When the definition's file last changed here: the form's "last updated" date.
    updated_at: dt.datetime | None = None

    @property
    def title_text(self):
        return pick(self.title, self.title_en)

    @property
    def intro_text(self):
        return pick(self.intro, self.intro_en)

    @property
    def note_texts(self):
        return [pick(zh, en) for zh, en in self.notes]

    @property
    def fields(self):
        return [f for section in self.sections for f in section.fields]
