"""The EPUB edition, read back as a reading system and checked by EPUBCheck and Ace by DAISY."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from exporters.errors import SourceError
from exporters.formats import export
from exporters.formats.html import render
from exporters.model import plain_text, walk_blocks
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import EXAMPLE_LEAFLETS, PROJECT_ROOT
from tests.epub_fixture import break_book, write_every_part
from tests.epub_reading import EPUB_TYPE, NS, XML_LANG, Book, tag, words
from tests.epub_validators import validate_books

SOMEONE_ELSES = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"
VARIANTS = ("standard", "large-print")
SOURCES = [*EXAMPLE_LEAFLETS, SOMEONE_ELSES]
BOOKS = [(source.stem, variant) for source in [*SOURCES, Path("every-part.md")] for variant in VARIANTS]


@pytest.fixture(scope="module")
def every_part(tmp_path_factory) -> Path:
    return write_every_part(tmp_path_factory.mktemp("every-part"))


@pytest.fixture(scope="module")
def books(tmp_path_factory, every_part) -> dict[tuple[str, str], Path]:
    """Every edition of every example leaflet, someone else's leaflet and the every-part leaflet."""
    out = tmp_path_factory.mktemp("epub")
    built = {}
    for source in [*SOURCES, every_part]:
        document = read(source)
        for variant in VARIANTS:
            built[(source.stem, variant)] = export(document, "epub", layout_settings(variant), out)
    return built


@pytest.fixture(scope="module")
def findings(books, tmp_path_factory):
    """Both validators, run once on every book and on one broken on purpose."""
    folder = tmp_path_factory.mktemp("validators")
    broken = break_book(books[("flu-vaccine", "standard")], folder / "broken.epub")
    return validate_books([*books.values(), broken], folder), broken


@pytest.mark.parametrize("key", BOOKS, ids=lambda key: ".".join(key))
def test_epubcheck_reports_nothing(findings, books, key):
    found = findings[0][books[key]]["epubcheck"]
    assert found.problems == ()
    assert found.summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), found.summary


@pytest.mark.parametrize("key", BOOKS, ids=lambda key: ".".join(key))
def test_ace_reports_no_violation_of_any_impact(findings, books, key):
    found = findings[0][books[key]]["ace"]
    assert found.problems == ()
    assert found.summary == "Ace outcome: pass, 0 violations"


def test_the_validators_do_find_faults(findings):
    results, broken = findings
    assert any("RSC-012" in problem for problem in results[broken]["epubcheck"].problems)
    assert any("epub-lang" in problem for problem in results[broken]["ace"].problems)


# What a reading system, a library and a reader see ---------------------------------------


def test_package_names_title_language_publisher_and_a_stable_identifier(books, tmp_path):
    book = Book.open(books[("every-part", "standard")])
    assert book.package.get(XML_LANG) == "en-GB" and book.dc("language") == ["en-GB"]
    assert book.dc("title") == ["Every part of a leaflet"]
    assert book.dc("publisher") == ["Northfield Test Service"]
    identifier = book.dc("identifier")[0]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert book.meta("dcterms:modified") == ["2026-11-02T00:00:00Z"]  # the latest of its dates
    other = Book.open(books[("every-part", "large-print")])
    assert other.dc("identifier")[0] != identifier


def test_same_source_gives_the_same_bytes(every_part, books, tmp_path):
    again = export(read(every_part), "epub", layout_settings("standard"), tmp_path)
    first = books[("every-part", "standard")]
    assert again.read_bytes() == first.read_bytes()
    with zipfile.ZipFile(first) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
    assert {entry.date_time for entry in entries} == {(2026, 11, 2, 0, 0, 0)}


def test_a_new_version_gets_a_new_identifier(every_part, tmp_path):
    text = every_part.read_text(encoding="utf-8").replace('version: "3.2"', 'version: "3.3"')
    newer = every_part.parent / "newer" / every_part.name
    newer.parent.mkdir()
    newer.write_text(text, encoding="utf-8")
    shutil.copytree(every_part.parent / "pictures", newer.parent / "pictures")
    first = Book.open(export(read(every_part), "epub", layout_settings("standard"), tmp_path / "a"))
    second = Book.open(export(read(newer), "epub", layout_settings("standard"), tmp_path / "b"))
    assert first.dc("identifier") != second.dc("identifier")


def test_accessibility_metadata_follows_what_the_leaflet_holds(books):
    rich = Book.open(books[("every-part", "standard")])
    assert rich.meta("schema:accessMode") == ["textual", "visual"]
    assert rich.meta("schema:accessModeSufficient") == ["textual", "textual,visual"]
    assert "alternativeText" in rich.meta("schema:accessibilityFeature")
    assert rich.meta("schema:accessibilityHazard") == ["none"]
    assert rich.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert rich.meta("a11y:certifiedBy") == ["Northfield Test Service"]
    summary = rich.meta("schema:accessibilitySummary")[0]
    assert "two pictures" in summary and "glossary" in summary and "table has column headers" in summary

    plain = Book.open(books[("flu-vaccine", "standard")])  # no pictures, no glossary
    assert plain.meta("schema:accessMode") == ["textual"]
    assert plain.meta("schema:accessModeSufficient") == ["textual"]
    features = plain.meta("schema:accessibilityFeature")
    always = {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"}
    assert always <= set(features)
    assert "alternativeText" not in features
    assert "glossary" not in plain.meta("schema:accessibilitySummary")[0]


def test_one_document_per_section_in_reading_order(books, every_part):
    book = Book.open(books[("every-part", "standard")])
    assert book.spine() == [
        "cover.xhtml", "nav.xhtml", "title.xhtml", "section-01.xhtml", "section-02.xhtml",
        "glossary.xhtml", "contact.xhtml", "references.xhtml", "about.xhtml",
    ]  # fmt: skip
    document = read(every_part)
    for href, section in zip(book.spine()[3:5], document.sections[1:], strict=True):
        heading = book.document(href).find(".//html:h2", NS)
        assert words(heading) == section.title


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_all_the_text_is_there_in_order_and_easy_read_is_not(books, source):
    document = read(source)
    book = Book.open(books[(source.stem, "standard")])
    text = " ".join(words(book.document(href).find("html:body", NS)) for href in book.spine()[2:])
    position = 0
    for section in document.sections:
        for block in (b for top in section.blocks for b in walk_blocks(top)):
            if block.kind in ("paragraph", "heading"):
                expected = plain_text(block.content).split()[0]
                found = text.find(expected, position)
                assert found >= 0, f"{expected!r} (line {block.line}) is missing or out of order"
                position = found
        for easy_read in section.easy_read:
            for row in easy_read.rows:
                assert plain_text(row.content) not in text


def test_contents_are_nested_and_landmarks_named(books):
    book = Book.open(books[("every-part", "standard")])
    href, nav = book.nav()
    toc = nav.find(".//html:nav[@epub:type='toc']", NS)
    assert toc.get("role") == "doc-toc"
    top = toc.findall("html:ol/html:li", NS)
    assert [words(item.find("html:a", NS)) for item in top][:3] == [
        "Every part of a leaflet", "Before your test", "If you feel unwell",
    ]  # fmt: skip
    nested = top[1].findall(".//html:li/html:a", NS)
    assert [a.get("href") for a in nested] == [
        "section-01.xhtml#things-to-bring", "section-01.xhtml#things-to-leave-at-home",
    ]  # fmt: skip
    landmarks = nav.find(".//html:nav[@epub:type='landmarks']", NS)
    assert {a.get(EPUB_TYPE): a.get("href") for a in landmarks.iter(tag("a"))} == {
        "toc": f"{href}#toc", "bodymatter": "title.xhtml", "glossary": "glossary.xhtml",
    }  # fmt: skip


def test_every_link_inside_the_book_reaches_an_element(books):
    book = Book.open(books[("every-part", "standard")])
    ids = {href: {e.get("id") for e in book.document(href).iter() if e.get("id")} for href in book.spine()}
    checked = 0
    for href in book.spine():
        for link in book.document(href).iter(tag("a")):
            target = link.get("href")
            if re.match(r"^(https?|mailto|tel):", target):
                continue
            file_name, _, fragment = target.partition("#")
            assert file_name in ids and (not fragment or fragment in ids[file_name]), (href, target)
            checked += 1
    assert checked > 10


def test_glossary_terms_link_to_the_glossary_with_matching_roles(books):
    book = Book.open(books[("every-part", "standard")])
    term = book.document("section-01.xhtml").find(".//html:a[@class='term']", NS)
    assert term.get("href") == "glossary.xhtml#term-platelet"
    assert term.get(EPUB_TYPE) == "glossref" and term.get("role") == "doc-glossref"
    glossary = book.document("glossary.xhtml").find(".//html:section", NS)
    assert glossary.get(EPUB_TYPE) == "glossary" and glossary.get("role") == "doc-glossary"
    terms = [words(dt) for dt in glossary.iter(tag("dt"))]
    assert terms == ["cannula", "platelet"]
    assert all(dt.get(EPUB_TYPE) == "glossterm" for dt in glossary.iter(tag("dt")))


def test_every_document_says_its_language_and_title(books):
    book = Book.open(books[("bone-marrow-test", "large-print")])
    for href in book.spine():
        root = book.document(href)
        assert root.get("lang") == "en-GB" and root.get(XML_LANG) == "en-GB", href
        assert root.find("html:head/html:title", NS).text.strip(), href


def test_pictures_travel_in_the_book_with_their_alt_text(books):
    book = Book.open(books[("every-part", "standard")])
    images = book.document("section-01.xhtml").findall(".//html:img", NS)
    assert [(i.get("src"), i.get("alt")) for i in images] == [
        ("images/thermometer.svg", "A thermometer showing 38 degrees"), ("images/line.svg", ""),
    ]  # fmt: skip
    assert images[1].get("role") == "presentation"
    hrefs = {item.get("href") for item in book.manifest().values()}
    assert {"images/thermometer.svg", "images/line.svg", "images/nurse.svg"} <= hrefs
    assert "images/doctor.svg" not in hrefs  # only the easy-read edition shows the doctor


def test_cover_is_generated_with_the_title_and_alt_text(books):
    book = Book.open(books[("every-part", "large-print")])
    cover = next(i for i in book.manifest().values() if i.get("properties") == "cover-image")
    svg = book.read(cover.get("href")).decode("utf-8")
    assert "Every part of a" in svg and "Large print" in svg
    image = book.document("cover.xhtml").find(".//html:img", NS)
    assert image.get("src") == cover.get("href")
    assert image.get("alt").startswith("Cover: Every part of a leaflet. A test leaflet")


def test_stylesheet_leaves_size_font_and_colours_to_the_reader(books):
    standard = Book.open(books[("every-part", "standard")]).read("styles/leaflet.css").decode()
    large = Book.open(books[("every-part", "large-print")]).read("styles/leaflet.css").decode()
    for css in (standard, large):
        rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
        assert not re.search(r"\d(pt|px|cm|mm|in|pc)\b", rules)
        assert not re.search(r"(^|[\s;{])(color|background|font-family)\s*:(?!\s*inherit)", rules)
        assert "italic" not in rules and "justify" not in rules
    assert "html { font-size" not in standard
    assert "html { font-size: 129%; }" in large  # 18 pt against the standard 14 pt


def test_a_link_to_a_missing_heading_is_refused_with_its_line(make_leaflet, tmp_path):
    source = make_leaflet("## Before\n\nSee [the advice](#nowhere).\n")
    with pytest.raises(SourceError) as refused:
        export(read(source), "epub", layout_settings("standard"), tmp_path / "out")
    line = source.read_text(encoding="utf-8").splitlines().index("See [the advice](#nowhere).") + 1
    assert refused.value.line == line and "#nowhere" in refused.value.message


def test_the_html_edition_carries_no_epub_markup(every_part):
    page = render(read(every_part), layout_settings("standard"))
    assert "epub:type" not in page and "doc-glossref" not in page
    assert 'href="#if-you-feel-unwell"' in page


def test_without_an_organisation_no_conformance_is_claimed(make_leaflet, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    source = make_leaflet("## About\n\nSome words.\n", "title: A short note\n")
    book = Book.open(export(read(source), "epub", layout_settings("standard"), tmp_path / "out"))
    assert book.meta("dcterms:conformsTo") == [] and book.meta("a11y:certifiedBy") == []
    assert "is made to meet" in book.meta("schema:accessibilitySummary")[0]
    assert book.meta("dcterms:modified") == ["2026-09-21T14:13:20Z"]  # no dates: SOURCE_DATE_EPOCH
    assert book.spine()[2:] == ["title.xhtml", "section-01.xhtml", "contact.xhtml", "about.xhtml"]
