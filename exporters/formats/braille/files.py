"""The two braille files of the same pages: BRF for embossers and notetakers, PEF 2008-1 for
archiving and embossing anywhere.

BRF has no formal standard: upper-case North American Braille ASCII (0x20 to 0x5F), lines
ending CR LF, a form feed between pages. PEF (DAISY's Portable Embosser Format,
https://braillespecs.github.io/pef/pef-specification.html) holds the same cells as Unicode
braille, one `row` a line, in `body/volume/section/page`, with Dublin Core metadata.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ...model import Document
from .pages import Page
from .styles import BrailleLayout
from .translator import GRADE_TABLES, liblouis_version, to_braille_ascii

LINE_END = "\r\n"
PAGE_END = "\f"
PEF_NAMESPACE = "http://www.daisy.org/ns/2008/pef"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
PEF_MEDIA_TYPE = "application/x-pef+xml"


def brf_bytes(pages: list[Page]) -> bytes:
    text = PAGE_END.join("".join(to_braille_ascii(row) + LINE_END for row in page) for page in pages)
    return text.encode("ascii")


def pef_text(pages: list[Page], document: Document, layout: BrailleLayout) -> str:
    meta = document.meta
    rows = "\n".join(
        "<page>\n" + "\n".join(f"<row>{row}</row>" if row else "<row/>" for row in page) + "\n</page>"
        for page in pages
    )
    metadata = [
        ("format", PEF_MEDIA_TYPE),
        ("identifier", identifier(document)),
        ("title", meta.title),
        ("language", meta.language),
        ("description", description(layout)),
    ]
    if meta.organisation:
        metadata.append(("publisher", meta.organisation.name))
    day = meta.reviewed or meta.published
    if day:
        metadata.append(("date", day.isoformat()))
    head = "\n".join(f"<dc:{name}>{escape(value)}</dc:{name}>" for name, value in metadata)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<pef version="2008-1" xmlns="{PEF_NAMESPACE}">\n'
        f'<head>\n<meta xmlns:dc="{DUBLIN_CORE}">\n{head}\n</meta>\n</head>\n'
        f'<body>\n<volume cols="{layout.cells}" rows="{layout.lines}" rowgap="0" duplex="false">\n'
        f"<section>\n{rows}\n</section>\n</volume>\n</body>\n</pef>\n"
    )


def identifier(document: Document) -> str:
    """The same leaflet, version and review give the same identifier, so builds repeat."""
    meta = document.meta
    day = meta.reviewed or meta.published
    parts = [meta.slug, meta.version or "", day.isoformat() if day else ""]
    return "leaflet:" + ":".join(part for part in parts if part)


def description(layout: BrailleLayout) -> str:
    contracted = "contracted (grade 2)" if layout.grade == 2 else "uncontracted (grade 1)"
    return (
        f"Unified English Braille, {contracted}, translated with liblouis {liblouis_version()} "
        f"({GRADE_TABLES[layout.grade]}); {layout.cells} cells by {layout.lines} lines."
    )


def count_brf_pages(data: bytes) -> int:
    return data.count(PAGE_END.encode("ascii")) + 1


def count_pef_pages(text: str) -> int:
    return text.count("<page>")
