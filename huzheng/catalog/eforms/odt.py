"""The blank form as an ODF text document (ODT), written with odfpy."""

import io

from huzheng.catalog.eforms.paper import paper_layout
from huzheng.catalog.eforms.schema import (
    ADDRESSEE_LINE,
    APPLICATION_DATE_LINE,
    PAPER_COLUMNS,
    UNCHECKED,
)


def blank_odt(definition, *, english=False):
    """The blank form as an ODF text document (bytes): the same title, table of labels with
    empty value cells, signature boxes and date line as the blank PDF."""
    odt = _OdtForm(english=english)
    odt.title(definition.title, definition.title_en)
    odt.grid(paper_layout(definition))
    odt.boxes(definition.boxes)
    odt.line(APPLICATION_DATE_LINE)
    odt.line(ADDRESSEE_LINE)
    odt.notes(definition.notes)
    return odt.to_bytes()


def _mark_text(mark, english):
    _checked, label, label_en = mark
    return f"{UNCHECKED}{label}" + (f" {label_en}" if english and label_en else "")


class _OdtForm:
    """Writes the paper layout as an ODF text document with odfpy: styles first, then the
    title, the grid of label/value cells, the boxes and the closing lines."""

    FONT = "Noto Sans CJK TC"

    def __init__(self, *, english):
        from odf import style
        from odf.opendocument import OpenDocumentText

        self.english = english
        self.document = OpenDocumentText()
        self.document.fontfacedecls.addElement(
            style.FontFace(name=self.FONT, fontfamily=f"'{self.FONT}'", fontfamilygeneric="swiss")
        )
        page = style.PageLayout(name="A4")
        page.addElement(
            style.PageLayoutProperties(
                pagewidth="21cm", pageheight="29.7cm", printorientation="portrait", margin="1.6cm"
            )
        )
        self.document.automaticstyles.addElement(page)
        self.document.masterstyles.addElement(
            style.MasterPage(name="Standard", pagelayoutname=page)
        )
        self.title_style = self._paragraph_style("FormTitle", "18pt", bold=True, align="center")
        self.body_style = self._paragraph_style("FormBody", "10.5pt")
        self.label_style = self._paragraph_style("FormLabel", "10pt", bold=True)
        self.small_style = self._paragraph_style("FormSmall", "8pt")
        self.label_cell = self._automatic_style(
            "LabelCell",
            "table-cell",
            style.TableCellProperties(
                border="0.5pt solid #000000", padding="0.1cm", backgroundcolor="#eeeeee"
            ),
        )
        self.value_cell = self._automatic_style(
            "ValueCell",
            "table-cell",
            style.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"),
        )
        self.row_style = self._automatic_style(
            "Row", "table-row", style.TableRowProperties(minrowheight="0.9cm")
        )
        self.tall_row_style = self._automatic_style(
            "TallRow", "table-row", style.TableRowProperties(minrowheight="3.5cm")
        )
        self.column_style = self._automatic_style(
            "Column", "table-column", style.TableColumnProperties(relcolumnwidth="1*")
        )
        self.table_style = self._automatic_style(
            "FormTable", "table", style.TableProperties(width="17.8cm", align="center")
        )

    def title(self, zh, en):
        self.line(zh, self.title_style)
        if self.english:
            self.line(en, self.title_style)

    def grid(self, paper_sections):
        from odf import table

        grid = table.Table(name="Form", stylename=self.table_style)
        grid.addElement(
            table.TableColumn(numbercolumnsrepeated=PAPER_COLUMNS, stylename=self.column_style)
        )
        for paper_section in paper_sections:
            section = paper_section.section
            row = table.TableRow(stylename=self.row_style)
            self._cell(row, self._labels(section.title, section.title_en), PAPER_COLUMNS, True)
            grid.addElement(row)
            for cells in paper_section.rows:
                row = table.TableRow(stylename=self.row_style)
                for cell in cells:
                    self._paper_cell(row, cell)
                grid.addElement(row)
        self.document.text.addElement(grid)

    def boxes(self, boxes):
        from odf import table

        grid = table.Table(name="Signatures", stylename=self.table_style)
        grid.addElement(
            table.TableColumn(numbercolumnsrepeated=len(boxes), stylename=self.column_style)
        )
        labels = table.TableRow(stylename=self.row_style)
        spaces = table.TableRow(stylename=self.tall_row_style)
        for box in boxes:
            self._cell(labels, self._labels(box.label, box.label_en), 1, True)
            self._cell(spaces, [("", self.body_style)], 1, False)
        grid.addElement(labels)
        grid.addElement(spaces)
        self.line("")
        self.document.text.addElement(grid)

    def notes(self, notes):
        if not notes:
            return
        self.line("注意事項", self.label_style)
        for number, (zh, en) in enumerate(notes, start=1):
            self.line(f"{number}. {zh}", self.small_style)
            if self.english and en:
                self.line(en, self.small_style)

    def line(self, content, paragraph_style=None):
        from odf import text

        self.document.text.addElement(
            text.P(stylename=paragraph_style or self.body_style, text=content)
        )

    def to_bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _paper_cell(self, row, cell):
        f = cell.field
        if cell.full_row:
            line = f"{UNCHECKED} {f.label}"
            self._cell(row, self._labels(line, f.label_en, self.body_style), cell.span, False)
            return
        marker = "※" if f.required else ""
        self._cell(row, self._labels(marker + f.label, f.label_en), 1, True)
        if cell.marks:
            content = "　".join(_mark_text(mark, self.english) for mark in cell.marks)
        else:
            content = cell.value
        self._cell(row, [(content, self.body_style)], cell.span, False)

    def _cell(self, row, paragraphs, span, shaded):
        from odf import table, text

        element = table.TableCell(
            stylename=self.label_cell if shaded else self.value_cell, valuetype="string"
        )
        if span > 1:
            element.setAttribute("numbercolumnsspanned", span)
        for content, paragraph_style in paragraphs:
            element.addElement(text.P(stylename=paragraph_style, text=content))
        row.addElement(element)
        # ODF keeps a covered cell in place of each column a spanning cell takes.
        for _covered in range(span - 1):
            row.addElement(table.CoveredTableCell())

    def _labels(self, zh, en, paragraph_style=None):
        paragraphs = [(zh, paragraph_style or self.label_style)]
        if self.english and en:
            paragraphs.append((en, self.small_style))
        return paragraphs

    def _paragraph_style(self, name, size, *, bold=False, align="start"):
        from odf import style

        weight = "bold" if bold else "normal"
        paragraph_style = style.Style(name=name, family="paragraph")
        paragraph_style.addElement(
            style.TextProperties(
                fontname=self.FONT,
                fontnameasian=self.FONT,
                fontsize=size,
                fontsizeasian=size,
                fontweight=weight,
                fontweightasian=weight,
            )
        )
        paragraph_style.addElement(
            style.ParagraphProperties(textalign=align, marginbottom="0.15cm")
        )
        self.document.styles.addElement(paragraph_style)
        return paragraph_style

    def _automatic_style(self, name, family, properties):
        from odf import style

        automatic = style.Style(name=name, family=family)
        automatic.addElement(properties)
        self.document.automaticstyles.addElement(automatic)
        return automatic
