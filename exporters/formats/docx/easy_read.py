"""The easy-read Word edition: a cover, then each section as rows of a picture beside short sentences.

Each section's rows are one borderless two-column table: the picture (inline, described in its
`docPr`) in the left cell, one sentence a paragraph in the right cell, then the hard words of
the row explained. A screen reader reads a row's cells in order: the picture's alt text, then
the words. The tables have no header row, because every row is like the others; they carry the
layout-table mark that Word shows as the table's Alt Text title (docx_check.LAYOUT_TABLE), so
the accessibility check knows not to ask for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm

from ...editions.easy_read import EasyReadEdition, Row, WordWithPicture
from ...model import Inline, LineBreak, Link, Picture, Text
from ..templates import long_date, term_id
from .blocks import BlockWriter
from .check import LAYOUT_TABLE
from .inlines import Bookmarks, add_inlines
from .styles import StyleData, w_element

TWIPS_PER_CM = 1440 / 2.54
WORDS_HEADING, CONTACT_HEADING = "words-we-use", "who-to-contact"


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of a row's words, in a named style; `anchor` puts a bookmark round it."""

    content: tuple[Inline, ...]
    style: str = "Easy Sentence"
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class LayoutRow:
    picture: Picture | None
    lines: tuple[Line, ...]


def easy_read_bookmarks(edition: EasyReadEdition) -> Bookmarks:
    """Names for every place a link can point at, known before the first link is written."""
    bookmarks = Bookmarks()
    bookmarks.name(edition.document.title.anchor)
    for section in edition.sections:
        if section.heading:
            bookmarks.name(section.anchor)
    for anchor in (WORDS_HEADING, CONTACT_HEADING):
        bookmarks.name(anchor)
    for word in edition.words:
        bookmarks.name(term_id(word.entry.term))
    return bookmarks


def write_edition(writer: BlockWriter, edition: EasyReadEdition, data: StyleData,
                  text_width_cm: float) -> None:
    """The cover (the title, a picture and what this is), the sections, the words, who to contact.

    The rows of a section without a heading (the leaflet's opening) join the cover's table;
    with `cover_page`, the first heading starts a new page, so the cover stands on its own.
    """
    tables = RowTables(writer, data, text_width_cm)
    writer.heading(edition.document.title)
    cover = Text(writer.labels["cover"].format(title=edition.title))
    pending = [LayoutRow(edition.cover_picture, (Line((cover,), "Easy Cover"),))]
    new_page = bool(data["cover_page"])
    for section in edition.sections:
        if section.heading:
            tables.add(pending)
            pending = []
            heading = _heading(writer, section.heading, section.anchor)
            if new_page:
                heading.paragraph_format.page_break_before = True
                new_page = False
        pending += [_section_row(row) for row in section.rows]
    tables.add(pending)
    if edition.words:
        _heading(writer, writer.labels["glossary_heading"], WORDS_HEADING)
        tables.add([_word_row(word) for word in edition.words])
    _write_contact(writer, tables, edition, data["address_break"])


def _section_row(row: Row) -> LayoutRow:
    sentences = tuple(Line(sentence) for sentence in row.sentences)
    explanations = tuple(Line((Text(e.sentence),), "Easy Explanation") for e in row.explanations)
    return LayoutRow(row.picture, sentences + explanations)


def _word_row(word: WordWithPicture) -> LayoutRow:
    """The word in bold (with a bookmark that its first use links to), then what it means."""
    term = word.entry.term
    return LayoutRow(word.picture, (Line((Text(term),), "Easy Word", term_id(term)),
                                    Line((Text(word.entry.explanation),), "Easy Meaning")))


def _heading(writer: BlockWriter, text: str, anchor: str):
    """A section heading (Heading 1), with a bookmark so links can point at it."""
    paragraph = writer.paragraph((Text(text),), "Heading 1")
    writer.bookmarks.mark(paragraph, anchor)
    return paragraph


def _write_contact(writer: BlockWriter, tables: RowTables, edition: EasyReadEdition, gap: str) -> None:
    labels, meta = writer.labels, edition.document.meta
    _heading(writer, labels["contact_heading"], CONTACT_HEADING)
    if meta.organisation:
        writer.paragraph((Text(meta.organisation.name),), "Easy Organisation")
    rows = []
    for contact in edition.contact:
        shown = Text(_breakable(contact.value, gap))
        value = Link(contact.href, (shown,)) if contact.href else Text(contact.value)
        rows.append(LayoutRow(contact.picture, (Line((Text(f"{contact.label}:"), LineBreak(), value)),)))
    tables.add(rows, keep_with_next=True)  # the last contact row goes with the closing lines
    closing = [writer.paragraph((Text(labels["other_formats"]),))]
    if meta.next_review:
        review = labels["next_review"].format(date=long_date(meta.next_review))
        closing.append(writer.paragraph((Text(review),)))
    if any(picture.icon for picture in edition.pictures):
        closing.append(writer.paragraph((Text(labels["health_icons"]),)))
    for paragraph in closing[:-1]:  # the closing lines stay together: never the credit alone on a page
        paragraph.paragraph_format.keep_with_next = True


def _breakable(address: str, gap: str) -> str:
    """An email or web address that may break after its "@" or a "/" (not inside "//"), never mid-word.

    The words column is narrow on A5 or at large sizes; without a place to break, Word and
    LibreOffice split an address at whatever letter reaches the edge. The address stands on a
    line of its own (after "Email:"), so it breaks only when it is longer than the column.
    """
    return re.sub(r"(@|(?<!/)/(?!/))", lambda match: match.group(0) + gap, address)


class RowTables:
    """Writes rows as borderless two-column layout tables of one document."""

    def __init__(self, writer: BlockWriter, data: StyleData, text_width_cm: float) -> None:
        self._writer = writer
        picture_cm = data["picture_column_cm"]
        self._widths = (round(picture_cm * TWIPS_PER_CM), round((text_width_cm - picture_cm) * TWIPS_PER_CM))
        self._row_space = data.twips(data["row_space"])
        self._padding = data.twips(data["cell_padding"])
        self._description = data.labels["layout_table"]

    def add(self, rows: list[LayoutRow], keep_with_next: bool = False):
        """The rows as one table; with `keep_with_next`, its last row stays on the page of what follows."""
        if not rows:
            return None
        table = self._writer.document.add_table(rows=len(rows), cols=2)
        self._mark_layout(table._tbl)
        for column, width in zip(table.columns, self._widths, strict=True):
            column.width = Cm(width / TWIPS_PER_CM)
        for row, content in zip(table.rows, rows, strict=True):
            row._tr.get_or_add_trPr().append(w_element("cantSplit"))
            picture_cell, words_cell = row.cells
            for cell, width in zip(row.cells, self._widths, strict=True):
                cell.width = Cm(width / TWIPS_PER_CM)
            picture_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            words_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            self._fill(picture_cell, words_cell, content)
        if keep_with_next:
            for cell in table.rows[-1].cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        self._writer.after_table()
        return table

    def _fill(self, picture_cell, words_cell, row: LayoutRow) -> None:
        style_ids = self._writer.style_ids
        picture_paragraph = picture_cell.paragraphs[0]
        style_ids.paragraph(picture_paragraph, "Easy Picture")
        if row.picture is not None:
            self._writer.pictures.add(picture_paragraph, row.picture)
        for number, line in enumerate(row.lines):
            paragraph = words_cell.paragraphs[0] if number == 0 else words_cell.add_paragraph()
            style_ids.paragraph(paragraph, line.style)
            add_inlines(paragraph, line.content, self._writer.bookmarks, style_ids)
            if line.anchor:
                self._writer.bookmarks.mark(paragraph, line.anchor)

    def _mark_layout(self, table) -> None:
        """tblPr in schema order: width, no borders, fixed columns, cell margins, no header look, the mark."""
        properties = table.tblPr
        for child in list(properties):
            properties.remove(child)
        properties.append(w_element("tblW", w=sum(self._widths), type="dxa"))
        borders = w_element("tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(w_element(side, val="nil"))
        properties.append(borders)
        properties.append(w_element("tblLayout", type="fixed"))
        margins = w_element("tblCellMar")
        for side, width in (("top", self._row_space), ("left", 0), ("bottom", self._row_space),
                            ("right", self._padding)):
            margins.append(w_element(side, w=width, type="dxa"))
        properties.append(margins)
        properties.append(w_element("tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0,
                                    lastColumn=0, noHBand=1, noVBand=1))
        properties.append(w_element("tblCaption", val=LAYOUT_TABLE))
        properties.append(w_element("tblDescription", val=self._description))
