"""The text of a leaflet as the checks see it: blocks of text, their sentences, and where each
sentence stands in the source file (line and column), so that every finding points at it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import (
    Abbreviation,
    Block,
    Document,
    GlossaryTerm,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Table,
    plain_text,
    walk_blocks,
    walk_inlines,
)  # fmt: skip
from ..sentences import split_sentences, word_gaps, word_spans
from .passive import find_passives
from .wordlists import Token, list_tokens, words_of

SEARCH_WORDS = 3  # words of a sentence used to find it in the source


@dataclass(frozen=True)
class Locator:
    """Finds text of the model again in the source file, across Markdown marks and line breaks."""

    text: str

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    def offset_of_line(self, line: int) -> int:
        return self.line_starts[max(0, min(line, len(self.line_starts)) - 1)]

    def find(self, fragment: list[str], start: int) -> int | None:
        """The offset of the words `fragment` at or after `start`, whatever lies between them
        (Markdown marks, line breaks). The first word is found by plain search, which is fast;
        the rest are then checked."""
        if not fragment:
            return None
        rest = re.compile(r"[\W_]+".join(re.escape(word) for word in fragment[1:])) if fragment[1:] else None
        first, position = fragment[0], start
        while (position := self.text.find(first, position)) >= 0:
            after = position + len(first)
            if self._whole(position, after) and (rest is None or _follows(rest, self.text, after)):
                return position
            position = after
        return None

    def _whole(self, start: int, end: int) -> bool:
        before = self.text[start - 1] if start else " "
        after = self.text[end] if end < len(self.text) else " "
        return not (before.isalnum() or after.isalnum())

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both counted from 1."""
        low, high = 0, len(self.line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - self.line_starts[low] + 1


def _follows(pattern: re.Pattern[str], text: str, position: int) -> bool:
    """Whether `pattern` comes next after `position`, past any marks and spaces."""
    gap = re.compile(r"[\W_]*").match(text, position)
    return bool(pattern.match(text, gap.end() if gap else position))


@dataclass
class TextBlock:
    """One block of running text: a paragraph, a list item's paragraph, a heading, a table, a row."""

    kind: str
    inlines: tuple[Inline, ...]
    line: int
    profile: str
    section: int
    sentences: list[Sentence] = field(default_factory=list)
    cell: tuple[int, int] | None = None  # a table cell's (row, column); row 0 is the header

    @cached_property
    def text(self) -> str:
        return plain_text(self.inlines)

    @cached_property
    def marked_words(self) -> frozenset[str]:
        """Words the reader marked as glossary terms or known abbreviations in this block."""
        found = [i.text for i in walk_inlines(self.inlines) if isinstance(i, GlossaryTerm | Abbreviation)]
        return frozenset(word.lower() for text in found for _, word in word_spans(text))


@dataclass
class Sentence:
    text: str
    block: TextBlock
    offset: int  # in the source file
    line: int
    column: int
    index: int  # in reading order over the whole document
    locator: Locator

    @cached_property
    def spans(self) -> list[tuple[int, str]]:
        return word_spans(self.text)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(word for _, word in self.spans)

    @cached_property
    def tokens(self) -> list[Token]:
        """The tokens the word lists are matched against."""
        return list_tokens(self.text)

    @cached_property
    def token_set(self) -> frozenset[str]:
        return words_of(self.tokens)

    @cached_property
    def passives(self) -> list[tuple[int, int]]:
        return find_passives(self.words, self.gaps)

    @cached_property
    def gaps(self) -> list[str]:
        """The text after each word, up to the next word (its punctuation and spaces)."""
        return word_gaps(self.text, self.spans)

    @property
    def counts_in_metrics(self) -> bool:
        """Running text: headings and table cells are not sentences a formula should count."""
        return self.block.kind in ("paragraph", "list-item", "easy-read-row")

    @property
    def profile(self) -> str:
        return self.block.profile

    def position_of(self, word_index: int) -> tuple[int, int]:
        """The source line and column of the sentence's word number `word_index`."""
        fragment = list(self.words[word_index : word_index + 2])
        found = self.locator.find(fragment, self.offset)
        return self.locator.position(found) if found is not None else (self.line, self.column)


def text_blocks(document: Document, profile: str | None = None) -> list[TextBlock]:
    """Every block of text of the document in reading order, the title first."""
    standard = profile or "standard"
    easy = profile or "easy-read"
    blocks = [TextBlock("heading", document.title.content, document.title.line, standard, 0)]
    for number, section in enumerate(document.sections):
        if section.heading:
            blocks.append(
                TextBlock("heading", section.heading.content, section.heading.line, standard, number)
            )
        for block in section.blocks:
            blocks.extend(_blocks_in(block, standard, number))
        for easy_read in section.easy_read:
            blocks.extend(
                TextBlock("easy-read-row", row.content, row.line, easy, number) for row in easy_read.rows
            )
    return blocks


def _blocks_in(block: Block, profile: str, section: int) -> list[TextBlock]:
    found: list[TextBlock] = []
    in_lists = {id(b) for lst in walk_blocks(block) if isinstance(lst, ListBlock)
                for item in lst.items for b in item.blocks}  # fmt: skip
    for nested in walk_blocks(block):
        if isinstance(nested, Heading):
            found.append(TextBlock("heading", nested.content, nested.line, profile, section))
        elif isinstance(nested, Paragraph):
            kind = "list-item" if id(nested) in in_lists else "paragraph"
            found.append(TextBlock(kind, nested.content, nested.line, profile, section))
        elif isinstance(nested, Table):
            for row, cells in enumerate((nested.header, *nested.rows)):
                found.extend(
                    TextBlock("table-cell", cell.content, nested.line, profile, section, cell=(row, column))
                    for column, cell in enumerate(cells)
                )
    return found


def split_document(document: Document, source_text: str, profile: str | None = None) -> list[TextBlock]:
    """The document's text blocks, each with its sentences placed in the source."""
    locator = Locator(source_text)
    blocks = text_blocks(document, profile)
    index = 0
    for block in blocks:
        cursor = locator.offset_of_line(block.line)
        for _, text in split_sentences(block.text):
            spans = word_spans(text)
            found = locator.find([word for _, word in spans[:SEARCH_WORDS]], cursor)
            if found is None:
                line, column = block.line, 1
                found = cursor
            else:
                line, column = locator.position(found)
                cursor = found
            sentence = Sentence(text, block, found, line, column, index, locator)
            sentence.__dict__["spans"] = spans  # already split: fill the cached property
            block.sentences.append(sentence)
            index += 1
    return blocks
