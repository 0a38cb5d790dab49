"""Inline text of the Word edition: runs in character styles, real hyperlinks and bookmarks.

python-docx reads hyperlinks but cannot write them: a `w:hyperlink` is built here with a
relationship to its address (or a `w:anchor` to a bookmark for a link inside the leaflet).
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from ...model import (
    Abbreviation,
    Code,
    Emphasis,
    GlossaryTerm,
    Inline,
    LineBreak,
    Link,
    Strong,
    Text,
)
from ..templates import term_id
from .styles import StyleIds, w_element

BOOKMARK_LENGTH = 40  # Word's longest bookmark name


class Bookmarks:
    """Word bookmark names for the leaflet's anchors: a letter first, letters, digits and _ only."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()  # the names given, to look up in constant time
        self._next_count: dict[str, int] = {}  # the number to try next after each base name
        self._next_id = 0

    def name(self, anchor: str) -> str:
        if anchor not in self._names:
            base = "_".join(re.findall(r"[A-Za-z0-9]+", anchor)) or "place"
            base = ("b_" + base if not base[0].isalpha() else base)[:BOOKMARK_LENGTH - 4]
            count = self._next_count.get(base, 1)
            name = _numbered(base, count)
            while name in self._taken:
                count += 1
                name = _numbered(base, count)
            self._next_count[base] = count + 1
            self._names[anchor] = name
            self._taken.add(name)
        return self._names[anchor]

    def known(self, anchor: str) -> bool:
        return anchor in self._names

    def mark(self, paragraph: WordParagraph, anchor: str) -> None:
        """Put a bookmark round the whole paragraph."""
        start = w_element("bookmarkStart", id=self._next_id, name=self.name(anchor))
        end = w_element("bookmarkEnd", id=self._next_id)
        self._next_id += 1
        properties = paragraph._p.pPr
        paragraph._p.insert(1 if properties is not None else 0, start)
        paragraph._p.append(end)


def _numbered(base: str, count: int) -> str:
    """The base name, and from the second use on its number, within Word's length."""
    if count == 1:
        return base
    suffix = f"_{count}"
    return base[: BOOKMARK_LENGTH - len(suffix)] + suffix


def add_inlines(paragraph: WordParagraph, inlines: tuple[Inline, ...], bookmarks: Bookmarks,
                style_ids: StyleIds, style: str | None = None) -> None:
    """Append inlines to a paragraph; `style` is the character style of the enclosing inline."""
    for inline in inlines:
        if isinstance(inline, Text | Code):
            add_run(paragraph, style_ids, inline.text, style)
        elif isinstance(inline, LineBreak):
            add_run(paragraph, style_ids, None, style).add_break()
        elif isinstance(inline, Strong):
            add_inlines(paragraph, inline.children, bookmarks, style_ids, style or "Strong")
        elif isinstance(inline, Emphasis):
            add_inlines(paragraph, inline.children, bookmarks, style_ids, style or "Emphasis")
        elif isinstance(inline, Link):
            _add_link(paragraph, inline, bookmarks, style_ids)
        elif isinstance(inline, GlossaryTerm):
            _add_term(paragraph, inline, bookmarks, style_ids, style)
        elif isinstance(inline, Abbreviation):
            text = f"{inline.expansion} ({inline.text})" if inline.first_use else inline.text
            add_run(paragraph, style_ids, text, style)


def add_run(paragraph: WordParagraph, style_ids: StyleIds, text: str | None, style: str | None) -> Run:
    """A run at the end of the paragraph, in a character style unless `style` is None."""
    run = paragraph.add_run(text)
    if style:
        style_ids.run(run, style)
    return run


def _add_term(paragraph: WordParagraph, term: GlossaryTerm, bookmarks: Bookmarks, style_ids: StyleIds,
              style: str | None) -> None:
    """The first use of a glossary word links to its explanation in "Words we use"."""
    anchor = term_id(term.term)
    if term.first_use and style is None and bookmarks.known(anchor):
        link = internal_hyperlink(paragraph, bookmarks.name(anchor))
        _append_run(paragraph, style_ids, link, term.text, "Glossary Link")
    else:
        add_run(paragraph, style_ids, term.text, style)


def _add_link(paragraph: WordParagraph, link: Link, bookmarks: Bookmarks, style_ids: StyleIds) -> None:
    if link.href.startswith("#"):
        if not bookmarks.known(link.href[1:]):
            add_inlines(paragraph, link.children, bookmarks, style_ids)
            return
        element = internal_hyperlink(paragraph, bookmarks.name(link.href[1:]))
    else:
        element = external_hyperlink(paragraph, link.href)
    for text, bold in _link_texts(link.children):
        run = _append_run(paragraph, style_ids, element, text, "Hyperlink")
        if bold:
            run.bold = True


def _link_texts(inlines: tuple[Inline, ...], bold: bool = False) -> list[tuple[str, bool]]:
    """The words of a link's content, each with whether the author made it bold."""
    parts: list[tuple[str, bool]] = []
    for inline in inlines:
        if isinstance(inline, Strong | Emphasis):
            parts.extend(_link_texts(inline.children, True))
        elif isinstance(inline, Link):
            parts.extend(_link_texts(inline.children, bold))
        elif isinstance(inline, LineBreak):
            parts.append((" ", bold))
        elif isinstance(inline, Abbreviation) and inline.first_use:
            parts.append((f"{inline.expansion} ({inline.text})", bold))
        else:
            parts.append((inline.text, bold))
    return parts


def external_hyperlink(paragraph: WordParagraph, address: str):
    relationship = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    element = w_element("hyperlink", history=1)
    element.set(qn("r:id"), relationship)
    paragraph._p.append(element)
    return element


def internal_hyperlink(paragraph: WordParagraph, bookmark: str):
    element = w_element("hyperlink", anchor=bookmark, history=1)
    paragraph._p.append(element)
    return element


def add_link(paragraph: WordParagraph, style_ids: StyleIds, address: str, text: str) -> None:
    """A link whose words are given as text (contact details, references)."""
    _append_run(paragraph, style_ids, external_hyperlink(paragraph, address), text, "Hyperlink")


def _append_run(paragraph: WordParagraph, style_ids: StyleIds, parent, text: str, style: str) -> Run:
    """A run in a character style, appended inside `parent` (a hyperlink)."""
    run = add_run(paragraph, style_ids, text, style)
    parent.append(run._r)
    return run

