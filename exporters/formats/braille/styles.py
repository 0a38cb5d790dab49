"""The braille layout as data: page size, block styles, drawn cells and labels, from
`layouts/braille/`, with this build's grade and page size (`--braille-grade`, `--braille-page`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import UsageError
from ...variants import LayoutSettings
from .translator import GRADE_TABLES

LAYOUT_FILE = "braille/layout.yaml"
LABELS_FILE = "braille/labels.yaml"
SMALLEST_PAGE = (20, 10)  # cells, lines: room for a page number, its gap and a few words
LARGEST_PAGE = (80, 60)


@dataclass(frozen=True, slots=True)
class BlockStyle:
    first_line: int = 1  # the cell where the block's first line starts
    runover: int = 1  # the cell where its other lines start
    lines_before: int = 0
    lines_after: int = 0
    align: str = "left"  # or "centre"
    keep_with_next: int = 0  # lines of the next block that must share the page


@dataclass(frozen=True, slots=True)
class BrailleLayout:
    cells: int
    lines: int
    grade: int
    number_gap: int
    first_page_number: bool
    drawn: dict[str, str]
    styles: dict[str, BlockStyle]
    labels: dict[str, str]

    def style(self, name: str) -> BlockStyle:
        return self.styles[name]

    @property
    def note(self) -> tuple[str, str]:
        """The transcriber's note indicators, opening and closing."""
        return self.drawn["note_open"], self.drawn["note_close"]


def braille_layout(settings: LayoutSettings) -> BrailleLayout:
    """The layout of this build: the data in layouts/ with the options the build was given."""
    options = dict(settings.format_options)
    grade = options.get("braille_grade", 2)
    if grade not in GRADE_TABLES:
        raise UsageError(f"Braille grade {grade} is not offered. Choose 1 (uncontracted) or 2 (contracted).")
    data, labels = _data(settings.layouts)
    page = data["page"]
    cells, lines = options.get("braille_page") or (page["cells"], page["lines"])
    check_page_size(cells, lines)
    styles = {name: BlockStyle(**values) for name, values in data["styles"].items()}
    return BrailleLayout(cells, lines, grade, page["number_gap"], page["first_page_number"],
                         dict(data["cells"]), styles, labels)  # fmt: skip


def check_page_size(cells: int, lines: int) -> None:
    """Refuse a page too small to hold a page number and some words, or larger than any embosser."""
    if not (SMALLEST_PAGE[0] <= cells <= LARGEST_PAGE[0] and SMALLEST_PAGE[1] <= lines <= LARGEST_PAGE[1]):
        raise UsageError(
            f"A braille page of {cells} cells by {lines} lines cannot be made. Choose from "
            f"{SMALLEST_PAGE[0]} to {LARGEST_PAGE[0]} cells and {SMALLEST_PAGE[1]} to {LARGEST_PAGE[1]} "
            "lines, for example 40x25 (the usual size) or 32x27."
        )


@lru_cache(maxsize=4)
def _data(layouts: Path) -> tuple[dict, dict[str, str]]:
    layout = yaml.safe_load((layouts / LAYOUT_FILE).read_text(encoding="utf-8"))
    labels = yaml.safe_load((layouts / LABELS_FILE).read_text(encoding="utf-8"))
    return layout, {key: str(value) for key, value in labels.items()}
