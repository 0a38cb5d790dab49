"""The easy-read Word edition: rows of a described picture beside short sentences, read back."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from exporters.editions.easy_read import easy_read_edition, split_sentences
from exporters.errors import SourceError
from exporters.formats import docx as docx_exporter
from exporters.formats.docx.check import LAYOUT_TABLE, Looks, check_docx, contrast_ratio, paragraph_text
from exporters.model import Abbreviation, Inline, LineBreak, Strong, Text, plain_text, walk_inlines
from exporters.readers.leaflet import read
from exporters.variants import layout_settings

from .conftest import EXAMPLE_LEAFLETS, MINIMAL_FRONT_MATTER, write_leaflet
from .docx_helpers import body_paragraphs, convert_with_libreoffice, style_name

DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MOST_WORDS = 15  # a sentence of easy read has 15 words at most
MOST_PAGES = 24
BIGGER = 24  # a larger body size a reader may ask for
ZERO_WIDTH_SPACE = "\u200b"  # where an address may break: not seen, not read

SMALL_LEAFLET = """\
    We have written this leaflet to help you get ready for your test.

    ::: easy-read
    - ![A doctor](icon:doctor) We will do a test on your blood.
    :::

    ## Before the test

    You can eat and drink as normal before your biopsy.

    ::: easy-read
    - ![A doctor](icon:doctor) A doctor will do a biopsy. It takes a few minutes.
    - ![A telephone](icon:phone) Phone us **straight away** if you feel hot.
    :::

    ## After the test

    Keep the plaster dry for a day.

    ::: easy-read
    - ![A plaster](icon:bandage_adhesive) Keep the plaster dry for one day.
    :::
    """
SMALL_FRONT_MATTER = MINIMAL_FRONT_MATTER + (
    "glossary:\n  biopsy: A small sample of tissue taken to look at.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """The example leaflets and a small one as easy read: name -> (document, .docx path)."""
    folder = tmp_path_factory.mktemp("docx-easy-read")
    sources = {"small": write_leaflet(folder, SMALL_LEAFLET, SMALL_FRONT_MATTER)}
    sources.update({path.stem: path for path in EXAMPLE_LEAFLETS})
    files = {}
    for name, source in sources.items():
        document = read(source)
        target = folder / f"{name}.easy-read.docx"
        docx_exporter.write_easy_read(document, layout_settings("easy-read"), target)
        files[name] = (document, target)
    return files


@pytest.fixture(scope="module")
def small(built):
    document, path = built["small"]
    return document, path, docx.Document(str(path))


def shown_text(inlines: tuple[Inline, ...]) -> str:
    """The words a reader sees: an abbreviation is spelled out at its first use, as the exporter does."""
    parts = []
    for inline in inlines:
        if isinstance(inline, Abbreviation) and inline.first_use:
            parts.append(f"{inline.expansion} ({inline.text})")
        elif isinstance(inline, LineBreak):
            parts.append(" ")
        elif hasattr(inline, "children"):
            parts.append(shown_text(inline.children))
        else:
            parts.append(inline.text)
    return "".join(parts)


def expected_rows(document) -> list[tuple[str, list[str]]]:
    """Each row of the edition as (the picture's alt text, the paragraphs beside it), in order."""
    edition = easy_read_edition(document)
    rows = [(edition.cover_picture.alt, [f"This is an easy read version of the leaflet {edition.title}."])]
    for row in (row for section in edition.sections for row in section.rows):
        lines = [shown_text(s) for s in row.sentences] + [e.sentence for e in row.explanations]
        rows.append((row.picture.alt, lines))
    rows += [(word.picture.alt, [word.entry.term, word.entry.explanation]) for word in edition.words]
    rows += [(contact.picture.alt, [f"{contact.label}: {contact.value}"]) for contact in edition.contact]
    return rows


def cell_paragraphs(word) -> list:
    """Every paragraph in the tables, row by row, the left cell first."""
    return [p for table in word.tables for cell in table._cells for p in cell.paragraphs]


def found_rows(word) -> list[tuple[str, list[str]]]:
    """Each table row as (the left cell's picture description, the right cell's paragraphs)."""
    rows = []
    for table in word.tables:
        for row in table.rows:
            picture_cell, words_cell = row.cells
            [inline] = picture_cell._tc.iter(f"{{{DRAWING}}}inline")
            description = inline.find(f"{{{DRAWING}}}docPr").get("descr")
            assert not list(words_cell._tc.iter(qn("w:drawing")))
            lines = [paragraph_text(p._p).replace(ZERO_WIDTH_SPACE, "") for p in words_cell.paragraphs]
            rows.append((description, lines))
    return rows


def test_every_row_is_a_picture_with_alt_text_beside_its_sentences(built):
    for name, (document, path) in built.items():
        word = docx.Document(str(path))
        assert list(word.element.body.iter(f"{{{DRAWING}}}anchor")) == [], name
        for table in word.tables:
            assert len(table.columns) == 2 and all(len(row.cells) == 2 for row in table.rows), name
        rows = found_rows(word)
        assert all(alt and alt.strip() for alt, _ in rows), name
        assert rows == expected_rows(document), name


def test_layout_tables_are_marked_borderless_and_have_no_header_row(built):
    for name, (_, path) in built.items():
        word = docx.Document(str(path))
        for table in word.tables:
            properties = table._tbl.tblPr
            assert properties.find(qn("w:tblCaption")).get(qn("w:val")) == LAYOUT_TABLE, name
            assert properties.find(qn("w:tblDescription")).get(qn("w:val")), name
            assert not list(table._tbl.iter(qn("w:tblHeader"))), name
            assert table._tbl.tblPr.find(qn("w:tblStyle")) is None
            borders = properties.find(qn("w:tblBorders"))
            assert {side.get(qn("w:val")) for side in borders} == {"nil"}, name
            assert not list(table._tbl.iter(qn("w:tcBorders"))), name
            assert all(row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in table.rows)


def test_pictures_are_about_four_centimetres_on_the_left(small):
    _, _, word = small
    for shape in word.inline_shapes:
        assert shape.width == Cm(4.0)
    for table in word.tables:
        picture_width, words_width = (column.width for column in table.columns)
        assert Cm(4.0) < picture_width < Cm(5.5) < words_width


def test_the_edition_reads_cover_sections_words_then_contact(small):
    _, _, word = small
    looks = Looks(word)
    headings = [(style_name(word, p), paragraph_text(p)) for p in body_paragraphs(word)
                if style_name(word, p) == "Title" or looks.outline_level(p)]
    assert headings == [("Title", "Having a blood test"), ("Heading 1", "Before the test"),
                        ("Heading 1", "After the test"), ("Heading 1", "Words we use"),
                        ("Heading 1", "Who to contact")]
    breaks = [p.paragraph_format.page_break_before for p in word.paragraphs if p.style.name == "Heading 1"]
    assert breaks == [True, None, None, None], "only the cover stands on a page of its own"
    cover, opening = found_rows(word)[:2]
    assert cover == ("A leaflet", ["This is an easy read version of the leaflet Having a blood test."])
    assert opening == ("A doctor", ["We will do a test on your blood."])
    closing = [p.text for p in word.paragraphs[-3:]]
    assert closing[0] == "You can ask us for this leaflet in another format."
    assert closing[1] == "We will check this leaflet again by 1 October 2028."
    assert closing[2].startswith("Pictures from Health Icons")


def test_a_hard_word_is_explained_after_the_sentences_and_links_to_words_we_use(small):
    _, _, word = small
    rows = found_rows(word)
    assert ("A doctor", ["A doctor will do a biopsy.", "It takes a few minutes.",
                         "Biopsy means a small sample of tissue taken to look at."]) in rows
    explanation = next(p for p in cell_paragraphs(word) if p.text.startswith("Biopsy means"))
    assert explanation.style.name == "Easy Explanation"
    links = {h.text: h for p in cell_paragraphs(word) for h in p.hyperlinks}
    bookmarks = {b.get(qn("w:name")): b for b in word.element.body.iter(qn("w:bookmarkStart"))}
    target = bookmarks[links["biopsy"].fragment]
    assert paragraph_text(target.getparent()) == "biopsy"


def test_bold_is_only_for_headings_listed_words_and_the_key_words_the_author_marked(built):
    for name, (document, path) in built.items():
        word = docx.Document(str(path))
        looks = Looks(word)
        marked = " ".join(plain_text(i.children) for s in document.sections for block in s.easy_read
                          for row in block.rows for i in walk_inlines(row.content) if isinstance(i, Strong))
        bold_in_sentences = []
        for paragraph in body_paragraphs(word):
            style = style_name(word, paragraph)
            for run in paragraph.iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t")))
                if text.strip() and looks.run(paragraph, run).bold and style in ("Easy Sentence", "Normal"):
                    bold_in_sentences.append(text)
                elif style in ("Easy Sentence", "Easy Explanation", "Normal", "Footer"):
                    assert not looks.run(paragraph, run).bold, (name, text)
        assert " ".join(bold_in_sentences).split() == marked.split(), name
    _, path = built["small"]
    word = docx.Document(str(path))
    strong = [r.text for p in cell_paragraphs(word) for r in p.runs if r.style.name == "Strong"]
    assert strong == ["straight away"]


def test_every_run_is_at_least_the_body_size_with_no_hyphenation(built, tmp_path):
    document, _ = built["small"]
    bigger = tmp_path / "bigger.docx"
    docx_exporter.write_easy_read(document, layout_settings("easy-read", font_size=BIGGER), bigger)
    body_size = layout_settings("easy-read").font_size
    files = [(path, body_size) for _, path in built.values()] + [(bigger, BIGGER)]
    for path, body_size in files:
        word = docx.Document(str(path))
        looks = Looks(word)
        assert word.styles["Normal"].font.size.pt == body_size and word.styles["Normal"].font.name == "Arial"
        footer = list(word.sections[0].footer._element.iter(qn("w:p")))
        for paragraph in body_paragraphs(word) + footer:
            for run in paragraph.iter(qn("w:r")):
                look = looks.run(paragraph, run)
                assert look.size >= body_size, (path.name, paragraph_text(paragraph))
                assert not look.italic and contrast_ratio(look.colour, "FFFFFF") >= 4.5
        for name in {style_name(word, p) for p in body_paragraphs(word)}:
            properties = word.styles[name].element.find(qn("w:pPr"))
            assert properties.find(qn("w:suppressAutoHyphens")) is not None, name
        hyphenation = word.settings.element.find(qn("w:autoHyphenation"))
        assert hyphenation is None or hyphenation.get(qn("w:val")) in ("0", "false", "off")
        assert word.styles["Easy Sentence"].paragraph_format.line_spacing >= 1.5


def test_one_short_sentence_a_line_in_the_example_leaflets(built):
    examples = [name for name in built if name != "small"]
    assert examples, "the example leaflets are missing from source/"
    for name in examples:
        word = docx.Document(str(built[name][1]))
        sentences = [p.text for p in cell_paragraphs(word) if p.style.name == "Easy Sentence"]
        assert len(sentences) >= 10, name
        for sentence in sentences:
            assert len(re.findall(r"[\w'’-]+", sentence)) <= MOST_WORDS, (name, sentence)
            assert len(split_sentences((Text(sentence),))) == 1, (name, sentence)


def test_the_word_accessibility_check_finds_nothing(built):
    for name, (_, path) in built.items():
        assert check_docx(path) == [], name


@pytest.mark.parametrize("caption", [None, "Layout", "layout table", "Layout table of contents"])
def test_the_check_asks_for_a_header_row_unless_the_exact_layout_mark_is_there(small, tmp_path, caption):
    _, path, _ = small
    word = docx.Document(str(path))
    table = word.tables[0]._tbl
    mark = table.tblPr.find(qn("w:tblCaption"))
    if caption is None:
        table.tblPr.remove(mark)
    else:
        mark.set(qn("w:val"), caption)
    target = tmp_path / "edited.docx"
    word.save(target)
    findings = [f for f in check_docx(target) if f.rule == "docx-table-header"]
    first_paragraph = next(table.iter(qn("w:p")))
    assert [f.line for f in findings] == [body_paragraphs(word).index(first_paragraph) + 1]


def test_same_source_gives_the_same_bytes(small, tmp_path):
    document, path, _ = small
    again = tmp_path / "again.docx"
    docx_exporter.write_easy_read(document, layout_settings("easy-read"), again)
    assert again.read_bytes() == path.read_bytes()


def test_a_leaflet_without_easy_read_text_is_refused_naming_the_sections(make_leaflet, tmp_path):
    source = make_leaflet("## Before\n\nText.\n\n## After\n\nMore.\n\n::: easy-read\n- A row.\n:::\n"
                          "\n## Results\n\nLater.\n")
    target = tmp_path / "refused.docx"
    with pytest.raises(SourceError) as caught:
        docx_exporter.write_easy_read(read(source), layout_settings("easy-read"), target)
    message = caught.value.message
    assert "'Before'" in message and "'Results'" in message and "'After'" not in message
    assert "easy-read" in caught.value.hint
    assert not target.exists()


@pytest.fixture(scope="module")
def converted(built, tmp_path_factory) -> dict[str, Path]:
    """The example leaflets' easy-read files converted to PDF by LibreOffice."""
    folder = tmp_path_factory.mktemp("libreoffice-easy-read")
    names = [name for name in built if name != "small"]
    convert_with_libreoffice([built[name][1] for name in names], folder)
    return {name: folder / f"{name}.easy-read.pdf" for name in names}


def test_libreoffice_lays_out_the_example_leaflets_in_24_pages_or_fewer(built, converted):
    for name, pdf in converted.items():
        assert pdf.is_file(), f"LibreOffice did not convert {name}"
        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
            text = " ".join(" ".join((page.extract_text() or "").split()) for page in opened.pages)
            sizes = [char["size"] for page in opened.pages for char in page.chars if char["text"].strip()]
        assert pages <= MOST_PAGES, (name, pages)
        assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
        assert min(sizes) >= layout_settings("easy-read").font_size - 0.5, name
        words = re.findall(r"\w+", text)
        for _, lines in expected_rows(built[name][0]):
            for line in lines:
                assert " ".join(re.findall(r"\w+", line)) in " ".join(words), (name, line)


def test_an_address_may_break_after_its_at_sign_and_still_links_to_the_whole_address(built):
    with_email = [(document, path) for document, path in built.values()
                  if document.meta.organisation and document.meta.organisation.email]
    assert with_email, "no leaflet gives an email address"
    for document, path in with_email:
        email = document.meta.organisation.email
        links = {h.text: h for p in cell_paragraphs(docx.Document(str(path))) for h in p.hyperlinks}
        user, domain = email.split("@")
        link = links[f"{user}@{ZERO_WIDTH_SPACE}{domain}"]
        assert link.address == f"mailto:{email}"
