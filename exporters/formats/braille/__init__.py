"""Braille: the leaflet in Unified English Braille, laid out on braille pages, as BRF and as PEF.

Both files are written from the same pages (see pages.py), so they hold the same cells page
for page. liblouis translates (translator.py); the layout is ours, from `layouts/braille/`,
because no Python library lays out braille pages. What the layout takes from the tools of the
field: liblouisutdml's file2brl gave the style model (first-line and runover cells, blank lines
before and after, centred headings, keep-with-next), its defaults (paragraphs in cell 3,
level-1 headings centred with a blank line round them, hanging list indents, 7-5 margins for
transcriber's notes) and its BRF conventions (CR LF, form feed); DAISY Pipeline 2's braille
CSS gave the page as a grid of cells (`@page { size: 40 25 }`), the page number in a corner
box with three blank cells before it, and headings that avoid a page break after them. UK
practice moves the page number to the top right (UKAAF), and file2brl's lists get markers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...model import Document
from ...variants import LayoutSettings
from .content import transcribe
from .easy_read import transcribe_easy_read
from .files import brf_bytes, count_brf_pages, count_pef_pages, pef_text
from .pages import Item, Page, Pager
from .styles import BrailleLayout, braille_layout

Transcriber = Callable[[Document, BrailleLayout], list[Item]]


def braille_pages(document: Document, settings: LayoutSettings,
                  transcriber: Transcriber = transcribe) -> tuple[list[Page], BrailleLayout]:  # fmt: skip
    """The pages of an edition, each a list of rows of Unicode braille, and their layout."""
    layout = braille_layout(settings)
    return Pager(layout).lay_out(transcriber(document, layout)), layout


def write_brf(document: Document, settings: LayoutSettings, target: Path) -> None:
    pages, _ = braille_pages(document, settings)
    target.write_bytes(brf_bytes(pages))


def write_pef(document: Document, settings: LayoutSettings, target: Path) -> None:
    pages, layout = braille_pages(document, settings)
    target.write_text(pef_text(pages, document, layout), encoding="utf-8")


def write_easy_read_brf(document: Document, settings: LayoutSettings, target: Path) -> None:
    pages, _ = braille_pages(document, settings, transcribe_easy_read)
    target.write_bytes(brf_bytes(pages))


def write_easy_read_pef(document: Document, settings: LayoutSettings, target: Path) -> None:
    pages, layout = braille_pages(document, settings, transcribe_easy_read)
    target.write_text(pef_text(pages, document, layout), encoding="utf-8")


def brf_page_count(path: Path) -> int:
    return count_brf_pages(path.read_bytes())


def pef_page_count(path: Path) -> int:
    return count_pef_pages(path.read_text(encoding="utf-8"))
