"""E-forms (電子表單): the application forms (申請書) of the main registration types,
defined once so one definition gives the online form, the filled PDF laid out like the
paper form, and the blank form as PDF and as ODF text (ODT).

Nothing a citizen types is stored: the filled form goes back to them as a PDF to print,
sign and bring to the counter. Labels are bilingual data (zh-Hant first, English second),
picked by the active language; the paper always carries the Chinese.

The forms are data: one YAML file per form in ``catalog/data/eforms/`` (format in the
README.md there). The rooms: ``schema`` (what a form is made of), ``reading`` (reads and
checks the files) and ``definitions`` (the forms read), ``online`` (the Django form),
``paper`` (the paper layout the PDFs draw) and ``odt`` (the blank ODT). Everything callers
use is re-exported here.
"""

from huzheng.catalog.eforms.definitions import FORMS, get_form_definition
from huzheng.catalog.eforms.odt import blank_odt
from huzheng.catalog.eforms.online import build_django_form
from huzheng.catalog.eforms.paper import PaperCell, PaperSection, paper_layout
from huzheng.catalog.eforms.reading import EFormFileError, read_eforms
from huzheng.catalog.eforms.schema import (
    ADDRESSEE_LINE,
    APPLICATION_DATE_LINE,
    BLANK_DATE,
    CHECKBOX,
    CHECKED,
    CHOICE,
    EMAIL,
    KINDS,
    NATIONAL_ID,
    NUMBER,
    PAPER_COLUMNS,
    PERSON_ID,
    PHONE,
    ROC_DATE,
    ROW_WIDTH,
    TEXT,
    TEXTAREA,
    UNCHECKED,
    Box,
    Choice,
    EForm,
    FormField,
    Section,
    pick,
    pick_lazy,
)

__all__ = [
    "ADDRESSEE_LINE",
    "APPLICATION_DATE_LINE",
    "BLANK_DATE",
    "CHECKBOX",
    "CHECKED",
    "CHOICE",
    "EMAIL",
    "FORMS",
    "KINDS",
    "NATIONAL_ID",
    "NUMBER",
    "PAPER_COLUMNS",
    "PERSON_ID",
    "PHONE",
    "ROC_DATE",
    "ROW_WIDTH",
    "TEXT",
    "TEXTAREA",
    "UNCHECKED",
    "Box",
    "Choice",
    "EForm",
    "EFormFileError",
    "FormField",
    "PaperCell",
    "PaperSection",
    "Section",
    "blank_odt",
    "build_django_form",
    "get_form_definition",
    "paper_layout",
    "pick",
    "pick_lazy",
    "read_eforms",
]
