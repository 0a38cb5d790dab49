"""What the braille edition holds, block by block, in reading order: the title centred, the
sections, then "Words we use", who to contact, where the information comes from and the dates.

Blocks a braille reader cannot scan or see are written so they can be read in a line:
a table as "heading: value" lines, one row after another, and a picture as its description in
a transcriber's note (a decorative picture is left out).
"""

from __future__ import annotations

from dataclasses import replace

from ...model import (
    Block,
    Document,
    Heading,
    Important,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Table,
    plain_text,
)  # fmt: skip
from ..templates import long_date
from .pages import BrailleBlock, Gap, Item
from .styles import BlockStyle, BrailleLayout
from .text import marked_spans, spans_of
from .translator import NO_CONTRACT, Cells, Piece, Span, translate


class Transcription:
    """The items of one braille document, gathered in order for the pager."""

    def __init__(self, layout: BrailleLayout) -> None:
        self.layout = layout
        self.items: list[Item] = []

    def add(self, style: BlockStyle | str, pieces: list[Piece]) -> None:
        chosen = self.layout.style(style) if isinstance(style, str) else style
        labels = self.layout.labels
        cells = translate(pieces, self.layout.grade, labels["undefined_symbol"], self.layout.note)
        self.items += [Gap(chosen.lines_before), BrailleBlock(chosen, cells), Gap(chosen.lines_after)]

    def gap(self, style: str, where: str) -> None:
        self.items.append(Gap(getattr(self.layout.style(style), where)))

    def line_of(self, cell_name: str) -> None:
        self.items.append(BrailleBlock(self.layout.style("paragraph"), fill=self.layout.drawn[cell_name]))

    def note(self, pieces: list[Piece], style: str = "note") -> None:
        opening, closing = self.layout.note
        self.add(style, [Cells(opening), *pieces, Cells(closing)])

    def entry(self, label: str, value: str, style: str = "entry") -> None:
        self.add(style, [Span(self.layout.labels[label]), *marked_spans(value)])


def transcribe(document: Document, layout: BrailleLayout) -> list[Item]:
    """The standard edition's items."""
    out = Transcription(layout)
    meta = document.meta
    out.add("title", spans_of(document.title.content))
    if meta.subtitle:
        out.add("subtitle", marked_spans(meta.subtitle))
    if meta.summary:
        out.add("paragraph", marked_spans(meta.summary))
    for section in document.sections:
        if section.heading:
            add_heading(out, section.heading)
        for block in section.blocks:
            add_block(out, block)
    add_end_matter(out, document)
    return out.items


def add_heading(out: Transcription, heading: Heading) -> None:
    out.add("heading-1" if heading.level == 1 else "heading", spans_of(heading.content))


def add_block(out: Transcription, block: Block, indent: int = 0) -> None:
    """One block of a section; `indent` is how far in a nested block starts (inside a list)."""
    if isinstance(block, Heading):
        add_heading(out, block)
    elif isinstance(block, Paragraph):
        style = out.layout.style("paragraph")
        out.add(_moved(style, indent, indent) if indent else style, spans_of(block.content))
    elif isinstance(block, Preformatted):
        for line in block.text.splitlines() or [""]:
            out.add("preformatted", [Span(line, NO_CONTRACT)])
    elif isinstance(block, ListBlock):
        add_list(out, block, depth=indent // 2)
    elif isinstance(block, Quote):
        out.items.append(Gap(1))
        for child in block.blocks:
            add_block(out, child, indent)
        out.items.append(Gap(1))
    elif isinstance(block, Important):
        add_important(out, block)
    elif isinstance(block, Picture):
        if not block.decorative:
            out.note([Span(out.layout.labels["picture"]), *marked_spans(block.alt)])
    elif isinstance(block, Table):
        add_table(out, block)


def add_list(out: Transcription, block: ListBlock, depth: int = 0) -> None:
    item_style = out.layout.style("list-item")
    step = item_style.runover - item_style.first_line
    style = _moved(item_style, depth * step, depth * step)
    if depth == 0:
        out.gap("list", "lines_before")
    for number, item in enumerate(block.items, start=block.start):
        marker = f"{number}." if block.ordered else out.layout.drawn["bullet"]
        add_list_item(out, item, style, marker, depth)
    if depth == 0:
        out.gap("list", "lines_after")


def add_list_item(out: Transcription, item: ListItem, style: BlockStyle, marker: str, depth: int) -> None:
    blocks = list(item.blocks)
    first = blocks.pop(0) if blocks and isinstance(blocks[0], Paragraph) else None
    out.add(style, [Span(marker + " "), *(spans_of(first.content) if first else [])])
    for child in blocks:
        if isinstance(child, ListBlock):
            add_list(out, child, depth + 1)
        else:
            add_block(out, child, indent=style.runover - 1)


def add_important(out: Transcription, block: Important) -> None:
    out.gap("box", "lines_before")
    out.line_of("box_top")
    out.add("box-label", [Span(out.layout.labels["important"])])
    for child in block.blocks:
        add_block(out, child)
    out.line_of("box_bottom")
    out.gap("box", "lines_after")


def add_table(out: Transcription, table: Table) -> None:
    """Each row as lines "heading: value": the first column at the margin, the others in from it."""
    out.note([Span(out.layout.labels["table_note"])])
    headers = [plain_text(cell.content).strip() for cell in table.header]
    for row in table.rows:
        for column, cell in enumerate(row):
            heading = headers[column] if column < len(headers) else ""
            label = [Span(f"{heading}: ")] if heading else []
            style = "table-row-first" if column == 0 else "table-row-other"
            out.add(style, [*label, *spans_of(cell.content)])


def add_end_matter(out: Transcription, document: Document) -> None:
    meta = document.meta
    labels = out.layout.labels
    if document.glossary:
        out.add("heading", [Span(labels["glossary_heading"])])
        for entry in document.glossary:
            out.add("entry", [Span(f"{entry.term}: "), *marked_spans(entry.explanation)])
    out.add("heading", [Span(labels["contact_heading"])])
    organisation = meta.organisation
    if organisation:
        out.add("entry", marked_spans(organisation.name))
        for key in ("phone", "email", "website", "address"):
            value = getattr(organisation, key)
            if value:
                out.entry(key, value)
    out.add("paragraph", [Span(labels["other_formats"])])
    if meta.references:
        out.add("heading", [Span(labels["references_heading"])])
        for reference in meta.references:
            address = [Span(": "), Span(reference.url, NO_CONTRACT)] if reference.url else []
            out.add("entry", [*marked_spans(reference.text), *address])
    add_about(out, document)


def add_about(out: Transcription, document: Document) -> None:
    meta = document.meta
    out.add("heading", [Span(out.layout.labels["about_heading"])])
    for key in ("published", "reviewed", "next_review"):
        value = getattr(meta, key)
        if value:
            out.entry(key, long_date(value))
    for key in ("version", "audience", "licence"):
        value = getattr(meta, key)
        if value:
            out.entry(key, value)
    if meta.reviewers:
        out.entry("reviewers", "; ".join(meta.reviewers))


def _moved(style: BlockStyle, first_line: int, runover: int) -> BlockStyle:
    """A style moved further in, for blocks inside list items."""
    return replace(style, first_line=style.first_line + first_line, runover=style.runover + runover)
