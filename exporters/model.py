"""The document model: what every check and every exporter reads, never the Markdown.

All classes are frozen so that a document, once read, cannot be changed by an exporter
that another exporter runs after. Every block carries the line of the source it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

# Inlines -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    kind: ClassVar[str] = "text"
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    kind: ClassVar[str] = "code"
    text: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    kind: ClassVar[str] = "line_break"


@dataclass(frozen=True, slots=True)
class Strong:
    kind: ClassVar[str] = "strong"
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Emphasis as the author wrote it; the layouts show it in bold (no italics in clear print)."""

    kind: ClassVar[str] = "emphasis"
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    kind: ClassVar[str] = "link"
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A word of the glossary where it is used; `term` is the glossary entry it points at."""

    kind: ClassVar[str] = "glossary_term"
    text: str
    term: str
    explanation: str
    first_use: bool = False


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation where it is used; at its first use the outputs spell it out."""

    kind: ClassVar[str] = "abbreviation"
    text: str
    expansion: str
    first_use: bool


Inline = Text | Code | LineBreak | Strong | Emphasis | Link | GlossaryTerm | Abbreviation

# Blocks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture: a file under the source's folder or a Health Icons pictogram.

    `path` is always the resolved file on disk. A decorative picture has empty `alt`.
    `data` holds the bytes the reader read and checked: exporters embed these, never the file
    again, which may have changed since (see readers/picture_safety.py).
    """

    kind: ClassVar[str] = "picture"
    alt: str
    path: Path
    line: int
    icon: str | None = None
    decorative: bool = False
    data: bytes = field(default=b"", repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Heading:
    kind: ClassVar[str] = "heading"
    level: int
    content: tuple[Inline, ...]
    anchor: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    content: tuple[Inline, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Preformatted:
    kind: ClassVar[str] = "preformatted"
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True, slots=True)
class ListBlock:
    kind: ClassVar[str] = "list"
    ordered: bool
    items: tuple[ListItem, ...]
    line: int
    start: int = 1


@dataclass(frozen=True, slots=True)
class Quote:
    kind: ClassVar[str] = "quote"
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Important:
    """A point the reader must not miss (`::: important`)."""

    kind: ClassVar[str] = "important"
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True, slots=True)
class TableCell:
    content: tuple[Inline, ...]
    align: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    kind: ClassVar[str] = "table"
    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class EasyReadRow:
    """One row of easy read: a picture and one or two short sentences beside it."""

    picture: Picture | None
    content: tuple[Inline, ...]
    line: int


@dataclass(frozen=True, slots=True)
class EasyRead:
    """The easy-read text of the section it stands in (`::: easy-read`)."""

    kind: ClassVar[str] = "easy_read"
    rows: tuple[EasyReadRow, ...]
    line: int
    draft: bool = False


Block = Heading | Paragraph | Preformatted | ListBlock | Quote | Important | Picture | Table

# The document --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """A level-2 heading and what follows it up to the next one.

    The text before the first level-2 heading is a section without a heading.
    Easy-read blocks are kept apart from `blocks`: they belong to the easy-read edition.
    """

    heading: Heading | None
    blocks: tuple[Block, ...]
    easy_read: tuple[EasyRead, ...] = ()

    @property
    def title(self) -> str:
        return plain_text(self.heading.content) if self.heading else ""


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    explanation: str
    shared: bool = False


@dataclass(frozen=True, slots=True)
class AbbreviationEntry:
    abbreviation: str
    expansion: str


@dataclass(frozen=True, slots=True)
class Meta:
    """The front matter, checked and typed. `lines` maps each key to its line in the source."""

    title: str
    slug: str
    language: str = "en-GB"
    subtitle: str | None = None
    summary: str | None = None
    organisation: Organisation | None = None
    reviewed: date | None = None
    next_review: date | None = None
    published: date | None = None
    version: str | None = None
    references: tuple[Reference, ...] = ()
    reviewers: tuple[str, ...] = ()
    audience: str | None = None
    licence: str | None = None
    checks: tuple[tuple[str, object], ...] = ()
    pronunciations: tuple[tuple[str, str], ...] = ()  # word -> how it is said, as a respelling
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int:
        """The source line of a front-matter key, or 1 when the key is absent."""
        return dict(self.lines).get(key, 1)


@dataclass(frozen=True, slots=True)
class Suppression:
    """`<!-- leaflet: ignore RULE ... -->`: the rules not to report from `first_line` to `last_line`."""

    rules: frozenset[str]
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class SourceWarning:
    source: Path
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    source: Path
    meta: Meta
    title: Heading
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    abbreviations: tuple[AbbreviationEntry, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    warnings: tuple[SourceWarning, ...] = field(default=(), compare=False)
    line_count: int = 0

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """Every picture of the document, easy-read rows included, in source order."""
        found = [p for section in self.sections for p in _pictures_in(section)]
        return tuple(sorted(found, key=lambda picture: picture.line))

    @property
    def uses_health_icons(self) -> bool:
        return any(picture.icon for picture in self.pictures)

    def text_blocks(self) -> list[Block]:
        """Every block of the leaflet's own text (not its easy-read blocks), nested ones included,
        in reading order."""
        return [b for section in self.sections for top in section.blocks for b in walk_blocks(top)]

    @property
    def text_uses_health_icons(self) -> bool:
        """Whether the leaflet's own text, not its easy-read blocks, shows a Health Icon: only then
        do the clear-print and large-print editions credit Health Icons."""
        return any(isinstance(block, Picture) and block.icon for block in self.text_blocks())

    @property
    def has_easy_read(self) -> bool:
        return any(section.easy_read for section in self.sections)


def _pictures_in(section: Section) -> list[Picture]:
    pictures = [p for block in section.blocks for p in walk_blocks(block) if isinstance(p, Picture)]
    for easy_read in section.easy_read:
        pictures.extend(row.picture for row in easy_read.rows if row.picture)
    return pictures


def walk_blocks(block: Block) -> list[Block]:
    """The block and every block nested in it, depth first, in reading order."""
    found: list[Block] = [block]
    children: tuple[Block, ...] = ()
    if isinstance(block, ListBlock):
        children = tuple(b for item in block.items for b in item.blocks)
    elif isinstance(block, Quote | Important):
        children = block.blocks
    for child in children:
        found.extend(walk_blocks(child))
    return found


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The words of a run of inlines as a reader sees them (abbreviations as written)."""
    parts: list[str] = []
    for inline in inlines:
        if isinstance(inline, Text | Code | GlossaryTerm | Abbreviation):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak):
            parts.append(" ")
        else:
            parts.append(plain_text(inline.children))
    return "".join(parts)


def inlines_of(block: Block) -> tuple[Inline, ...]:
    """The inline content a block holds itself (not that of blocks nested in it)."""
    if isinstance(block, Heading | Paragraph):
        return block.content
    if isinstance(block, Table):
        cells = [*block.header, *(cell for row in block.rows for cell in row)]
        return tuple(inline for cell in cells for inline in cell.content)
    return ()


def walk_inlines(inlines: tuple[Inline, ...]) -> list[Inline]:
    """Every inline and every inline nested in it, in reading order."""
    found: list[Inline] = []
    for inline in inlines:
        found.append(inline)
        if isinstance(inline, Strong | Emphasis | Link):
            found.extend(walk_inlines(inline.children))
    return found
