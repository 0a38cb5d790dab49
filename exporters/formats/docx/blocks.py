"""Blocks of the Word edition: headings, paragraphs, lists, tables, pictures, important points.

Every paragraph gets a named style and nothing else, so a team can restyle the leaflet in
Word, and a screen reader finds headings, lists and table headers where Word put them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Twips

from ...model import (
    Block,
    Heading,
    Important,
    Inline,
    ListBlock,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Table,
)
from .inlines import Bookmarks, add_inlines
from .numbering import Numbering, number_paragraph
from .pictures import PictureWriter
from .styles import StyleData, StyleIds, w_element

LIST_STYLE_LEVELS = 3  # Word's built-in list styles go to List Bullet 3 / List Number 3


@dataclass(frozen=True, slots=True)
class Place:
    """Where a block stands: the style of its plain paragraphs and how deep in lists it is."""

    text_style: str = "Normal"
    depth: int = 0
    boxed: bool = False


class BlockWriter:
    """Writes model blocks into one Word document."""

    def __init__(self, document: WordDocument, numbering: Numbering, pictures: PictureWriter,
                 bookmarks: Bookmarks, data: StyleData, style_ids: StyleIds) -> None:
        self.document = document
        self.style_ids = style_ids
        self.numbering = numbering
        self.pictures = pictures
        self.bookmarks = bookmarks
        self.labels = data.labels
        self.header_shading = data["header_shading"]
        self.cell_padding = data.twips(data["cell_padding"])
        self.list_kept_whole = data.values.get("list_kept_whole", 0)
        self.list_kept_ends = data.values.get("list_kept_ends", 0)
        self.table_space_after = data.twips(data.values.get("table_space_after", 0))
        styles = data["styles"].items()
        self.space_before = {name: data.twips(spec.get("space_before", 0)) for name, spec in styles}
        self._after_table = False

    def paragraph(self, inlines: tuple[Inline, ...], style: str = "Normal"):
        paragraph = self.styled_paragraph(style)
        add_inlines(paragraph, inlines, self.bookmarks, self.style_ids)
        return paragraph

    def styled_paragraph(self, style: str, text: str = ""):
        """A new paragraph at the end of the document, in a paragraph style; after a table it keeps
        the table's space below (a Word table has none of its own), unless its style has more."""
        paragraph = self.document.add_paragraph(text)
        self.style_ids.paragraph(paragraph, style)
        if self._after_table and self.space_before.get(style, 0) < self.table_space_after:
            paragraph.paragraph_format.space_before = Twips(self.table_space_after)
        self._after_table = False
        return paragraph

    def after_table(self) -> None:
        """A table has just been written: the next paragraph leaves a space below it."""
        self._after_table = True

    def heading(self, heading: Heading) -> None:
        """Level 1 is the leaflet's title (Title style); `##` is Heading 1, and so on."""
        style = "Title" if heading.level == 1 else f"Heading {heading.level - 1}"
        self.bookmarks.mark(self.paragraph(heading.content, style), heading.anchor)

    def block(self, block: Block, place: Place = Place()) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block.content, place.text_style)
        elif isinstance(block, Preformatted):
            self._preformatted(block, place)
        elif isinstance(block, ListBlock):
            self.list(block, place)
        elif isinstance(block, Quote):
            for child in block.blocks:
                style = "Important Text" if place.boxed else "Quote"
                self.block(child, Place(style, place.depth, place.boxed))
        elif isinstance(block, Important):
            self._important(block)
        elif isinstance(block, Picture):
            self.pictures.add(self.styled_paragraph("Picture"), block)
        elif isinstance(block, Table):
            self.table([cell.content for cell in block.header],
                       [[cell.content for cell in row] for row in block.rows])

    def _preformatted(self, block: Preformatted, place: Place) -> None:
        style = place.text_style if place.boxed else "Preformatted"
        paragraph = self.styled_paragraph(style)
        for number, line in enumerate(block.text.rstrip("\n").split("\n")):
            run = paragraph.add_run(line)
            if number:
                run._r.insert(0, w_element("br"))

    def list(self, block: ListBlock, place: Place = Place()) -> None:
        """Each item's first paragraph is numbered; what follows it is indented under it."""
        kind = "List Number" if block.ordered else "List Bullet"
        level = min(place.depth, LIST_STYLE_LEVELS - 1)
        suffix = f" {level + 1}" if level else ""
        if block.ordered:
            number_id = self.numbering.new_ordered_list(place.depth, block.start)
        else:
            number_id = self.numbering.bullets()
        item_style = "Important Text" if place.boxed else kind + suffix
        follow_style = "Important Text" if place.boxed else "List Continue" + suffix
        first = len(self.document.paragraphs)
        for item in block.items:
            for index, child in enumerate(item.blocks):
                if index == 0 and isinstance(child, Paragraph):
                    paragraph = self.paragraph(child.content, item_style)
                    number_paragraph(paragraph, number_id, place.depth)
                else:
                    self.block(child, Place(follow_style, place.depth + 1, place.boxed))
        self.keep_list_together(self.document.paragraphs[first:], len(block.items))

    def keep_list_together(self, paragraphs: list, items: int) -> None:
        """A short list stays on one page; a long one keeps a few items together at each end, so
        that no page holds only one or two items of it."""
        if len(paragraphs) < 2:
            return
        if items <= self.list_kept_whole:
            kept = paragraphs[:-1]
        else:
            ends = max(self.list_kept_ends - 1, 0)
            kept = paragraphs[:ends] + paragraphs[-1 - ends : -1]
        for paragraph in kept:
            paragraph.paragraph_format.keep_with_next = True

    def _important(self, block: Important) -> None:
        """A bordered box that starts with a word label, so it is not told by the border alone."""
        self.styled_paragraph("Important Label", self.labels["important"])
        for child in block.blocks:
            self.block(child, Place("Important Text", 0, True))

    def table(self, header: list[tuple[Inline, ...]], rows: list[list[tuple[Inline, ...]]]):
        """A table whose first row repeats on every page and is marked as the header row."""
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        self.style_ids.table(table, "Table Grid")
        for row_index, contents in enumerate([header, *rows]):
            row = table.rows[row_index]
            _keep_row_together(row, is_header=row_index == 0)
            style = "Table Heading" if row_index == 0 else "Table Text"
            for cell, content in zip(row.cells, contents, strict=True):
                paragraph = cell.paragraphs[0]
                self.style_ids.paragraph(paragraph, style)
                if row_index == 0:
                    _shade(cell, self.header_shading)
                add_inlines(paragraph, content, self.bookmarks, self.style_ids)
        _mark_header_row(table, self.cell_padding)
        self.after_table()
        return table


def _keep_row_together(row, is_header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(w_element("cantSplit"))
    if is_header:
        properties.append(w_element("tblHeader"))


def _shade(cell, colour: str) -> None:
    cell._tc.get_or_add_tcPr().append(w_element("shd", val="clear", color="auto", fill=colour))


def _mark_header_row(table, padding: int) -> None:
    """Tell Word the first row is a header row (the table style's "Header Row" box); pad the cells."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblLook")):
        properties.remove(old)
    margins = w_element("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(w_element(side, w=padding, type="dxa"))
    properties.append(margins)
    properties.append(w_element("tblLook", val="0420", firstRow=1, lastRow=0, firstColumn=0,
                                lastColumn=0, noHBand=0, noVBand=1))

