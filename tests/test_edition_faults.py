"""Faults a reader saw in the editions of a leaflet written elsewhere (issue 13): the Health Icons
credit in an edition without pictures, the summary said twice, Word's end sections in another
order than the PDF's, glossary words underlined like spelling mistakes, stray list items."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from exporters.formats import export
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import write_leaflet
from tests.pdf_checks import outline_titles

SUMMARY = "What a platelet count is and what your result means."
FRONT_MATTER = f"""\
title: Your platelet count
summary: {SUMMARY}
organisation: {{name: Kingsmere Blood Service, phone: 01632 960111}}
reviewed: 2026-01-01
next_review: 2028-01-01
version: "1.0"
reviewers: [Consultant haematologist]
references: [A source]
glossary:
  platelets: Tiny blood cells that help your blood to clot.
"""
SHORT = "\n".join(f"- Point {word}." for word in "one two three".split())
LONG = "\n".join(f"- Item {word} of the long list." for word in "one two three four five six seven eight nine".split())
BODY = f"""\
This leaflet says what a platelet count is and what your result means.

## Your result

Your platelets help your blood to clot.

{SHORT}

Some more text.

{LONG}

::: easy-read
- ![A drop of blood](icon:blood_drop) We take some blood.
- ![A doctor](icon:doctor) The doctor tells you your result.
:::
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read(write_leaflet(tmp_path_factory.mktemp("leaflet"), BODY, FRONT_MATTER))


@pytest.fixture(scope="module")
def outputs(document, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    large = layout_settings("large-print")
    return {
        "html": export(document, "html", large, out / "html"),
        "docx": export(document, "docx", large, out / "docx"),
        "pdf": export(document, "pdf", large, out / "pdf"),
        "easy-read-html": export(document, "html", layout_settings("easy-read"), out / "easy"),
        "easy-read-docx": export(document, "docx", layout_settings("easy-read"), out / "easy"),
    }


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _docx_text(path: Path) -> str:
    return " ".join(paragraph.text for paragraph in WordDocument(str(path)).paragraphs)


def test_the_health_icons_credit_only_where_the_edition_shows_icons(outputs):
    credit = "Health Icons"
    assert credit not in _pdf_text(outputs["pdf"])
    assert credit not in _docx_text(outputs["docx"])
    assert credit not in outputs["html"].read_text(encoding="utf-8")
    assert credit in outputs["easy-read-html"].read_text(encoding="utf-8")


def test_the_summary_is_description_not_a_second_first_paragraph(outputs):
    html = outputs["html"].read_text(encoding="utf-8")
    assert f'<meta name="description" content="{SUMMARY}"' in html
    assert html.count(SUMMARY) == 1
    assert SUMMARY not in _pdf_text(outputs["pdf"]) and SUMMARY not in _docx_text(outputs["docx"])
    assert WordDocument(str(outputs["docx"])).core_properties.subject == SUMMARY


def test_word_ends_with_the_same_sections_in_the_same_order_as_the_pdf(outputs):
    word = WordDocument(str(outputs["docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    with pikepdf.open(outputs["pdf"]) as pdf:
        printed = [title for title in outline_titles(pdf) if title in headings]
    assert headings[-5:] == printed[-5:]
    assert headings[-2:] == ["Who to contact", "Dates of this leaflet"]


def test_glossary_words_in_word_are_bold_not_underlined(outputs):
    with zipfile.ZipFile(outputs["docx"]) as package:
        styles = ElementTree.fromstring(package.read("word/styles.xml"))
    style = next(s for s in styles.iter(qn("w:style")) if s.find(qn("w:name")).get(qn("w:val")) == "Glossary Link")
    properties = style.find(qn("w:rPr"))
    assert properties.find(qn("w:u")) is None and properties.find(qn("w:b")) is not None


def test_word_lists_leave_no_stray_items_on_a_page(outputs):
    word = WordDocument(str(outputs["docx"]))
    items = [p for p in word.paragraphs if re.match(r"(Point|Item) ", p.text)]
    short, long = items[:3], items[3:]
    kept = [bool(p.paragraph_format.keep_with_next) for p in short]
    assert kept == [True, True, False]  # a short list stays on one page
    kept = [bool(p.paragraph_format.keep_with_next) for p in long]
    assert kept[:2] == [True, True] and kept[-3:] == [True, True, False]  # three together at each end


def test_word_easy_read_never_ends_with_its_closing_lines_alone(outputs):
    word = WordDocument(str(outputs["easy-read-docx"]))
    closing = word.paragraphs[-3:]
    assert closing[-1].text.startswith("Pictures from Health Icons")
    assert [bool(p.paragraph_format.keep_with_next) for p in closing] == [True, True, False]
    last_contact = word.tables[-1].rows[-1].cells[1].paragraphs
    assert all(p.paragraph_format.keep_with_next for p in last_contact)
