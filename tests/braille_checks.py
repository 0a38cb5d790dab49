"""What a braille reader and an embosser would check in our BRF and PEF files, written here from
the specifications: PEF 2008-1 (https://braillespecs.github.io/pef/pef-specification.html, its
Relax NG rule set and its two Schematron rules) and the BRF conventions (Braille ASCII 0x20 to
0x5F, CR LF, a form feed between pages). Also the words a back-translation gives back.

Run as a script to print the back-translation figures of leaflets:
    .venv/bin/python -m tests.braille_checks source/bone-marrow-test.md
"""

from __future__ import annotations

import math
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from exporters.formats.braille.translator import back_translate, from_braille_ascii
from exporters.formats.templates import long_date
from exporters.model import (
    Abbreviation,
    Document,
    Picture,
    Preformatted,
    Table,
    inlines_of,
    plain_text,
    walk_blocks,
    walk_inlines,
)  # fmt: skip

PEF = "{http://www.daisy.org/ns/2008/pef}"
DC = "{http://purl.org/dc/elements/1.1/}"
BRAILLE = re.compile(r"[\u2800-\u28ff]*")
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")
BRF_BYTES = set(range(0x20, 0x60)) | {0x0D, 0x0A, 0x0C}


# BRF -----------------------------------------------------------------------------------------


def brf_problems(data: bytes, cells: int, lines: int) -> list[str]:
    """Bytes other than upper-case Braille ASCII and the three controls, line ends other than
    CR LF, lines wider than the page, pages longer than it."""
    problems = [f"byte 0x{byte:02X} at {index}" for index, byte in enumerate(data) if byte not in BRF_BYTES]
    text = data.decode("latin-1")
    if re.search(r"\r(?!\n)|(?<!\r)\n", text):
        problems.append("a line that does not end CR LF")
    for number, page in enumerate(text.split("\f"), start=1):
        if page and not page.endswith("\r\n"):
            problems.append(f"page {number} does not end with a line end")
        rows = page.split("\r\n")[:-1]
        if len(rows) > lines:
            problems.append(f"page {number} has {len(rows)} lines")
        problems += [f"page {number} line {row}: {len(line)} cells" for row, line in enumerate(rows, 1)
                     if len(line) > cells]  # fmt: skip
    return problems


def brf_pages(data: bytes) -> list[list[str]]:
    """The pages of a BRF file as rows of Unicode braille."""
    return [[from_braille_ascii(row) for row in page.split("\r\n")[:-1]] for page in data.decode("ascii").split("\f")]


# PEF -----------------------------------------------------------------------------------------

ALLOWED_CHILDREN = {
    "pef": ("head", "body"), "head": ("meta",), "body": ("volume",), "volume": ("section",),
    "section": ("page",), "page": ("row",), "row": (),
}  # fmt: skip
ATTRIBUTES = {"volume": ("cols", "rows", "rowgap", "duplex"), "section": ("cols", "rows", "rowgap", "duplex"),
              "page": ("rowgap",), "row": ("rowgap",)}  # fmt: skip


def pef_problems(text: str) -> list[str]:
    """Everything in a PEF file that breaks PEF 2008-1: the document conformance criteria, the
    Relax NG rule set's structure and values, and the two Schematron rules."""
    if not text.startswith('<?xml version="1.0" encoding="UTF-8"?>'):
        return ["the file does not declare itself UTF-8 XML"]
    root = ElementTree.fromstring(text.encode("utf-8"))
    problems = []
    if root.tag != PEF + "pef" or root.get("version") != "2008-1":
        problems.append("the root is not <pef version='2008-1'> in the PEF namespace")
    problems += _structure_problems(root)
    problems += _metadata_problems(root)
    for volume in root.iter(PEF + "volume"):
        problems += [f"volume lacks @{name}" for name in ATTRIBUTES["volume"] if volume.get(name) is None]
    problems += _value_problems(root)
    problems += _schematron_problems(root)
    return problems


def _structure_problems(element: ElementTree.Element) -> list[str]:
    """Each PEF element holds only the PEF children the rule set allows it, and at least one of
    those it must have (head, meta, volume, section, page)."""
    name = element.tag.removeprefix(PEF)
    problems = []
    if name == "meta":
        return problems
    pef_children = [child for child in element if child.tag.startswith(PEF)]
    for child in pef_children:
        if child.tag.removeprefix(PEF) not in ALLOWED_CHILDREN.get(name, ()):
            problems.append(f"<{child.tag.removeprefix(PEF)}> inside <{name}>")
    needed = {"pef": ("head", "body"), "head": ("meta",), "body": ("volume",), "volume": ("section",),
              "section": ("page",)}.get(name, ())  # fmt: skip
    for child_name in needed:
        count = sum(1 for child in pef_children if child.tag == PEF + child_name)
        if not count or (child_name in ("head", "body", "meta") and count > 1):
            problems.append(f"<{name}> has {count} <{child_name}>")
    if name == "row" and (len(element) or not BRAILLE.fullmatch(element.text or "")):
        problems.append(f"a row holds something other than braille: {element.text!r}")
    for child in pef_children:
        problems += _structure_problems(child)
    return problems


def _metadata_problems(root: ElementTree.Element) -> list[str]:
    meta = root.find(f"{PEF}head/{PEF}meta")
    if meta is None:
        return ["no head/meta"]
    values = {child.tag: (child.text or "").strip() for child in meta}
    problems = []
    if values.get(DC + "format") != "application/x-pef+xml":
        problems.append("dc:format is not application/x-pef+xml")
    if not values.get(DC + "identifier"):
        problems.append("no dc:identifier")
    for name in ("title", "language"):  # optional in PEF; the issue asks for both
        if not values.get(DC + name):
            problems.append(f"no dc:{name}")
    if DC + "date" in values and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values[DC + "date"]):
        problems.append("dc:date is not YYYY-MM-DD")
    if not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", values.get(DC + "language", "")):
        problems.append("dc:language is not a language tag")
    return problems


def _value_problems(root: ElementTree.Element) -> list[str]:
    problems = []
    for element in root.iter():
        name = element.tag.removeprefix(PEF)
        for attribute in ATTRIBUTES.get(name, ()):
            value = element.get(attribute)
            if value is None:
                continue
            if attribute == "duplex":
                good = value in ("true", "false", "1", "0")
            else:
                good = value.isdigit() and (attribute == "rowgap" or int(value) > 0)
            if not good:
                problems.append(f"<{name} {attribute}='{value}'>")
    return problems


def _schematron_problems(root: ElementTree.Element) -> list[str]:
    """Rule 1: rows (with their row gaps, four to a row height) fit the page's height.
    Rule 2: a row holds no more cells than the page is wide. Values inherit from the nearest
    element that sets them."""
    problems = []
    for volume in root.iter(PEF + "volume"):
        for section in volume.iter(PEF + "section"):
            for number, page in enumerate(section.iter(PEF + "page"), start=1):
                rows = [row for row in page if row.tag == PEF + "row"]
                rows_allowed = int(_inherited("rows", section, volume))
                gaps = sum(int(_inherited("rowgap", row, page, section, volume)) for row in rows)
                if math.ceil(gaps / 4) + len(rows) > rows_allowed:
                    problems.append(f"[Rule 1] page {number}: rows do not fit within the page height")
                cols = int(_inherited("cols", section, volume))
                problems += [f"[Rule 2] page {number}: too many cells on a row" for row in rows
                             if len(row.text or "") > cols]  # fmt: skip
    return problems


def _inherited(attribute: str, *nearest_first: ElementTree.Element) -> str:
    return next(element.get(attribute) for element in nearest_first if element.get(attribute) is not None)


def pef_pages(text: str) -> list[list[str]]:
    root = ElementTree.fromstring(text.encode("utf-8"))
    return [[row.text or "" for row in page.iter(PEF + "row")] for page in root.iter(PEF + "page")]


def pef_volume(text: str) -> dict[str, str]:
    return dict(ElementTree.fromstring(text.encode("utf-8")).find(f"{PEF}body/{PEF}volume").attrib)


# Words ---------------------------------------------------------------------------------------


def leaflet_words(document: Document) -> set[str]:
    """The distinct words of the leaflet that its standard edition shows: front matter, sections
    (pictures by their text, decorative ones not at all), glossary, contact and review facts."""
    meta = document.meta
    texts = [meta.title, meta.subtitle or "", meta.summary or "", plain_text(document.title.content)]
    for section in document.sections:
        if section.heading:
            texts.append(plain_text(section.heading.content))
        for block in section.blocks:
            for part in walk_blocks(block):
                if isinstance(part, Table):
                    cells = [*part.header, *(cell for row in part.rows for cell in row)]
                    texts += [_shown_text(cell.content) for cell in cells]
                else:
                    texts.append(_shown_text(inlines_of(part)))
                if isinstance(part, Picture) and not part.decorative:
                    texts.append(part.alt)
                if isinstance(part, Preformatted):
                    texts.append(part.text)
    texts += [f"{entry.term} {entry.explanation}" for entry in document.glossary]
    if meta.organisation:
        organisation = meta.organisation
        texts += [value for value in (organisation.name, organisation.phone, organisation.email,
                                      organisation.website, organisation.address) if value]  # fmt: skip
    texts += [f"{reference.text} {reference.url or ''}" for reference in meta.references]
    texts += [long_date(day) for day in (meta.published, meta.reviewed, meta.next_review) if day]
    texts += [meta.version or "", meta.audience or "", meta.licence or "", *meta.reviewers]
    return words_in(" ".join(texts))


def _shown_text(inlines) -> str:
    """Inline text as the braille shows it: an abbreviation spelled out at its first use."""
    extra = [inline.expansion for inline in walk_inlines(inlines) if isinstance(inline, Abbreviation) and inline.first_use]
    return " ".join([plain_text(inlines), *extra])


def words_in(text: str) -> set[str]:
    return set(WORD.findall(text.lower().replace("’", "'")))


def back_translated_words(pages: list[list[str]], grade: int) -> set[str]:
    """The words liblouis reads back from the pages, the lines of each page joined by a space."""
    text = "\u2800".join(row for page in pages for row in page)
    return words_in(back_translate(text, grade))


def word_figures(document: Document, pages: list[list[str]], grade: int) -> tuple[int, int, list[str]]:
    """(distinct words of the leaflet, how many the back-translation gives back, those it does not)."""
    wanted = leaflet_words(document)
    missing = sorted(wanted - back_translated_words(pages, grade))
    return len(wanted), len(wanted) - len(missing), missing


def _main(paths: list[str]) -> None:
    from exporters.formats.braille import braille_pages
    from exporters.readers.leaflet import read
    from exporters.variants import layout_settings

    for path in paths:
        document = read(Path(path))
        pages, layout = braille_pages(document, layout_settings("standard"))
        total, found, missing = word_figures(document, pages, layout.grade)
        print(f"{path}: {len(pages)} braille pages; {found} of {total} distinct words given back "
              f"({100 * found / total:.1f}%); not given back: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    _main(sys.argv[1:])
