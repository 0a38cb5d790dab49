"""Blocks as leaflet Markdown, one sentence a line, as source/README.md asks officers to write."""

from __future__ import annotations

import os
from pathlib import Path

from ...model import (
    Block,
    EasyRead,
    Heading,
    Important,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Table,
    Text,
)
from ...sentences import split_sentences, words
from .inlines import escape, escape_line_starts, inline_text, joined, reads_back, simplified, without_emphasis

DRAFT_COMMENT = "<!-- leaflet: draft -->"


class BlockWriter:
    """Writes the blocks of one document; pictures are written relative to the leaflet's folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def blocks(self, blocks: tuple[Block, ...] | list[Block]) -> list[str]:
        """Each block as a chunk of lines; two lists in a row get different marks, so they stay two."""
        chunks: list[str] = []
        previous: Block | None = None
        for block in blocks:
            chunks.append(self.block(block, previous))
            previous = block
        return chunks

    def block(self, block: Block, previous: Block | None = None) -> str:
        if isinstance(block, Heading):
            return "#" * block.level + " " + _heading_text(block)
        if isinstance(block, Paragraph):
            return paragraph_text(block)
        if isinstance(block, ListBlock):
            alternate = isinstance(previous, ListBlock) and previous.ordered == block.ordered
            return self.list_block(block, alternate)
        if isinstance(block, Quote):
            inner = "\n\n".join(self.blocks(block.blocks))
            return "\n".join(("> " + line).rstrip() for line in inner.split("\n"))
        if isinstance(block, Important):
            return "::: important\n" + "\n\n".join(self.blocks(block.blocks)) + "\n:::"
        if isinstance(block, Picture):
            return self.picture(block)
        if isinstance(block, Table):
            return table_text(block)
        if isinstance(block, Preformatted):
            fence = "`" * max(3, _longest_run(block.text, "`") + 1)
            return f"{fence}\n{block.text}\n{fence}"
        raise TypeError(f"No Markdown for {type(block).__name__}")

    def list_block(self, block: ListBlock, alternate: bool) -> str:
        tight = all(len(item.blocks) <= 1 or _only_lists_after_first(item) for item in block.items)
        items = []
        for number, item in enumerate(block.items, start=block.start):
            if block.ordered:
                marker = f"{number}{')' if alternate else '.'} "
            else:
                marker = "* " if alternate else "- "
            items.append(self.list_item(item, marker, tight))
        return ("\n" if tight else "\n\n").join(items)

    def list_item(self, item: ListItem, marker: str, tight: bool) -> str:
        indent = " " * len(marker)
        chunks = self.blocks(item.blocks)
        if not chunks:
            return marker.rstrip()
        first_inline = isinstance(item.blocks[0], Paragraph)
        body = ("\n" if tight else "\n\n").join(chunks)
        lines = body.split("\n")
        head = marker + lines[0] if first_inline else marker.rstrip()
        rest = lines[1:] if first_inline else lines
        return "\n".join([head, *((indent + line) if line else "" for line in rest)])

    def picture(self, picture: Picture) -> str:
        target = f"icon:{picture.icon}" if picture.icon else self.relative(picture.path)
        if picture.decorative:
            return f'![]({target} "decorative")'
        return f"![{escape(picture.alt)}]({target})"

    def relative(self, path: Path) -> str:
        relative = Path(os.path.relpath(path, self.folder)).as_posix()
        return f"<{relative}>" if " " in relative else relative

    def easy_read(self, block: EasyRead) -> str:
        rows = [DRAFT_COMMENT] if block.draft else []
        for row in block.rows:
            picture = self.picture(row.picture) + " " if row.picture else ""  # chosen ones too: as built
            rows.append("- " + picture + escape_line_starts(inline_text(row.content)))
        return "::: easy-read\n" + "\n".join(rows) + "\n:::"


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph with each sentence of its plain text on a line of its own; without its bold
    in the rare case that Markdown cannot say where the bold is (the words always come back)."""
    text = _paragraph_text(paragraph.content)
    if reads_back(text, paragraph.content):
        return text
    return _paragraph_text(without_emphasis(paragraph.content))


def _paragraph_text(content: tuple[Inline, ...]) -> str:
    pieces: list[str] = []
    plain: list[str] = []  # text in a row, split into sentences together
    for inline in (*simplified(content), None):
        if isinstance(inline, Text):
            plain.append(inline.text)
            continue
        if plain:
            pieces.append(_sentence_lines("".join(plain)))
            plain = []
        if inline is not None:
            pieces.append(inline_text((inline,)))
    return escape_line_starts(joined(pieces))


def _sentence_lines(text: str) -> str:
    """Escaped text with a line break where a sentence starts after one space."""
    sentences = split_sentences(text)
    cuts = [
        start
        for (start, _), (_, before) in zip(sentences[1:], sentences, strict=False)
        if text[start - 1 : start] == " "
        and text[start - 2 : start - 1] not in (" ", "")
        and len(words(before)) > 1
    ]  # a "sentence" of one word or number ("1.") stays on the line of the next
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(escape(text[last : cut - 1]))
        last = cut
    pieces.append(escape(text[last:]))
    return "\n".join(pieces)


def _heading_text(heading: Heading) -> str:
    text = inline_text(heading.content)
    text = text if reads_back(text, heading.content) else inline_text(without_emphasis(heading.content))
    text = text.rstrip()
    return text[:-1] + "\\#" if text.endswith("#") else text  # or "## #" would be an empty heading


def _cell_text(content: tuple[Inline, ...]) -> str:
    text = inline_text(content, in_table=True).strip()
    return (
        text
        if reads_back(text.replace("\\|", "|"), content)
        else inline_text(without_emphasis(content), True)
    )


def table_text(table: Table) -> str:
    def row(cells) -> str:
        return "| " + " | ".join(_cell_text(cell.content) for cell in cells) + " |"

    aligns = {"left": ":---", "right": "---:", "center": ":---:"}
    rule = "| " + " | ".join(aligns.get(cell.align or "", "---") for cell in table.header) + " |"
    return "\n".join([row(table.header), rule, *(row(cells) for cells in table.rows)])


def _only_lists_after_first(item: ListItem) -> bool:
    return isinstance(item.blocks[0], Paragraph) and all(isinstance(b, ListBlock) for b in item.blocks[1:])


def _longest_run(text: str, character: str) -> int:
    longest = current = 0
    for char in text:
        current = current + 1 if char == character else 0
        longest = max(longest, current)
    return longest
