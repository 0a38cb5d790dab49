"""Whether a table fits across the printed page, or must be printed row by row.

WeasyPrint narrows a table's columns down to their longest word and then lets the table run
off the right edge of the paper: a table of 500 columns loses everything after column 16. No
reader can follow a table that wide in print, so such a table is printed as a list, row by row,
each cell under its heading (layouts/html/blocks.html.j2), and nothing is lost.

The narrowest a table can be is measured with the widths of Atkinson Hyperlegible's own letters
(headers in bold), as WeasyPrint lays them out; letters the font lacks count as wide ones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

from fontpkg_atkinson_hyperlegible import ROOT as FONT_PACKAGE
from fontTools.ttLib import TTFont

from ...model import Table, TableCell, plain_text
from ...variants import LayoutSettings

# The width the text may take on each paper, in millimetres: the paper less the margins of
# layouts/pdf/page.css (A4 and letter 20 mm a side, A5 15 mm). A table may reach a little into
# the right margin, as WeasyPrint lets it, and still be on the paper for every printer.
TEXT_WIDTH_MM = {"a4": 170.0, "letter": 175.9, "a5": 118.0}
INTO_THE_MARGIN_MM = 8.0
POINTS_PER_MM = 72 / 25.4
CELL_PADDING_EM = 1.0  # print.css: 0.5em each side
BORDER_PT = 2.0  # large print's borders are the widest
WIDE_LETTER_EM = 1.0  # Chinese and other wide letters; other letters the font lacks count 0.6
OTHER_LETTER_EM = 0.6


def too_wide_for(settings: LayoutSettings) -> Callable[[Table], bool]:
    """For the page template: whether a table is too wide for this edition's page."""
    room_mm = TEXT_WIDTH_MM.get(settings.paper, TEXT_WIDTH_MM["a4"]) + INTO_THE_MARGIN_MM
    room = room_mm * POINTS_PER_MM

    def too_wide(table: Table) -> bool:
        return narrowest_width(table, settings.font_size) > room

    return too_wide


def narrowest_width(table: Table, font_size: float) -> float:
    """The width in points that the table needs at least: each column as wide as its longest word."""
    total = BORDER_PT
    for index, header in enumerate(table.header):
        cells = [_longest_word(row[index], bold=False) for row in table.rows if index < len(row)]
        longest = max([_longest_word(header, bold=True), *cells])
        total += (longest + CELL_PADDING_EM) * font_size + BORDER_PT
    return total


def _longest_word(cell: TableCell, bold: bool) -> float:
    """The width in em of the cell's longest word."""
    return max((_word_width(word, bold) for word in plain_text(cell.content).split()), default=0.0)


def _word_width(word: str, bold: bool) -> float:
    widths = _letter_widths(bold)
    return sum(widths.get(letter) or _other_width(letter) for letter in word)


def _other_width(letter: str) -> float:
    return WIDE_LETTER_EM if unicodedata.east_asian_width(letter) in ("W", "F") else OTHER_LETTER_EM


@lru_cache(maxsize=2)
def _letter_widths(bold: bool) -> dict[str, float]:
    """Each letter of Atkinson Hyperlegible (regular or bold) and its advance width, in em."""
    name = "AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf"
    font = TTFont(FONT_PACKAGE / "files" / name)
    advances, units = font["hmtx"], font["head"].unitsPerEm
    return {chr(code): advances[glyph][0] / units for code, glyph in font.getBestCmap().items()}
