"""Word tables as the model's tables: a header row always, merged cells spread out, boxes found.

The model's table is a grid with one header row and inline text in each cell, as every output
and screen reader wants it. What does not fit (merged cells, a missing header row, lists and
pictures inside cells) is mended here and reported.
"""

from __future__ import annotations

from typing import Protocol

from ...model import Block, Important, Inline, Strong, Table, TableCell, Text, plain_text
from .notes import Notes, Sure


class HtmlReader(Protocol):
    """What a table needs of the reader of the HTML around it (html.py)."""

    notes: Notes
    placed: list

    def blocks_of(self, element) -> list[Block]: ...
    def inlines(self, element, trim: bool = True) -> tuple[Inline, ...]: ...
    def take_lifted(self) -> list[Block]: ...
    def next_line(self) -> int: ...


def read_table(element, reader: HtmlReader) -> list[Block]:
    """The table, and the pictures that stood in its cells after it; a one-cell table is a box."""
    number = sum(1 for placed in reader.placed if isinstance(placed.block, Table)) + 1
    rows = [row for row in element.iter("tr") if _table_of(row) is element]
    grid, header_rows, merged = _grid(rows)
    if not grid:
        return []
    if len(grid) == 1 and len(grid[0]) == 1:
        blocks = [b for child in grid[0][0] for b in reader.blocks_of(child)]
        reader.notes.guess("A table with a single cell was read as a box of important text.", Sure.FAIRLY)
        return [Important(tuple(blocks), reader.next_line())] if blocks else []
    width = max(len(row) for row in grid)
    read: dict[int, TableCell] = {}  # a merged cell is read once, however many places it fills
    cells = [
        [_once(cell, reader, read) for cell in row] + [TableCell(())] * (width - len(row)) for row in grid
    ]
    pictures = reader.take_lifted()
    line = reader.next_line()
    if merged:
        reader.notes.guess(
            f"Table {number} had merged cells: the words of each merged cell are now in "
            "every cell it covered.",
            Sure.FAIRLY,
        )
    if not header_rows:
        bold = all(_is_bold(cell.content) for cell in cells[0] if cell.content)
        reader.notes.guess(
            f"Table {number} had no header row: its first row is used as the header.",
            Sure.FAIRLY if bold else Sure.UNSURE,
        )
    if pictures:
        reader.notes.guess(
            f"{len(pictures)} picture(s) in table {number} were put after the table.", Sure.FAIRLY
        )
    return [Table(tuple(cells[0]), tuple(tuple(row) for row in cells[1:]), line), *pictures]


def _table_of(row):
    return next((ancestor for ancestor in row.iterancestors() if ancestor.tag == "table"), None)


def _grid(rows: list) -> tuple[list[list], int, bool]:
    """The cells of each row with colspan and rowspan spread out; how many rows are headers."""
    grid: list[list] = [[] for _ in rows]
    header_rows, merged = 0, False
    for index, row in enumerate(rows):
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        if cells and all(cell.tag == "th" for cell in cells) and header_rows == index:
            header_rows += 1
        column = 0
        for cell in cells:
            while column < len(grid[index]) and grid[index][column] is not None:
                column += 1
            across, down = _span(cell, "colspan"), _span(cell, "rowspan")
            merged = merged or across > 1 or down > 1
            for below in range(index, min(index + down, len(rows))):
                target = grid[below]
                target.extend([None] * (column + across - len(target)))
                for offset in range(across):
                    target[column + offset] = cell
            column += across
    return [[cell for cell in row if cell is not None] for row in grid if row], header_rows, merged


def _span(cell, name: str) -> int:
    value = cell.get(name) or "1"
    return max(1, min(int(value), 50)) if value.isdigit() else 1


def _once(cell, reader: HtmlReader, read: dict[int, TableCell]) -> TableCell:
    if id(cell) not in read:
        read[id(cell)] = _cell(cell, reader)
    return read[id(cell)]


def _cell(cell, reader: HtmlReader) -> TableCell:
    """A cell's paragraphs and list items joined into one line of text."""
    parts: list[tuple[Inline, ...]] = []
    for child in cell:
        if child.tag in ("ul", "ol"):
            parts.extend(reader.inlines(item) for item in child.iter("li"))
        elif child.tag == "table":
            parts.append((Text(" ".join(child.text_content().split())),))
        else:
            parts.append(reader.inlines(child))
    content: list[Inline] = []
    for part in (p for p in parts if plain_text(p).strip()):
        if content:
            content.append(Text(" "))
        content.extend(part)
    return TableCell(tuple(content))


def _is_bold(content: tuple[Inline, ...]) -> bool:
    return all(isinstance(inline, Strong) or not plain_text((inline,)).strip() for inline in content)
