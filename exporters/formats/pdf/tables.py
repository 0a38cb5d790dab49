"""Whether a table fits across the printed page, or must be printed row by row.

WeasyPrint narrows a table's columns down to their longest word and then lets the table run
off the right edge of the paper: a table of 500 columns loses everything after column 16. No
reader can follow a table that wide in print, so such a table is printed as a list, row by row,
each cell under its heading (layouts/html/blocks.html.j2), and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Table, plain_text
from ...variants import LayoutSettings

# The width the text may take on each paper, in millimetres: the paper less the margins of
# layouts/pdf/page.css (A4 and letter 20 mm a side, A5 15 mm).
TEXT_WIDTH_MM = {"a4": 170.0, "letter": 175.9, "a5": 118.0}
POINTS_PER_MM = 72 / 25.4
LETTER_WIDTH_EM = 0.6  # a generous average for Atkinson Hyperlegible (bold headers are wider)
CELL_PADDING_EM = 1.0  # print.css: 0.5em each side
BORDER_PT = 2.0  # large print's borders are the widest


def too_wide_for(settings: LayoutSettings) -> Callable[[Table], bool]:
    """For the page template: whether a table is too wide for this edition's page."""
    text_width = TEXT_WIDTH_MM.get(settings.paper, TEXT_WIDTH_MM["a4"]) * POINTS_PER_MM

    def too_wide(table: Table) -> bool:
        return narrowest_width(table, settings.font_size) > text_width

    return too_wide


def narrowest_width(table: Table, font_size: float) -> float:
    """The width in points that the table needs at least: each column as wide as its longest word."""
    columns = [table.header, *table.rows]
    total = BORDER_PT
    for index in range(len(table.header)):
        longest = max((_longest_word(row[index]) for row in columns if index < len(row)), default=1)
        total += (longest * LETTER_WIDTH_EM + CELL_PADDING_EM) * font_size + BORDER_PT
    return total


def _longest_word(cell) -> int:
    return max((len(word) for word in plain_text(cell.content).split()), default=1)
