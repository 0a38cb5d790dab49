"""The PDF exporter: clear-print, large-print and easy-read editions for printing, tagged as PDF/UA-1.

The page is the HTML exporter's (for easy read, its easy-read edition), rendered with the
variant's print template and stylesheet from layouts/pdf/, then printed by WeasyPrint.
WeasyPrint's PDF/UA-1 output has gaps that pdf_tags.py closes afterwards (see there).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import pikepdf
from fontpkg_atkinson_hyperlegible import ROOT as FONT_PACKAGE
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from ...errors import OutputWarning, SourceError, UsageError
from ...model import Document, Heading, Link, Meta, Picture, inlines_of, plain_text, walk_inlines
from ...readers.pictures import healthicons_folder
from ...timeline import span
from ...variants import LayoutSettings
from ..html import render, render_easy_read
from ..templates import term_id
from .fetcher import LeafletFetcher
from .glyphs import missing_characters, warning_text
from .tables import too_wide_for
from .tags import finish

PAGE_TEMPLATE = "pdf/leaflet.html.j2"
EASY_READ_TEMPLATE = "pdf/easy-read.html.j2"
FONT_STYLESHEET = "pdf/fonts.css"
FONT_FOLDER = FONT_PACKAGE / "files"
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True, slots=True)
class FontSource:
    """What the parsed font stylesheet depends on: its text and the folders files may come from.

    The fetcher reads the font files, which only the folders decide; it is left out of the
    comparison, so PDFs of leaflets in the same folder share one parse.
    """

    stylesheet: str
    folders: tuple[Path, ...]
    fetcher: LeafletFetcher = field(compare=False)


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The clear-print or large-print edition."""
    page = render(document, settings, picture_src=file_url, template=PAGE_TEMPLATE,
                  stylesheet=_stylesheet(settings), table_as_rows=too_wide_for(settings))  # fmt: skip
    _print(document, settings, page, target)


def write_easy_read(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The easy-read edition; a leaflet without easy-read text is refused before anything is printed."""
    page = render_easy_read(document, settings, picture_src=file_url, template=EASY_READ_TEMPLATE,
                            stylesheet=_stylesheet(settings))  # fmt: skip
    _print(document, settings, page, target)


def count_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def release() -> None:
    """Drop the parsed fonts, so that WeasyPrint removes its temporary font folders."""
    font_stylesheet.cache_clear()


def _stylesheet(settings: LayoutSettings) -> str:
    return f"pdf/{settings.variant.name}.css"


def _print(document: Document, settings: LayoutSettings, page: str, target: Path) -> None:
    """Print the page with WeasyPrint as PDF/UA-1, then finish its tags."""
    missing = missing_characters(document)
    if missing:  # printed as U+FFFD, which DejaVu Sans has: PDF/UA allows no glyph that is not there
        warnings.warn(OutputWarning(document.source, *warning_text(missing)), stacklevel=2)
        page = page.translate(dict.fromkeys(map(ord, missing), "\ufffd"))
    fetcher = LeafletFetcher(document, allowed_folders(document, settings))
    try:  # the fonts are read as their stylesheet is parsed, the rest while the page is laid out
        stylesheet = (settings.layouts / FONT_STYLESHEET).read_text(encoding="utf-8")
        fonts, font_config = font_stylesheet(FontSource(stylesheet, fetcher.folders, fetcher))
        options = {"pdf_variant": PDF_VARIANT, "stylesheets": [fonts], "uncompressed_pdf": False}
        base_url = document.source.parent.resolve().as_uri() + "/"
        with span(f"{document.meta.slug}.{settings.variant.name}.pdf: layout"):
            html = HTML(string=page, base_url=base_url, url_fetcher=fetcher)
            printed = html.render(font_config=font_config, **options)
    except FatalURLFetchingError as error:
        if isinstance(error.__cause__, SourceError):
            raise error.__cause__ from None
        raise
    printed.metadata.created, printed.metadata.modified = print_dates(document.meta)
    with span(f"{document.meta.slug}.{settings.variant.name}.pdf: drawing"):
        data = printed.write_pdf(**options)
    with span(f"{document.meta.slug}.{settings.variant.name}.pdf: tagging"):
        finish(data, target, link_descriptions(document))


@lru_cache(maxsize=8)
def font_stylesheet(source: FontSource) -> tuple[CSS, FontConfiguration]:
    """The parsed font stylesheet and the font configuration that holds its fonts.

    Both are made once per process for each FontSource: parsing the sheet and loading the
    system's font list take tens of milliseconds a PDF, and the PDF is the same without it.
    A font that cannot be read raises, and nothing is kept.
    """
    with span("PDF font set-up"):
        font_config = FontConfiguration()
        fonts = CSS(
            string=source.stylesheet,
            base_url=FONT_FOLDER.as_uri() + "/",
            url_fetcher=source.fetcher,
            font_config=font_config,
        )
    return fonts, font_config


def file_url(picture: Picture) -> str:
    """Pictures are read through the fetcher from their own file, not copied into the page.

    Pictograms are marked with '?pictogram' so that the print stylesheet can size them apart
    from drawings (the fetcher ignores the query).
    """
    return picture.path.resolve().as_uri() + ("?pictogram" if picture.icon else "")


def link_descriptions(document: Document) -> dict[str, str]:
    """What each link of the page is, in words, keyed by its address as the page writes it."""
    meta = document.meta
    described = {
        term_id(entry.term): f"What {entry.term} means, in Words we use" for entry in document.glossary
    }
    for block in document.text_blocks():
        if isinstance(block, Heading):
            described[block.anchor] = "Section: " + plain_text(block.content)
        for link in (i for i in walk_inlines(inlines_of(block)) if isinstance(i, Link)):
            described.setdefault(link.href, _with_kind(link.href, plain_text(link.children)))
    rows = (row for section in document.sections for block in section.easy_read for row in block.rows)
    for link in (i for row in rows for i in walk_inlines(row.content) if isinstance(i, Link)):
        described.setdefault(link.href, _with_kind(link.href, plain_text(link.children)))
    described.update({reference.url: reference.text for reference in meta.references if reference.url})
    organisation = meta.organisation
    if organisation and organisation.phone:
        described["tel:" + organisation.phone.replace(" ", "")] = "Phone " + organisation.phone
    if organisation and organisation.email:
        described["mailto:" + organisation.email] = "Email " + organisation.email
    if organisation and organisation.website:
        described[organisation.website] = "Website of " + organisation.name
    return described


def _with_kind(href: str, words: str) -> str:
    kinds = {"tel:": "Phone ", "mailto:": "Email "}
    return next((kind + words for prefix, kind in kinds.items() if href.startswith(prefix)), words)


def allowed_folders(document: Document, settings: LayoutSettings) -> tuple[Path, ...]:
    """The folders WeasyPrint may read from: nothing else on the computer, nothing online."""
    return (document.source.parent, settings.layouts, healthicons_folder(), FONT_FOLDER)


def print_dates(meta: Meta) -> tuple[str | None, str | None]:
    """Creation and modification dates of the PDF: the leaflet's own, so that builds repeat.

    The earlier of published and reviewed is the creation date, the later the modification
    date. A leaflet with neither takes SOURCE_DATE_EPOCH when it is set, and no date otherwise.
    """
    dates = sorted(day for day in (meta.published, meta.reviewed) if day)
    if dates:
        return dates[0].isoformat(), dates[-1].isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None, None
    if not epoch.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970; it is '{epoch}'.")
    stamp = datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return stamp, stamp
