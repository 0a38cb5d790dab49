"""The Word edition: read back with python-docx, checked for accessibility, opened by LibreOffice."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from exporters.findings import Severity
from exporters.formats import docx as docx_exporter
from exporters.formats.docx.check import Looks, check_docx, contrast_ratio, paragraph_text
from exporters.model import Picture
from exporters.readers.leaflet import read
from exporters.variants import layout_settings

from .conftest import EXAMPLE_LEAFLETS, PROJECT_ROOT
from .docx_helpers import (
    body_paragraphs,
    convert_with_libreoffice,
    in_order,
    model_words,
    style_name,
    table_words,
    words,
    write_every_construct,
)

DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
SOMEONE_ELSE = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """Every leaflet we have, in both variants: name -> (document, .docx path)."""
    folder = tmp_path_factory.mktemp("docx")
    sources = {"every": write_every_construct(folder / "source"), "flu": SOMEONE_ELSE}
    sources.update({path.stem: path for path in EXAMPLE_LEAFLETS})
    files = {}
    for name, source in sources.items():
        document = read(source)
        for variant in ("large-print", "standard"):
            target = folder / f"{name}.{variant}.docx"
            docx_exporter.write(document, layout_settings(variant), target)
            files[f"{name}.{variant}"] = (document, target)
    return files


@pytest.fixture(scope="module")
def every(built):
    document, path = built["every.large-print"]
    return document, path, docx.Document(str(path))


def test_every_file_passes_the_word_accessibility_check(built):
    for name, (_, path) in built.items():
        assert check_docx(path) == [], name


def test_headings_use_the_built_in_styles_in_order(every):
    document, _, word = every
    looks = Looks(word)
    headings = [(style_name(word, p), paragraph_text(p)) for p in body_paragraphs(word)
                if style_name(word, p) == "Title" or looks.outline_level(p)]
    assert headings[0] == ("Title", "Looking after your central line")
    assert ("Heading 1", "Keeping it clean") in headings
    assert ("Heading 2", "When to phone us") in headings
    assert ("Heading 3", "The phone line") in headings
    assert [text for style, text in headings if style == "Heading 1"][-5:] == [
        "Words we use", "Where our information comes from", "About this leaflet", "Who to contact",
        "Dates of this leaflet"]
    outline = word.styles["Heading 1"].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    assert outline.get(qn("w:val")) == "0"


def _numbering(paragraph) -> tuple[int, int] | None:
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if found is None:
        return None
    return int(found.find(qn("w:numId")).get(qn("w:val"))), int(found.find(qn("w:ilvl")).get(qn("w:val")))


def test_lists_are_real_numbered_lists_with_nesting(every):
    _, _, word = every
    items = {paragraph_text(p): (_numbering(p), style_name(word, p)) for p in body_paragraphs(word)}
    bullets, _ = items["Wash your hands first."]
    nested_bullet, nested_style = items["is it dry?"]
    first_number, number_style = items["Get a clean dressing."]
    nested_number, _ = items["Do not touch the place the line goes in."]
    assert nested_bullet == (bullets[0], 1) and nested_style == "List Bullet 2"
    assert number_style == "List Number" and first_number[1] == 0 and nested_number[1] == 1
    assert items["Put it in the bin."] == (None, "List Continue")
    numbering = word.part.numbering_part.element
    definitions = {int(a.get(qn("w:abstractNumId"))): a for a in numbering.findall(qn("w:abstractNum"))}
    instances = {int(n.get(qn("w:numId"))): n for n in numbering.findall(qn("w:num"))}

    def level_format(number_id: int, level: int) -> str:
        abstract = int(instances[number_id].find(qn("w:abstractNumId")).get(qn("w:val")))
        levels = definitions[abstract].findall(qn("w:lvl"))
        return levels[level].find(qn("w:numFmt")).get(qn("w:val"))

    assert level_format(*bullets) == "bullet" and level_format(*first_number) == "decimal"
    assert level_format(*nested_number) == "lowerLetter"
    start = instances[first_number[0]].find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert start.get(qn("w:val")) == "3"
    assert nested_number[0] not in (first_number[0], bullets[0])


def test_pictures_are_inline_with_their_description(every):
    document, path, word = every
    pictures = [p for p in document.pictures if isinstance(p, Picture)]
    body = word.element.body
    assert list(body.iter(f"{{{DRAWING}}}anchor")) == []
    described = [d for d in body.iter(f"{{{DRAWING}}}docPr")]
    assert [d.get("descr") for d in described] == [p.alt for p in pictures]
    assert all(d.get("title") is None for d in described)
    decorative = described[2].find(".//{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative")
    assert decorative is not None and decorative.get("val") == "1"
    assert len(word.inline_shapes) == len(pictures)
    with zipfile.ZipFile(path) as package:
        svgs = [name for name in package.namelist() if name.endswith(".svg")]
        assert len(svgs) == 1
        assert package.read(svgs[0]) == pictures[0].path.read_bytes()
    svg_blips = list(body.iter("{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"))
    assert len(svg_blips) == 2


def test_tables_have_a_repeating_header_row_and_no_merged_cells(every):
    _, _, word = every
    assert len(word.tables) == 2
    for table in word.tables:
        first_row = table.rows[0]._tr
        assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert not list(table._tbl.iter(qn("w:gridSpan"))) and not list(table._tbl.iter(qn("w:vMerge")))
        assert all(p.style.name == "Table Heading" for cell in table.rows[0].cells for p in cell.paragraphs)
    assert [c.text for c in word.tables[0].rows[0].cells] == ["What happens", "What to do"]
    assert [c.text for c in word.tables[0].rows[2].cells] == ["You feel hot", "Phone us"]


def test_text_after_a_table_keeps_a_space_below_it(make_leaflet, tmp_path):
    """A Word table has no space after it: the paragraph that follows carries it, as much as the
    space between two paragraphs, and a heading keeps its own larger space."""
    body = ("# Test\n\n| Feeling | What to do |\n| --- | --- |\n| Sore | Rest |\n\nRest for a day.\n\n"
            "| Feeling | What to do |\n| --- | --- |\n| Hot | Phone us |\n\n## Next\n\nMore words.\n")
    target = tmp_path / "tables.docx"
    docx_exporter.write(read(make_leaflet(body)), layout_settings("large-print"), target)
    word = docx.Document(str(target))
    after = [table._tbl.getnext() for table in word.tables]
    paragraph, heading = (docx.text.paragraph.Paragraph(element, word) for element in after)
    normal = word.styles["Normal"].paragraph_format.space_after
    assert paragraph.text == "Rest for a day." and paragraph.paragraph_format.space_before == normal
    assert heading.style.name == "Heading 1" and heading.paragraph_format.space_before is None
    assert heading.style.paragraph_format.space_before > normal


def test_glossary_is_a_two_column_table_after_its_heading(every):
    _, _, word = every
    glossary = word.tables[1]
    assert [c.text for c in glossary.rows[0].cells] == ["Word", "What it means"]
    assert glossary.rows[1].cells[0].text == "dressing"
    heading = glossary._tbl.getprevious()
    assert paragraph_text(heading) == "Words we use" and style_name(word, heading) == "Heading 1"


def test_links_are_real_hyperlinks_with_their_text(every):
    _, _, word = every
    links = {h.text: h for p in word.paragraphs for h in p.hyperlinks}
    assert links["NHS website"].address == "https://www.nhs.uk/conditions/"
    assert links["01632 960 300"].address == "tel:01632960300"
    assert links["lines@example.org"].address == "mailto:lines@example.org"
    assert links["https://www.nhs.uk/"].address == "https://www.nhs.uk/"
    inside = links["Keeping it clean"]
    bookmarks = {b.get(qn("w:name")) for b in word.element.body.iter(qn("w:bookmarkStart"))}
    assert inside.fragment in bookmarks
    assert links["dressing"].fragment in bookmarks


def test_important_points_are_boxed_with_a_word_label(every):
    _, _, word = every
    texts = [(paragraph_text(p), style_name(word, p)) for p in body_paragraphs(word)]
    label = texts.index(("Important", "Important Label"))
    assert texts[label + 1] == ("Phone us straight away if:", "Important Text")
    for name in ("Important Label", "Important Text"):
        assert word.styles[name].element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None


def test_footer_says_page_n_of_m_with_fields_at_body_size(built):
    for name, (_, path) in built.items():
        word = docx.Document(str(path))
        footer = word.sections[0].footer.paragraphs[0]._p
        instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"], name
        size = word.styles["Footer"].font.size.pt
        assert size == layout_settings(name.split(".")[1]).font_size


def test_document_properties_come_from_the_front_matter(every):
    document, _, word = every
    properties = word.core_properties
    assert properties.title == "Looking after your central line"
    assert properties.subject == document.meta.summary
    assert properties.author == "Northfield Line Service"
    assert properties.language == "en-GB"
    assert "patient information" in properties.keywords and "dressing" in properties.keywords
    assert properties.created == datetime(2026, 4, 15, tzinfo=UTC)
    assert properties.modified == datetime(2026, 5, 2, tzinfo=UTC)
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert word.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == "en-GB"


def test_every_run_is_at_least_the_body_size_in_a_clear_font(built):
    for name, (_, path) in built.items():
        word = docx.Document(str(path))
        body_size = layout_settings(name.split(".")[1]).font_size
        looks = Looks(word)
        paragraphs = body_paragraphs(word) + list(word.sections[0].footer._element.iter(qn("w:p")))
        for paragraph in paragraphs:
            for run in paragraph.iter(qn("w:r")):
                look = looks.run(paragraph, run)
                assert look.size >= body_size, (name, paragraph_text(paragraph))
                assert not look.italic, (name, paragraph_text(paragraph))
                assert contrast_ratio(look.colour, "FFFFFF") >= 4.5
        normal = word.styles["Normal"]
        assert normal.font.name == "Arial" and normal.font.size.pt == body_size
        assert normal.paragraph_format.line_spacing >= 1.5
        assert normal.paragraph_format.space_after.pt > 0


def test_font_size_option_scales_every_style(every, tmp_path):
    document, _, _ = every
    target = tmp_path / "bigger.docx"
    docx_exporter.write(document, layout_settings("large-print", font_size=22), target)
    word = docx.Document(str(target))
    assert word.styles["Normal"].font.size.pt == 22
    assert word.styles["Heading 1"].font.size.pt > 22 and word.styles["Heading 1"].font.bold
    assert word.styles["Footer"].font.size.pt == 22


def test_only_links_are_underlined_and_no_text_is_blank_space(every):
    _, _, word = every
    looks = Looks(word)
    for paragraph in body_paragraphs(word):
        assert paragraph_text(paragraph).strip() or list(paragraph.iter(qn("w:drawing")))
        for run in paragraph.iter(qn("w:r")):
            if looks.run(paragraph, run).underline:
                assert run.getparent().tag == qn("w:hyperlink"), paragraph_text(paragraph)


def test_text_is_in_the_order_of_the_source(built):
    for name, (document, path) in built.items():
        found = words(" ".join(paragraph_text(p) for p in body_paragraphs(docx.Document(str(path)))))
        assert in_order(model_words(document), found) == [], name
        assert set(table_words(document)) <= set(found), name


@pytest.mark.parametrize("paper, width_cm", [("a4", 21.0), ("a5", 14.8), ("letter", 21.59)])
def test_paper_size_follows_the_settings(every, tmp_path, paper, width_cm):
    document, _, _ = every
    target = tmp_path / f"{paper}.docx"
    docx_exporter.write(document, layout_settings("standard", paper=paper), target)
    word = docx.Document(str(target))
    section = word.sections[0]
    assert section.page_width.cm == pytest.approx(width_cm, abs=0.01)
    text_width = section.page_width - section.left_margin - section.right_margin
    assert all(shape.width <= text_width for shape in word.inline_shapes)


def test_same_source_gives_the_same_bytes(every, tmp_path):
    document, path, _ = every
    again = tmp_path / "again.docx"
    docx_exporter.write(document, layout_settings("large-print"), again)
    assert again.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(again) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2026, 5, 2, 0, 0, 0)}


def test_check_reports_what_word_would(tmp_path):
    """A document with every problem: the check names each by its rule."""
    word = docx.Document()
    word.add_paragraph("Some text")
    word.add_paragraph("")
    word.add_paragraph("")
    word.add_paragraph("More text")
    word.add_heading("A heading that skips a level", 2)
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1))
    styles = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    styles.remove(styles.find(qn("w:lang")))
    target = tmp_path / "problems.docx"
    word.save(target)
    rules = {(f.rule, f.severity) for f in check_docx(target)}
    assert rules >= {
        ("docx-title", Severity.ERROR), ("docx-language", Severity.ERROR),
        ("docx-heading-order", Severity.WARNING), ("docx-table-header", Severity.ERROR),
        ("docx-merged-cells", Severity.WARNING), ("docx-blank-paragraphs", Severity.WARNING),
        ("docx-contrast", Severity.WARNING),
    }


def test_check_reports_pictures_without_alt_text_and_floating(every, tmp_path):
    _, path, _ = every
    word = docx.Document(str(path))
    described = list(word.element.body.iter(f"{{{DRAWING}}}docPr"))
    described[0].set("descr", "")
    described[1].set("descr", "dressing.png")
    inline = next(word.element.body.iter(f"{{{DRAWING}}}inline"))
    inline.tag = f"{{{DRAWING}}}anchor"
    for paragraph in body_paragraphs(word):
        if style_name(word, paragraph).startswith("Heading"):
            paragraph.find(qn("w:pPr")).find(qn("w:pStyle")).set(qn("w:val"), "Normal")
    target = tmp_path / "edited.docx"
    word.save(target)
    findings = check_docx(target)
    assert [f.rule for f in findings if f.rule == "docx-alt-text"] == ["docx-alt-text"] * 2
    assert "dressing.png" in findings[[f.rule for f in findings].index("docx-alt-text") + 1].message
    assert "docx-floating-object" in {f.rule for f in findings}
    assert "docx-heading-styles" in {f.rule for f in findings}


@pytest.fixture(scope="module")
def converted(built, tmp_path_factory) -> dict[str, Path]:
    """The large-print files converted to PDF by LibreOffice, as a reader's word processor would."""
    folder = tmp_path_factory.mktemp("libreoffice")
    names = [name for name in built if name.endswith("large-print")]
    convert_with_libreoffice([built[name][1] for name in names], folder)
    return {name: folder / f"{name}.pdf" for name in names}


def test_libreoffice_opens_it_and_the_pdf_reads_like_the_source(built, converted):
    for name, pdf in converted.items():
        assert pdf.is_file(), f"LibreOffice did not convert {name}"
        document = built[name][0]
        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
            text = "\n".join(page.extract_text() or "" for page in opened.pages)
            sizes = [char["size"] for page in opened.pages for char in page.chars if char["text"].strip()]
        assert in_order(model_words(document), words(text)) == [], name
        assert set(table_words(document)) <= set(words(text)), name
        assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
        assert min(sizes) >= layout_settings("large-print").font_size - 0.5, name
