"""The easy-read EPUB edition, read back as a reading system and checked by EPUBCheck and Ace by DAISY."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from exporters.editions.easy_read import easy_read_edition
from exporters.errors import SourceError
from exporters.formats import epub, export
from exporters.formats.html import render_easy_read
from exporters.model import plain_text
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import EXAMPLE_LEAFLETS
from tests.epub_fixture import write_easy_read_leaflet, write_every_part
from tests.epub_reading import EPUB_TYPE, NS, Book, tag, words
from tests.epub_validators import validate_books

EASY_READ = layout_settings("easy-read")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    """The example leaflets, read as they are now, and a short leaflet of our own."""
    own = write_easy_read_leaflet(tmp_path_factory.mktemp("biopsy"))
    return {source.stem: source for source in [*EXAMPLE_LEAFLETS, own]}


@pytest.fixture(scope="module")
def books(sources, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("easy-read-epub")
    return {name: export(read(source), "epub", EASY_READ, out) for name, source in sources.items()}


@pytest.fixture(scope="module")
def findings(books, tmp_path_factory):
    """Both validators, run once on every book."""
    return validate_books(list(books.values()), tmp_path_factory.mktemp("validators"))


BOOK_NAMES = [*(source.stem for source in EXAMPLE_LEAFLETS), "biopsy"]


@pytest.mark.parametrize("name", BOOK_NAMES)
def test_epubcheck_reports_nothing(findings, books, name):
    found = findings[books[name]]["epubcheck"]
    assert found.problems == ()
    assert found.summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), found.summary


@pytest.mark.parametrize("name", BOOK_NAMES)
def test_ace_reports_no_violation_of_any_impact(findings, books, name):
    found = findings[books[name]]["ace"]
    assert found.problems == ()
    assert found.summary == "Ace outcome: pass, 0 violations"


# What a reader sees: rows of a picture, then its sentences --------------------------------


def expected_rows(source: Path) -> list[tuple[str, list[str]]]:
    """Every row of the edition in reading order, as (the picture's alt text, the lines beside it)."""
    edition = easy_read_edition(read(source))
    rows = [(edition.cover_picture.alt, [f"This is an easy read version of the leaflet {edition.title}."])]
    for section in edition.sections:
        for row in section.rows:
            lines = [plain_text(sentence) for sentence in row.sentences]
            rows.append((row.picture.alt, lines + [e.sentence for e in row.explanations]))
    rows += [(w.picture.alt, [w.entry.term, w.entry.explanation]) for w in edition.words]
    rows += [(c.picture.alt, [f"{c.label}: {c.value}"]) for c in edition.contact]
    return rows


def rows_of(book: Book) -> list[tuple[str, list[str]]]:
    """The rows of every content document, in spine order, checking each row's shape on the way."""
    found = []
    for href in book.spine():
        for row in book.document(href).iter(tag("div")):
            if row.get("class") != "row":
                continue
            picture, beside = list(row)
            assert (picture.get("class"), beside.get("class")) == ("row-picture", "row-words"), href
            (image,) = list(picture)
            assert image.tag == tag("img") and image.get("alt").strip(), href
            assert image.get("src") in book.hrefs(), image.get("src")
            lines = list(beside)
            assert lines and all(line.tag == tag("p") for line in lines), href
            found.append((image.get("alt"), [words(line) for line in lines]))
    return found


@pytest.mark.parametrize("name", BOOK_NAMES)
def test_every_row_is_a_picture_with_alt_text_then_its_sentences_in_order(books, sources, name):
    book = Book.open(books[name])
    assert rows_of(book) == expected_rows(sources[name])


def test_one_sentence_a_line_and_hard_words_explained_beside_them(books):
    book = Book.open(books["biopsy"])
    rows = rows_of(book)
    assert rows[1] == ("A doctor", ["A doctor will take a small biopsy.",
                                    "Biopsy means a small sample of tissue taken to look at."])  # fmt: skip
    assert rows[2] == (
        "A thermometer showing 38 degrees",
        ["Tell us if you feel hot.", "We may move your test."],
    )
    assert rows[3] == ("A hot meal", ["You can eat as normal."])  # a picture found by its words
    section = book.document("section-01.xhtml")
    assert [words(b) for b in section.iter(tag("strong"))] == ["hot"]
    explanation = book.document("title.xhtml").find(".//html:p[@class='explanation']", NS)
    assert words(explanation).startswith("Biopsy means")


def test_pictures_travel_in_the_book_each_once(books):
    book = Book.open(books["biopsy"])
    images = {
        item.get("href") for item in book.manifest().values() if item.get("media-type") == "image/svg+xml"
    }
    assert {"images/thermometer.svg", "images/doctor.svg", "images/hot-meal.svg", "images/calendar.svg",
            "images/book.svg", "images/cover.svg"} <= images  # fmt: skip
    sources = {image.get("src") for href in book.spine() for image in book.document(href).iter(tag("img"))}
    assert sources <= images


# What a reading system, a library and a reader are told ------------------------------------


def test_one_document_per_section_in_reading_order(books, sources):
    book = Book.open(books["biopsy"])
    assert book.spine() == [
        "cover.xhtml", "nav.xhtml", "title.xhtml", "section-01.xhtml", "section-02.xhtml",
        "glossary.xhtml", "contact.xhtml",
    ]  # fmt: skip
    headings = [words(book.document(href).find(".//html:h2", NS)) for href in book.spine()[3:]]
    assert headings == ["Before the test", "After the test", "Words we use", "Who to contact"]
    assert words(book.document("title.xhtml").find(".//html:h1", NS)) == "Having a biopsy"
    for name in BOOK_NAMES[:-1]:
        example = Book.open(books[name])
        edition = easy_read_edition(read(sources[name]))
        titles = [words(example.document(href).find(".//html:h2", NS)) for href in example.spine()[3:-2]]
        assert titles == [section.heading for section in edition.sections if section.heading]


def test_contents_and_landmarks_lead_to_each_part(books):
    book = Book.open(books["biopsy"])
    href, nav = book.nav()
    toc = nav.find(".//html:nav[@epub:type='toc']", NS)
    assert [(words(a), a.get("href")) for a in toc.iter(tag("a"))] == [
        ("Having a biopsy", "title.xhtml"), ("Before the test", "section-01.xhtml"),
        ("After the test", "section-02.xhtml"), ("Words we use", "glossary.xhtml"),
        ("Who to contact", "contact.xhtml"),
    ]  # fmt: skip
    landmarks = nav.find(".//html:nav[@epub:type='landmarks']", NS)
    assert {a.get(EPUB_TYPE): a.get("href") for a in landmarks.iter(tag("a"))} == {
        "toc": f"{href}#toc", "bodymatter": "title.xhtml", "glossary": "glossary.xhtml",
    }  # fmt: skip


def test_links_reach_their_targets_with_matching_roles(books):
    book = Book.open(books["biopsy"])
    term = book.document("title.xhtml").find(".//html:a[@class='term']", NS)
    assert term.get("href") == "glossary.xhtml#term-biopsy"
    assert term.get(EPUB_TYPE) == "glossref" and term.get("role") == "doc-glossref"
    link = next(a for a in book.document("section-01.xhtml").iter(tag("a")) if words(a) == "after the test")
    assert link.get("href") == "section-02.xhtml#after-the-test"
    glossary = book.document("glossary.xhtml").find(".//html:section", NS)
    assert glossary.get(EPUB_TYPE) == "glossary" and glossary.get("role") == "doc-glossary"
    ids = {href: {e.get("id") for e in book.document(href).iter() if e.get("id")} for href in book.spine()}
    for href in book.spine():
        for anchor in book.document(href).iter(tag("a")):
            target = anchor.get("href")
            if not re.match(r"^(https?|mailto|tel):", target):
                file_name, _, fragment = target.partition("#")
                assert file_name in ids and (not fragment or fragment in ids[file_name]), (href, target)


def test_accessibility_metadata_describes_the_easy_read_edition(books):
    book = Book.open(books["biopsy"])
    assert book.meta("schema:accessMode") == ["textual", "visual"]
    assert book.meta("schema:accessModeSufficient") == ["textual", "textual,visual"]
    assert "alternativeText" in book.meta("schema:accessibilityFeature")
    assert book.meta("schema:accessibilityHazard") == ["none"]
    assert book.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    summary = book.meta("schema:accessibilitySummary")[0]
    assert "This is the easy read edition" in summary
    assert "Every row of one or two sentences has a picture beside it" in summary
    assert "The cover and the 10 pictures in the text have text descriptions" in summary  # 1 + 5 rows + 1 + 3
    assert "explained beside the sentence that uses them" in summary
    assert "This easy read edition starts with larger text." in summary
    assert book.dc("description") == ["An easy read version of the leaflet Having a biopsy."]
    assert book.dc("title") == ["Having a biopsy"]


def test_each_edition_has_its_own_identifier(sources, books, tmp_path):
    standard = Book.open(export(read(sources["biopsy"]), "epub", layout_settings("standard"), tmp_path))
    assert Book.open(books["biopsy"]).dc("identifier") != standard.dc("identifier")


def test_same_source_gives_the_same_bytes(sources, books, tmp_path):
    again = export(read(sources["biopsy"]), "epub", EASY_READ, tmp_path)
    assert again.read_bytes() == books["biopsy"].read_bytes()


def test_stylesheet_starts_larger_and_lays_rows_out_in_relative_units(books):
    css = Book.open(books["biopsy"]).read("styles/leaflet.css").decode("utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert "html { font-size: 114%; }" in rules  # 16 pt against the standard 14 pt
    assert "line-height: 1.6;" in rules
    assert not re.search(r"\d(pt|px|cm|mm|in|pc)\b", rules)
    assert "italic" not in rules and "justify" not in rules
    assert re.search(r"\.row \{[^}]*display: flex; flex-wrap: wrap;", rules)
    # The reader's colours and font stay theirs; only the black pictures keep a white ground.
    colours = re.findall(
        r"([^{}]+)\{[^}]*(?<![-\w])(?:color|background[-\w]*|font-family)\s*:(?!\s*inherit)", rules
    )
    assert [selector.strip() for selector in colours] == [".row-picture img"]


# Refusals -------------------------------------------------------------------------------


def test_a_leaflet_without_easy_read_text_is_refused_before_anything_is_written(tmp_path):
    document = read(write_every_part(tmp_path / "every-part"))
    target = tmp_path / "every-part.easy-read.epub"
    with pytest.raises(SourceError) as refused:
        epub.write(document, EASY_READ, target)
    assert "'Before your test'" in refused.value.message and "'If you feel unwell'" in refused.value.message
    assert "draft-easy-read" in refused.value.hint
    assert not target.exists()
    with pytest.raises(SourceError):
        export(document, "epub", EASY_READ, tmp_path / "out")
    assert not [path for path in (tmp_path / "out").rglob("*") if path.is_file()]


def test_a_link_to_a_heading_the_easy_read_edition_lacks_is_refused_with_its_line(tmp_path):
    source = write_easy_read_leaflet(tmp_path)
    text = source.read_text(encoding="utf-8")
    text = text.replace(
        "Eat and drink as you normally would.", "Eat and drink.\n\n### What to bring\n\nA drink."
    )
    text = text.replace("(#after-the-test)", "(#what-to-bring)")
    source.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        export(read(source), "epub", EASY_READ, tmp_path / "out")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "#what-to-bring" in row)
    assert refused.value.line == line and "#what-to-bring" in refused.value.message


def test_the_html_and_pdf_pages_carry_no_epub_markup(sources):
    document = read(sources["biopsy"])
    for template, stylesheet in (("easy-read/page.html.j2", "easy-read/easy-read.css"),
                                 ("pdf/easy-read.html.j2", "pdf/easy-read.css")):  # fmt: skip
        page = render_easy_read(document, EASY_READ, template=template, stylesheet=stylesheet)
        assert "epub" not in page and "doc-chapter" not in page


def test_the_layout_must_mark_each_part(sources, tmp_path):
    """A restyled easy-read layout that drops the marks is told what the e-book needs."""
    layouts = tmp_path / "layouts"
    shutil.copytree(EASY_READ.layouts, layouts)
    body = layouts / "easy-read" / "body.html.j2"
    body.write_text(
        body.read_text(encoding="utf-8").replace("<!--epub-part:words-we-use-->", ""), encoding="utf-8"
    )
    settings = layout_settings("easy-read")
    custom = type(settings)(settings.variant, settings.font_size, settings.paper, layouts)
    with pytest.raises(SourceError) as refused:
        epub.write(read(sources["biopsy"]), custom, tmp_path / "book.epub")
    assert refused.value.source == body and "words-we-use" in refused.value.message
    assert not (tmp_path / "book.epub").exists()
