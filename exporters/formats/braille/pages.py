"""Braille pages from translated blocks: lines never wider than the page, words never split,
blank lines never at the top of a page, headings kept with what follows them, and the braille
page number at the right end of line 1 of every page after the first.

No Python library lays out braille pages. The model is liblouisutdml's: a block style is a first
line cell, a runover cell, blank lines before and after, an alignment and how many lines of the
next block it keeps with it (file2brl's firstLineIndent, leftMargin, linesBefore, linesAfter,
format centered and keepWithNext; DAISY Pipeline 2's text-indent, margin and page-break-after).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .styles import BlockStyle, BrailleLayout
from .translator import BLANK, translate_text

# Where a symbols-sequence too long for any line (a web address, nearly always) may be divided:
# after a slash, a hyphen or an at sign, or before a full stop, as addresses are divided in print.
DIVIDE_AFTER = ("⠸⠌", "⠤", "⠈⠁")
DIVIDE_BEFORE = ("⠲",)


@dataclass(frozen=True, slots=True)
class BrailleBlock:
    """A block of translated text, or a line drawn with one cell across the page (`fill`)."""

    style: BlockStyle
    cells: str = ""
    fill: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    """Blank lines wanted here; next to other gaps the largest wins, and none at a page's top."""

    lines: int


Item = BrailleBlock | Gap
Page = list[str]


class Pager:
    """Fills pages line by line."""

    def __init__(self, layout: BrailleLayout) -> None:
        self.layout = layout
        self.pages: list[Page] = [[]]
        self._numbers: dict[int, str] = {}

    def lay_out(self, items: list[Item]) -> list[Page]:
        gap = 0
        for index, item in enumerate(items):
            if isinstance(item, Gap):
                gap = max(gap, item.lines)
                continue
            if self._needs_new_page(item, gap, items[index + 1:]):
                self._new_page()
            if self._row:
                for _ in range(min(gap, self._lines_left)):
                    self._add("")
            gap = 0
            for line in self._lines_of(item):
                self._add(line)
        return [self._finished(number, page) for number, page in enumerate(self.pages, start=1)]

    @property
    def _row(self) -> int:
        return len(self.pages[-1])

    @property
    def _lines_left(self) -> int:
        return self.layout.lines - self._row

    def _needs_new_page(self, block: BrailleBlock, gap: int, rest: list[Item]) -> bool:
        """A block that would leave its heading alone at the foot of a page starts a new one."""
        if not self._row or not block.style.keep_with_next:
            return False
        wanted = gap + len(self._lines_of(block)) + _kept_lines(block, rest, self)
        return wanted > self._lines_left and wanted <= self.layout.lines

    def _lines_of(self, block: BrailleBlock) -> list[str]:
        start = self._row
        if block.fill:
            return [block.fill * self._width_of(start)]
        return wrap(block.cells, block.style, lambda line: self._width_of(start + line))

    def _width_of(self, row: int) -> int:
        """The cells free on a row of the current page (counted on from later pages)."""
        page_number = len(self.pages) + row // self.layout.lines
        if row % self.layout.lines == 0 and self._numbered(page_number):
            return self.layout.cells - len(self._number(page_number)) - self.layout.number_gap
        return self.layout.cells

    def _add(self, line: str) -> None:
        if self._lines_left <= 0:
            self._new_page()
        self.pages[-1].append(line)

    def _new_page(self) -> None:
        self.pages.append([])

    def _numbered(self, page_number: int) -> bool:
        return page_number > 1 or self.layout.first_page_number

    def _number(self, page_number: int) -> str:
        if page_number not in self._numbers:
            self._numbers[page_number] = translate_text(str(page_number), self.layout.grade)
        return self._numbers[page_number]

    def _finished(self, page_number: int, page: Page) -> Page:
        """The page with its number at the right end of line 1, and no trailing blank cells."""
        rows = [row.rstrip(BLANK) for row in page] or [""]
        if self._numbered(page_number):
            number = self._number(page_number)
            rows[0] = rows[0].ljust(self.layout.cells - len(number), BLANK) + number
        return rows


def _kept_lines(block: BrailleBlock, rest: list[Item], pager: Pager) -> int:
    """The lines (and blank lines) of what follows that `block` keeps on its page: a heading
    keeps the start of the next block, and through it what that block keeps in its turn (a
    heading, then a picture's note, then the sentence the note belongs to)."""
    keep = block.style.keep_with_next
    if not keep:
        return 0
    gap = 0
    for index, item in enumerate(rest):
        if isinstance(item, Gap):
            gap = max(gap, item.lines)
            continue
        following = 1 if item.fill else len(wrap(item.cells, item.style, lambda line: pager.layout.cells))
        if keep < following:
            return gap + keep
        return gap + following + _kept_lines(item, rest[index + 1:], pager)
    return 0


def wrap(cells: str, style: BlockStyle, width_of: Callable[[int], int]) -> list[str]:
    """The lines of a block: words (cells between blank cells) are never split, unless one is
    longer than a whole line; that one is divided where an address may be (see _division)."""
    lines: list[str] = []
    current: list[str] = []
    for word in (word for word in cells.split(BLANK) if word):
        while word:
            room = _room(style, len(lines), width_of)
            if len(BLANK.join([*current, word])) <= room:
                current.append(word)
                break
            if not current:  # alone and still too long: divide it
                cut = _division(word, room)
                current, word = [word[:cut]], word[cut:]
            lines.append(_placed(current, style, len(lines), width_of))
            current = []
    if current or not lines:
        lines.append(_placed(current, style, len(lines), width_of))
    return lines


def _division(word: str, room: int) -> int:
    """Where to divide a symbols-sequence that no line can hold: after the last slash, hyphen or
    at sign in the second half of the line; else before a full stop there (a line that starts
    with a full stop's cell could be read as the groupsign "dis", so that comes second); else
    at the end of the line."""
    after = [word.rfind(mark, 0, room) + len(mark) for mark in DIVIDE_AFTER if mark in word[:room]]
    before = [word.rfind(mark, 1, room + 1) for mark in DIVIDE_BEFORE if mark in word[1:room + 1]]
    for places in (after, before):
        if places and max(places) > room // 2:
            return max(places)
    return room


def _room(style: BlockStyle, line: int, width_of: Callable[[int], int]) -> int:
    indent = 0 if style.align == "centre" else (style.first_line if line == 0 else style.runover) - 1
    return width_of(line) - indent


def _placed(words: list[str], style: BlockStyle, line: int, width_of: Callable[[int], int]) -> str:
    text = BLANK.join(words)
    if style.align == "centre":
        return BLANK * max(0, (width_of(line) - len(text)) // 2) + text
    return BLANK * ((style.first_line if line == 0 else style.runover) - 1) + text
