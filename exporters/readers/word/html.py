"""mammoth's HTML to the blocks and inlines of the document model.

Each top-level block comes with its role (a box, a box's label, the subtitle, the footnotes)
and the bookmarks it holds, for the later passes. Pictures carry mammoth's token as their path
until their file names are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import lxml.html

from ...model import (
    Block,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Strong,
    Text,
    plain_text,
)
from .notes import Notes, Sure, counted, quoted
from .tables import read_table

SAFE_LINK = re.compile(r"^(?:https://|mailto:|tel:|#)", re.IGNORECASE)
NOTE_LINK = re.compile(r"^#(footnote|endnote)-(\d+)$")
NOTE_BACK_LINK = re.compile(r"^#(footnote|endnote)-ref-")
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\ufeff\ufffe\uffff]")
SPACES = re.compile(r"[ \t\r\n\f\v]+")
ROLES = ("boxed", "box-label", "subtitle")


@dataclass
class Placed:
    """A top-level block, its role and the bookmarks (Word's link targets) inside it."""

    block: Block
    role: str = ""
    bookmarks: list[str] = field(default_factory=list)


@dataclass
class HtmlReader:
    notes: Notes
    placed: list[Placed] = field(default_factory=list)
    footnotes: list[ListItem] = field(default_factory=list)
    _line: int = 0
    _bookmarks: list[str] = field(default_factory=list)
    _lifted: list[Block] = field(default_factory=list)  # pictures taken out of a paragraph
    _upgraded: list[str] = field(default_factory=list)
    _note_numbers: dict[str, int] = field(default_factory=dict)  # Word's note id -> its number here
    _unlinked: list[str] = field(default_factory=list)

    def read(self, html: str) -> list[Placed]:
        root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
        for element in root:
            self._top_level(element)
        if self._upgraded:
            self.notes.guess(
                f"{counted(len(self._upgraded), 'link')} began http:// and now begin https://, "
                f"such as {quoted(self._upgraded[0])}.",
                Sure.FAIRLY,
            )
        for address in self._unlinked:
            self.notes.lose(
                f"The link to {quoted(address)} was kept as plain words: a leaflet links only "
                "to https:// pages, email addresses, phone numbers and its own headings."
            )
        return self.placed

    def next_line(self) -> int:
        self._line += 1
        return self._line

    def _top_level(self, element) -> None:
        if _is_note_list(element):  # numbered in the order the text refers to them
            items = sorted(element, key=lambda item: self._note_numbers.get(item.get("id") or "", 1_000_000))
            self.footnotes.extend(self._note(item) for item in items)
            return
        classes = set((element.get("class") or "").split())
        role = next((name for name in ROLES if name in classes), "")
        blocks = self.blocks_of(element)
        for index, block in enumerate(blocks):
            bookmarks = self._bookmarks if index == 0 else []
            self.placed.append(
                Placed(block, role if isinstance(block, Paragraph | ListBlock) else "", bookmarks)
            )
        self._bookmarks = []

    def blocks_of(self, element) -> list[Block]:
        """One HTML block as model blocks (a paragraph holding pictures becomes several)."""
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            content = self.inlines(element)
            heading = (
                [Heading(int(tag[1]), content, "", self.next_line())] if plain_text(content).strip() else []
            )
            return heading + self.take_lifted()
        if tag in ("ul", "ol"):
            return [self.list_block(element)]
        if tag == "table":
            return read_table(element, self)
        if tag == "blockquote":
            return [Quote(tuple(b for child in element for b in self.blocks_of(child)), self.next_line())]
        if tag == "pre":
            text = "".join(_pre_text(element)).strip("\n")
            return [Preformatted(text, self.next_line())] if text.strip() else []
        return self.paragraph_blocks(element)

    def paragraph_blocks(self, element) -> list[Block]:
        content = self.inlines(element)
        found: list[Block] = [Paragraph(content, self.next_line())] if plain_text(content).strip() else []
        return found + self.take_lifted()

    def take_lifted(self) -> list[Block]:
        lifted, self._lifted = self._lifted, []
        return lifted

    def list_block(self, element) -> ListBlock:
        line = self.next_line()
        items = tuple(self.list_item(item) for item in element if item.tag == "li")
        return ListBlock(element.tag == "ol", items, line)

    def list_item(self, item) -> ListItem:
        """An item's own words first, then the lists and paragraphs nested in it."""
        line = self.next_line()
        blocks: list[Block] = []
        loose = lxml.html.Element("p")
        loose.text = item.text
        for child in list(item):
            if child.tag in ("ul", "ol", "p", "table", "blockquote", "pre"):
                blocks.extend(self.paragraph_blocks(loose))
                loose = lxml.html.Element("p")
                loose.text = child.tail
                child.tail = None
                blocks.extend(self.blocks_of(child))
            else:
                loose.append(child)
        blocks.extend(self.paragraph_blocks(loose))
        return ListItem(tuple(blocks), line)

    # Inlines --------------------------------------------------------------------------------

    def inlines(self, element, trim: bool = True) -> tuple[Inline, ...]:
        """The inlines of an element; spaces at the ends are kept inside bold and links (trim=False)."""
        found: list[Inline] = [Text(element.text)] if element.text else []
        for child in element:
            found.extend(self.inline(child))
            if child.tail:
                found.append(Text(child.tail))
        return tidy(found, trim)

    def inline(self, element) -> list[Inline]:
        tag = element.tag
        if tag in ("strong", "b"):
            return [Strong(self.inlines(element, trim=False))]
        if tag in ("em", "i"):
            return [Emphasis(self.inlines(element, trim=False))]
        if tag == "br":
            return [LineBreak()]
        if tag == "img":
            self._lifted.append(self.picture(element))
            return []
        if tag == "a":
            return self.link(element)
        return list(self.inlines(element, trim=False))  # sup, sub, s, u, span: their words

    def link(self, element) -> list[Inline]:
        href = (element.get("href") or "").strip()
        if element.get("id") and not href:
            self._bookmarks.append(element.get("id"))
        note = NOTE_LINK.match(href)
        if note:
            return [Text(f"[{self._note_numbers.setdefault(href[1:], len(self._note_numbers) + 1)}]")]
        content = self.inlines(element, trim=False)
        if not href or not plain_text(content).strip():
            return list(content)
        address = self.safe_address(href)
        return [Link(address, content)] if address else list(content)

    def safe_address(self, href: str) -> str | None:
        if href.lower().startswith("http://"):
            self._upgraded.append(href)
            href = "https://" + href[len("http://") :]
        elif href.lower().startswith("www."):
            href = "https://" + href
        if not SAFE_LINK.match(href):
            self._unlinked.append(href)
            return None
        return quote(href, safe="/:@?&=#%+~;,!$'()*[]-._")

    def picture(self, element) -> Picture:
        """Mammoth's token stays in the path until the file gets its name (see reader.py)."""
        return Picture(alt="", path=Path(element.get("src") or "missing"), line=self.next_line())

    def _note(self, item) -> ListItem:
        for back in [a for a in item.iter("a") if NOTE_BACK_LINK.match(a.get("href") or "")]:
            _drop_keeping_tail(back)
        return self.list_item(item)


def tidy(inlines: list[Inline], trim: bool = True) -> tuple[Inline, ...]:
    """One space between words (none at the ends when `trim`); no empty or doubled bold; no invisible
    characters."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text):
            text = INVISIBLE.sub("", inline.text.replace("\u2011", "-"))
            inline = Text(SPACES.sub(" ", text))  # a no-break space stays: it keeps "10 mg" together
            if not inline.text:
                continue
        elif isinstance(inline, Strong | Emphasis) and not plain_text(inline.children).strip():
            inline = Text(" ") if plain_text(inline.children) else None
        if inline is None:
            continue
        previous = merged[-1] if merged else None
        if isinstance(inline, Text) and isinstance(previous, Text):
            merged[-1] = Text(re.sub(r"  +", " ", previous.text + inline.text))
        elif isinstance(inline, Strong | Emphasis) and type(previous) is type(inline):
            merged[-1] = type(inline)(tidy([*previous.children, *inline.children], trim=False))
        else:
            merged.append(inline)
    return _trim(merged) if trim else tuple(merged)


def _trim(inlines: list[Inline]) -> tuple[Inline, ...]:
    if inlines and isinstance(inlines[0], Text):
        inlines[0] = Text(inlines[0].text.lstrip())
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1] = Text(inlines[-1].text.rstrip())
    return tuple(inline for inline in inlines if not (isinstance(inline, Text) and not inline.text))


def _is_note_list(element) -> bool:
    return element.tag == "ol" and any(
        re.match(r"^(footnote|endnote)-\d+$", li.get("id") or "") for li in element
    )


def _pre_text(element) -> list[str]:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "br" else "".join(_pre_text(child)))
        parts.append(child.tail or "")
    return parts


def _drop_keeping_tail(element) -> None:
    parent = element.getparent()
    previous = element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
