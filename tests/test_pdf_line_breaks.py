"""Lines of the printed editions end where a reader expects: never after one word when the next
would fit, and never inside an email address that fits on a line of its own."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pdfplumber
import pytest

from exporters.formats import export
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import write_leaflet

OPENINGS = "In Then Today Sometimes Afterwards Often Later Usually Here Now Soon First Also Still".split()
PARAGRAPHS = "\n\n".join(
    f"{opening} the **CAR-T** cells release large amounts of chemical messengers into your blood. Most "
    f"people get some CRS, and the [nurse team](https://example.org/crs) checks you for CRS every day."
    for opening in OPENINGS
)
EMAIL = "patient.advice@kingsmere.example.org"
FRONT_MATTER = f"""\
title: Line breaks
organisation: {{name: Kingsmere Hospital, phone: 01632 960000, email: {EMAIL}}}
reviewed: 2026-01-01
next_review: 2028-01-01
references: [A source]
abbreviations:
  CRS: cytokine release syndrome
  CAR-T: chimeric antigen receptor T-cell
"""
RIGHT_MARGIN = 20 / 25.4 * 72  # layouts/pdf/page.css: 20 mm


def lines_of(page) -> list[list[dict]]:
    """The words of a page, line by line, top to bottom."""
    lines: dict[float, list[dict]] = {}
    for word in page.extract_words(extra_attrs=["size"]):
        lines.setdefault(round(word["top"]), []).append(word)
    return [sorted(words, key=lambda w: w["x0"]) for _, words in sorted(lines.items())]


def early_breaks(path: Path, size: float, line_spacing: float) -> list[str]:
    """Lines of body text that end although the next line's first word would fit on them (two
    lines of one paragraph stand one line pitch apart)."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [line for line in lines_of(page) if line[0]["top"] < page.height - 80
                     and all(abs(word["size"] - size) < 0.5 for word in line)]  # fmt: skip
            gaps = [b["x0"] - a["x1"] for line in lines for a, b in zip(line, line[1:], strict=False)]
            space = statistics.median(gaps) if gaps else 5.0
            pitch = size * line_spacing
            right = page.width - RIGHT_MARGIN
            for line, following in zip(lines, lines[1:], strict=False):
                same_paragraph = abs(following[0]["top"] - line[0]["top"] - pitch) < 2
                next_word = following[0]["x1"] - following[0]["x0"]
                if same_paragraph and line[-1]["x1"] + space + next_word < right - 1:
                    found.append(" ".join(w["text"] for w in line))
    return found


@pytest.fixture(scope="module")
def leaflet(tmp_path_factory) -> Path:
    body = f"## Side effects\n\n{PARAGRAPHS}\n\n::: easy-read\n- ![A nurse](icon:nurse) The nurse checks you.\n:::\n"
    return write_leaflet(tmp_path_factory.mktemp("leaflet"), body, FRONT_MATTER)


def test_no_line_ends_early_before_bold_words_links_or_abbreviations(leaflet, tmp_path):
    settings = layout_settings("large-print")
    path = export(read(leaflet), "pdf", settings, tmp_path)
    assert early_breaks(path, settings.font_size, settings.variant.line_spacing) == []


def test_an_email_address_that_fits_a_line_is_never_split(leaflet, tmp_path):
    # At 18 pt the address fits the words column, but not after "Email: ".
    path = export(read(leaflet), "pdf", layout_settings("easy-read", 18), tmp_path)
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).replace("\u200b", "")
    lines = [line for line in text.splitlines() if re.search(r"patient\.advice|kingsmere\.example", line)]
    assert lines and all(EMAIL in line for line in lines), lines
