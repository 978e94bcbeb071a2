"""The paper layout: a definition's sections as rows of label/value cells, blank or
filled, which the PDF templates and the ODT writer draw."""

import dataclasses
from dataclasses import dataclass

from huzheng.catalog.eforms.schema import (
    BLANK_DATE,
    CHECKBOX,
    CHOICE,
    NATIONAL_ID,
    PAPER_COLUMNS,
    PERSON_ID,
    ROC_DATE,
    ROW_WIDTH,
    FormField,
    Section,
)
from huzheng.core import roc


@dataclass
class PaperCell:
    """A label cell and its value cell on paper; a checkbox fills the whole row instead."""

    field: FormField
    span: int
    value: str = ""
    marks: list = dataclasses.field(default_factory=list)

    @property
    def full_row(self):
        return self.field.kind == CHECKBOX


@dataclass
class PaperSection:
    section: Section
    rows: list


def paper_layout(definition, cleaned_data=None):
    """The sections as paper rows of label/value cells; values filled from cleaned_data,
    or left blank (dates as 民國　年　月　日, choices as empty boxes) without it."""
    return [
        PaperSection(section, _paper_rows(section, cleaned_data)) for section in definition.sections
    ]


def _paper_rows(section, cleaned_data):
    rows, row, used = [], [], 0
    for f in section.fields:
        width = ROW_WIDTH if f.kind == CHECKBOX else f.width
        if row and used + width > ROW_WIDTH:
            rows.append(_close_row(row, used))
            row, used = [], 0
        row.append(_paper_cell(f, cleaned_data))
        used += width
    if row:
        rows.append(_close_row(row, used))
    return rows


def _close_row(row, used):
    # A row the fields do not fill stretches its last value cell to the right edge.
    row[-1].span += (ROW_WIDTH - used) * 2
    return row


def _paper_cell(f, cleaned_data):
    cell = PaperCell(field=f, span=f.width * 2 - 1)
    if f.kind == CHECKBOX:
        cell.span = PAPER_COLUMNS
    filled = cleaned_data is not None
    value = cleaned_data.get(f.name) if filled else None
    if f.kind == CHOICE:
        cell.marks = [(filled and value == c.value, c.label, c.label_en) for c in f.choices]
    elif f.kind == CHECKBOX:
        cell.marks = [(bool(value), f.label, f.label_en)]
    elif not filled:
        cell.value = BLANK_DATE if f.kind == ROC_DATE else ""
    else:
        cell.value = _display(f, value)
    return cell


def _display(f, value):
    if value in (None, ""):
        return ""
    if f.kind in (NATIONAL_ID, PERSON_ID):
        return value.number
    if f.kind == ROC_DATE:
        return roc.format_long(value)
    return str(value).strip()
