"""The shape of the leaflet: its title, headings typed as bold text, boxes, footnotes and links.

Each guess goes into the notes with how sure it is, so that the officer knows what to check.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ...model import (
    Block,
    Heading,
    Important,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Text,
    plain_text,
)
from ...sentences import words
from ..markdown import heading_anchor
from .html import Placed, tidy
from .notes import Notes, Sure, counted, quoted
from .package import Properties

HEADING_WORDS = 12  # a bold paragraph longer than this is emphasis, not a heading
NOT_A_HEADING_END = (".", ",", ";", ":")
NOTES_HEADING = "Notes"


def settle_title(placed: list[Placed], properties: Properties, name: Path, notes: Notes) -> Heading:
    """Take the title out of `placed` (changed in place) and return it as the level-1 heading."""
    levels = [p.block.level for p in placed if isinstance(p.block, Heading)]
    first = placed[0].block if placed else None
    if 1 in levels:
        index = next(i for i, p in enumerate(placed) if isinstance(p.block, Heading) and p.block.level == 1)
        title = placed.pop(index).block
        notes.guess(f"The title {quoted(plain_text(title.content))}, from the Title style.", Sure.SURE)
        _demote_other_titles(placed, notes)
        return title
    if isinstance(first, Heading) and levels.count(2) == 1 and first.level == 2:
        placed.pop(0)
        for index, item in enumerate(placed):
            if isinstance(item.block, Heading):
                placed[index].block = replace(item.block, level=max(2, item.block.level - 1))
        notes.guess(
            f"The title {quoted(plain_text(first.content))}, from the only Heading 1 at the start; "
            "the other headings moved up a level.",
            Sure.FAIRLY,
        )
        return replace(first, level=1)
    if properties.title:
        notes.guess(f"The title {quoted(properties.title)}, from the document's properties.", Sure.FAIRLY)
        return Heading(1, (Text(properties.title),), "", 0)
    if isinstance(first, Paragraph) and _looks_like_heading(first):
        placed.pop(0)
        notes.guess(f"The title {quoted(plain_text(first.content))}, from the bold first line.", Sure.UNSURE)
        return Heading(1, _unbold(first.content), "", first.line)
    words_of_name = re.sub(r"[-_]+", " ", name.stem).strip().capitalize() or "Leaflet"
    notes.guess(
        f"The title {quoted(words_of_name)}, from the file's name: the file has no title.", Sure.UNSURE
    )
    return Heading(1, (Text(words_of_name),), "", 0)


def _demote_other_titles(placed: list[Placed], notes: Notes) -> None:
    others = [i for i, p in enumerate(placed) if isinstance(p.block, Heading) and p.block.level == 1]
    for index in others:
        placed[index].block = replace(placed[index].block, level=2)
    if others:
        notes.guess(
            f"{counted(len(others), 'more paragraph')} in the Title style read as section headings.",
            Sure.FAIRLY,
        )


def take_subtitle(placed: list[Placed], notes: Notes) -> str | None:
    for index, item in enumerate(placed[:3]):
        if item.role == "subtitle":
            placed.pop(index)
            text = plain_text(item.block.content).strip()
            notes.guess(f"The subtitle {quoted(text)}, from the Subtitle style.", Sure.SURE)
            return text
    return None


def take_summary(placed: list[Placed], properties: Properties, notes: Notes) -> str | None:
    """Our own Word files keep the summary in the document's properties (older ones printed it as
    the first paragraph too, which is then taken out of the text)."""
    wanted = " ".join(properties.summary.split())
    if not wanted:
        return None
    for index, item in enumerate(placed[:3]):
        if isinstance(item.block, Paragraph) and " ".join(plain_text(item.block.content).split()) == wanted:
            placed.pop(index)
            break
    notes.guess(f"The summary {quoted(wanted)}, from the document's properties.", Sure.SURE)
    return wanted


def headings_from_bold_lines(placed: list[Placed], keep_as_text, notes: Notes) -> None:
    """A short paragraph all in bold, with text after it, is a heading one level below the last one."""
    level, changed, under = 1, [], ""
    for index, item in enumerate(placed):
        block = item.block
        if isinstance(block, Heading):
            level, under = block.level, plain_text(block.content)
            continue
        following = placed[index + 1].block if index + 1 < len(placed) else None
        if (
            item.role
            or not isinstance(block, Paragraph)
            or not _looks_like_heading(block)
            or following is None
            or isinstance(following, Heading)
            or keep_as_text(under)
        ):
            continue
        new_level = min(max(level + 1, 2), 6)
        item.block = Heading(new_level, _unbold(block.content), "", block.line)
        changed.append(plain_text(block.content))
    if changed:
        notes.guess(
            f"{counted(len(changed), 'short bold line')} read as "
            f"{'a heading' if len(changed) == 1 else 'headings'}, such as {quoted(changed[0])}.",
            Sure.FAIRLY,
        )


def _looks_like_heading(block: Paragraph) -> bool:
    text = plain_text(block.content).strip()
    bold = [inline for inline in block.content if plain_text((inline,)).strip()]
    return (
        bool(text)
        and all(isinstance(inline, Strong) for inline in bold)
        and len(words(text)) <= HEADING_WORDS
        and not text.endswith(NOT_A_HEADING_END)
    )


def _unbold(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    plain: list[Inline] = []
    for inline in content:
        plain.extend(inline.children if isinstance(inline, Strong) else (inline,))
    return tuple(plain)


def group_boxes(placed: list[Placed], notes: Notes) -> list[Block]:
    """Paragraphs with a border round them are one box; a paragraph that says "Important" starts one."""
    blocks: list[Block] = []
    box: list[Block] | None = None
    boxes = 0
    for item in placed:
        if item.role == "box-label" or (item.role == "boxed" and box is None):
            box = []
            blocks.append(Important((), item.block.line))
            boxes += 1
        if item.role in ("boxed", "box-label"):
            if item.role == "boxed":
                box.append(item.block)
            blocks[-1] = Important(tuple(box), blocks[-1].line)
            continue
        box = None
        blocks.append(item.block)
    if boxes:
        notes.find(f"{counted(boxes, 'box')} of important text (a border round the text).")
    return [block for block in blocks if not (isinstance(block, Important) and not block.blocks)]


def add_footnotes(blocks: list[Block], footnotes: list, line: int, notes: Notes) -> list[Block]:
    if not footnotes:
        return blocks
    notes.guess(
        f"{counted(len(footnotes), 'footnote')}: the text is under '{NOTES_HEADING}' at the end, "
        "marked [1], [2] and so on where the notes were.",
        Sure.SURE,
    )
    return [
        *blocks,
        Heading(2, (Text(NOTES_HEADING),), "", line),
        ListBlock(True, tuple(footnotes), line + 1),
    ]


def link_headings(
    title: Heading, blocks: list[Block], targets: dict[str, str]
) -> tuple[Heading, list[Block]]:
    """Give every heading its anchor as the leaflet reader will, and point Word's links at them.

    `targets` maps a Word bookmark to the words of the heading it marks; a link to any other
    bookmark (a row of a table, a footnote) keeps its words without the link.
    """
    taken: set[str] = set()
    by_words: dict[str, str] = {}

    def anchored(heading: Heading) -> Heading:
        anchor = heading_anchor(plain_text(heading.content), taken)
        by_words.setdefault(plain_text(heading.content), anchor)
        return replace(heading, anchor=anchor)

    title = anchored(title)
    blocks = [anchored(b) if isinstance(b, Heading) else b for b in blocks]
    anchors = {bookmark: by_words[text] for bookmark, text in targets.items() if text in by_words}
    return title, [_relink_block(block, anchors) for block in blocks]


def _relink_block(block: Block, anchors: dict[str, str]) -> Block:
    if isinstance(block, Heading | Paragraph):
        return replace(block, content=_relink(block.content, anchors))
    if isinstance(block, ListBlock):
        items = tuple(
            replace(item, blocks=tuple(_relink_block(b, anchors) for b in item.blocks))
            for item in block.items
        )
        return replace(block, items=items)
    if isinstance(block, Quote | Important):
        return replace(block, blocks=tuple(_relink_block(b, anchors) for b in block.blocks))
    if hasattr(block, "rows"):
        header = tuple(replace(c, content=_relink(c.content, anchors)) for c in block.header)
        rows = tuple(
            tuple(replace(c, content=_relink(c.content, anchors)) for c in row) for row in block.rows
        )
        return replace(block, header=header, rows=rows)
    return block


def _relink(inlines: tuple[Inline, ...], anchors: dict[str, str]) -> tuple[Inline, ...]:
    found: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Link) and inline.href.startswith("#"):
            anchor = anchors.get(inline.href[1:])
            found.extend([replace(inline, href="#" + anchor)] if anchor else inline.children)
        elif hasattr(inline, "children"):
            found.append(replace(inline, children=_relink(inline.children, anchors)))
        else:
            found.append(inline)
    return tidy(found, trim=False)
