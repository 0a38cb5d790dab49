"""Word files with the weak points of every converter, built here with python-docx, imported.

Each test looks at what an officer would see: the leaflet that was written (read back by the
leaflet reader) and the lines of the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from exporters.importer import ImportReport, import_word
from exporters.model import (
    Document,
    Heading,
    Important,
    Link,
    ListBlock,
    Paragraph,
    Picture,
    Table,
    plain_text,
    walk_blocks,
    walk_inlines,
)
from exporters.readers.leaflet import read
from exporters.readers.word import Sure

from .word_fixtures import (
    add_field_link,
    add_footnote_reference,
    add_footnotes,
    add_picture,
    add_shape,
    add_text_box,
    bold_paragraph,
    box,
    merged_table,
    own_heading_style,
    weak_points_document,
)


def imported(tmp_path: Path, word, name: str = "leaflet.docx") -> tuple[ImportReport, Document, str]:
    """Save the Word document, import it into tmp_path/source and read the leaflet back."""
    source = tmp_path / "word" / name
    source.parent.mkdir(exist_ok=True)
    word.save(source)
    report = import_word(source, tmp_path / "source")
    return report, read(report.leaflet), report.leaflet.read_text(encoding="utf-8")


def blocks(document: Document) -> list:
    return [nested for section in document.sections for block in section.blocks for nested in walk_blocks(block)]


def headings(document: Document) -> list[tuple[int, str]]:
    found = [(1, plain_text(document.title.content))]
    return found + [(b.level, plain_text(b.content)) for s in document.sections
                    for b in ([s.heading] if s.heading else []) + blocks_in(s) if isinstance(b, Heading)]  # fmt: skip


def blocks_in(section) -> list:
    return [nested for block in section.blocks for nested in walk_blocks(block)]


def guesses(report: ImportReport) -> dict[str, Sure]:
    return {guess.what: guess.sure for guess in report.guessed}


def new_document(title: str = "Having an echo scan"):
    word = docx.Document()
    word.add_paragraph(title, style="Title")
    return word


def test_the_title_style_is_the_title_and_word_headings_are_sections(tmp_path):
    word = new_document()
    word.add_paragraph("An echo is a scan of your heart.")
    word.add_heading("Before the scan", level=1)
    word.add_paragraph("Eat and drink as normal.")
    word.add_heading("What to bring", level=2)
    word.add_paragraph("Bring your glasses.")
    report, document, text = imported(tmp_path, word)
    assert headings(document) == [(1, "Having an echo scan"), (2, "Before the scan"), (3, "What to bring")]
    assert document.meta.title == "Having an echo scan" and document.meta.slug == "having-an-echo-scan"
    assert report.leaflet.name == "having-an-echo-scan.md"
    assert "# Having an echo scan\n" in text and "## Before the scan\n" in text and "### What to bring\n" in text
    assert guesses(report)["The title 'Having an echo scan', from the Title style."] is Sure.SURE


def test_a_single_heading_1_at_the_start_is_the_title(tmp_path):
    word = docx.Document()
    word.add_heading("Having an echo scan", level=1)
    word.add_paragraph("An echo is a scan of your heart.")
    word.add_heading("Before the scan", level=2)
    word.add_paragraph("Eat and drink as normal.")
    report, document, _ = imported(tmp_path, word)
    assert headings(document) == [(1, "Having an echo scan"), (2, "Before the scan")]
    assert any("only Heading 1" in guess.what for guess in report.guessed)


def test_a_trusts_own_heading_style_is_a_heading_by_its_outline_level(tmp_path):
    word = new_document()
    style = own_heading_style(word)
    word.add_paragraph("What happens", style=style)
    word.add_paragraph("A nurse puts stickers on your chest.")
    _, document, _ = imported(tmp_path, word)
    assert headings(document)[1] == (2, "What happens")


def test_list_number_2_is_a_nested_list(tmp_path):
    word = new_document()
    word.add_paragraph("Bring a list of your medicines.", style="List Number")
    word.add_paragraph("Tell us if you have:", style="List Number")
    word.add_paragraph("a pacemaker", style="List Number 2")
    word.add_paragraph("an allergy to plasters", style="List Number 2")
    word.add_paragraph("Wear a loose top.", style="List Number")
    word.add_paragraph("Some people feel:", style="List Bullet")
    word.add_paragraph("cold from the gel", style="List Bullet 2")
    _, document, text = imported(tmp_path, word)
    lists = [b for b in document.sections[0].blocks if isinstance(b, ListBlock)]
    assert [(lst.ordered, len(lst.items)) for lst in lists] == [(True, 3), (False, 1)]
    nested = lists[0].items[1].blocks[1]
    assert isinstance(nested, ListBlock) and nested.ordered
    assert [plain_text(item.blocks[0].content) for item in nested.items] == ["a pacemaker", "an allergy to plasters"]
    assert isinstance(lists[1].items[0].blocks[1], ListBlock) and not lists[1].items[0].blocks[1].ordered
    assert "2. Tell us if you have:\n   1. a pacemaker\n   2. an allergy to plasters\n3. Wear" in text


def test_bullets_and_numbers_typed_by_hand_become_real_lists(tmp_path):
    word = new_document()
    word.add_paragraph("\u2022\tYou can eat and drink as normal.")
    word.add_paragraph("\u2022\tYou can take your usual tablets.")
    word.add_paragraph("- Leave jewellery at home.")
    word.add_paragraph("Then:")
    word.add_paragraph("1. Sit on the bed.")
    word.add_paragraph("2. Lie on your left side.")
    word.add_paragraph("3. Breathe out when we ask.")
    word.add_paragraph("4. That is all.")
    report, document, _ = imported(tmp_path, word)
    lists = [b for b in document.sections[0].blocks if isinstance(b, ListBlock)]
    assert [(lst.ordered, [plain_text(i.blocks[0].content) for i in lst.items]) for lst in lists] == [
        (False, ["You can eat and drink as normal.", "You can take your usual tablets.", "Leave jewellery at home."]),
        (True, ["Sit on the bed.", "Lie on your left side.", "Breathe out when we ask.", "That is all."]),
    ]
    assert any("typed by hand" in guess.what for guess in report.guessed)


def test_one_paragraph_starting_with_a_number_stays_a_sentence(tmp_path):
    word = new_document()
    word.add_paragraph("2 nurses will look after you.")
    word.add_paragraph("1. Most people go home the same day.")
    word.add_paragraph("Ask us if you are not sure.")
    _, document, text = imported(tmp_path, word)
    assert not [b for b in blocks(document) if isinstance(b, ListBlock)]
    assert "1\\. Most people go home the same day." in text


def test_a_short_bold_paragraph_is_a_heading_one_level_down(tmp_path):
    word = new_document()
    word.add_heading("On the day", level=1)
    bold_paragraph(word, "What happens during the scan")
    word.add_paragraph("A physiologist puts gel on your chest.")
    bold_paragraph(word, "This sentence is all in bold because it matters a lot to you.")
    word.add_paragraph("It does not become a heading, because it ends with a full stop.")
    report, document, _ = imported(tmp_path, word)
    assert headings(document) == [(1, "Having an echo scan"), (2, "On the day"), (3, "What happens during the scan")]
    assert any("short bold line" in g.what and g.sure is Sure.FAIRLY for g in report.guessed)


def test_a_table_without_a_header_row_gets_its_first_row_as_header_and_is_reported(tmp_path):
    word = new_document()
    table = word.add_table(rows=3, cols=2)
    for row, (part, time) in enumerate([("Part", "Time"), ("Getting ready", "5 minutes"), ("The scan", "30 minutes")]):
        table.cell(row, 0).text, table.cell(row, 1).text = part, time
    report, document, text = imported(tmp_path, word)
    (found,) = [b for b in blocks(document) if isinstance(b, Table)]
    assert [plain_text(c.content) for c in found.header] == ["Part", "Time"]
    assert [[plain_text(c.content) for c in row] for row in found.rows] == [["Getting ready", "5 minutes"],
                                                                             ["The scan", "30 minutes"]]
    assert "| Part | Time |\n| --- | --- |\n| Getting ready | 5 minutes |" in text
    assert guesses(report)["Table 1 had no header row: its first row is used as the header."] is Sure.UNSURE


def test_merged_cells_are_spread_over_the_cells_they_covered_and_reported(tmp_path):
    word = new_document()
    merged_table(word)
    report, document, _ = imported(tmp_path, word)
    (found,) = [b for b in blocks(document) if isinstance(b, Table)]
    assert [plain_text(c.content) for c in found.header] == ["Wards for adults", "Wards for adults"]
    assert [[plain_text(c.content) for c in row] for row in found.rows] == [["Adults", "Ward 2"], ["Adults", "Ward 3"]]
    assert any("merged cells" in guess.what for guess in report.guessed)
    assert not any("no header row" in guess.what for guess in report.guessed)


def test_a_text_box_keeps_its_text_after_its_paragraph_and_a_shape_is_reported(tmp_path):
    word = new_document()
    anchor = word.add_paragraph("A physiologist puts gel on your chest.")
    add_text_box(anchor, ["Tell us if the gel feels too cold."])
    add_shape(word.add_paragraph("Then the scan starts."))
    report, document, _ = imported(tmp_path, word)
    texts = [plain_text(b.content) for b in blocks(document) if isinstance(b, Paragraph)]
    assert texts == ["A physiologist puts gel on your chest.", "Tell us if the gel feels too cold.",
                     "Then the scan starts."]  # fmt: skip
    assert any("text box 'Tell us if the gel feels too cold.'" in guess.what for guess in report.guessed)
    assert any("drawn shape was left out" in lost for lost in report.lost)


def test_headers_and_footers_are_left_out_and_reported(tmp_path):
    word = new_document()
    word.sections[0].header.paragraphs[0].text = "Riverside Cardiology - patient information"
    word.sections[0].footer.paragraphs[0].text = "Page 1"
    word.add_paragraph("An echo is a scan of your heart.")
    report, _, text = imported(tmp_path, word)
    assert "Riverside Cardiology" not in text
    assert any("'Riverside Cardiology - patient information' was left out" in lost for lost in report.lost)
    assert any("page numbers" in lost for lost in report.lost)


def test_a_link_in_a_field_code_is_a_link_and_http_becomes_https(tmp_path):
    word = new_document()
    paragraph = word.add_paragraph("Read the ")
    add_field_link(paragraph, "https://www.nhs.uk/conditions/echocardiogram/", "NHS page about echo scans")
    paragraph.add_run(" or the ")
    add_field_link(paragraph, "http://example.org/echo", "old page")
    report, document, text = imported(tmp_path, word)
    links = [i for b in blocks(document) if isinstance(b, Paragraph) for i in walk_inlines(b.content) if isinstance(i, Link)]
    assert [(link.href, plain_text(link.children)) for link in links] == [
        ("https://www.nhs.uk/conditions/echocardiogram/", "NHS page about echo scans"),
        ("https://example.org/echo", "old page"),
    ]
    assert "[NHS page about echo scans](https://www.nhs.uk/conditions/echocardiogram/)" in text
    assert any("http://" in guess.what for guess in report.guessed)


def test_footnotes_go_under_notes_at_the_end_marked_in_the_text(tmp_path):
    word = new_document()
    add_footnotes(word, ["British Heart Foundation, heart scans explained", "Our own audit, 2025"])
    first = word.add_paragraph("An echo uses sound waves.")
    add_footnote_reference(first, 1)
    second = word.add_paragraph("It takes about 30 minutes.")
    add_footnote_reference(second, 2)
    _, document, text = imported(tmp_path, word)
    assert "An echo uses sound waves.\\[1\\]" in text
    last = document.sections[-1]
    assert last.title == "Notes"
    assert [plain_text(item.blocks[0].content) for item in last.blocks[0].items] == [
        "British Heart Foundation, heart scans explained", "Our own audit, 2025"]  # fmt: skip


def test_pictures_keep_their_description_a_missing_one_is_reported_and_decorative_stays(tmp_path):
    word = new_document()
    add_picture(word.add_paragraph(), "A probe held to the chest", colour=(200, 20, 20))
    add_picture(word.add_paragraph(), None, colour=(20, 200, 20))
    add_picture(word.add_paragraph(), "", decorative=True, colour=(20, 20, 200))
    add_picture(word.add_paragraph(), "The same red picture again", colour=(200, 20, 20))
    report, document, text = imported(tmp_path, word)
    pictures = [b for b in blocks(document) if isinstance(b, Picture)]
    assert [(p.alt, p.decorative, p.path.name) for p in pictures] == [
        ("A probe held to the chest", False, "having-an-echo-scan-1.png"),
        ("having-an-echo-scan-2", False, "having-an-echo-scan-2.png"),
        ("", True, "having-an-echo-scan-3.png"),
        ("The same red picture again", False, "having-an-echo-scan-1.png"),
    ]
    assert all(p.path.parent == tmp_path / "source" / "pictures" and p.path.is_file() for p in pictures)
    assert '![](pictures/having-an-echo-scan-3.png "decorative")' in text
    assert any("having-an-echo-scan-2.png has no description" in lost for lost in report.lost)
    assert "alt-text" in report.to_do


def test_a_border_round_paragraphs_is_an_important_box(tmp_path):
    word = new_document()
    word.add_paragraph("Before the box.")
    for text in ("Important", "Phone us straight away if you feel faint."):
        box(word.add_paragraph(text))
    _, document, text = imported(tmp_path, word)
    (found,) = [b for b in blocks(document) if isinstance(b, Important)]
    assert [plain_text(b.content) for b in found.blocks] == ["Phone us straight away if you feel faint."]
    assert "::: important\nPhone us straight away if you feel faint.\n:::" in text


def test_the_front_matter_comes_from_the_text_and_those_lines_leave_the_body(tmp_path):
    word = new_document()
    word.core_properties.language = "en-GB"
    word.add_paragraph("A tyrosine kinase inhibitor (TKI) is a tablet. Your TKI stops a signal.")
    word.add_heading("Contact us", level=1)
    word.add_paragraph("We are happy to help.")
    word.add_paragraph("Phone: 01632 960 555")
    word.add_paragraph("Email: echo@example.org")
    word.add_heading("About this leaflet", level=1)
    word.add_paragraph("Date of publication: 3rd January 2024")
    word.add_paragraph("Reviewed: 01 March 2025 | Next review: March 2028")
    word.add_paragraph("Reviewed by: Cardiac physiologist, Riverside Hospital, Our readers' panel")
    word.add_heading("Sources", level=1)
    link = word.add_paragraph("British Society of Echocardiography: ")
    add_field_link(link, "https://www.bsecho.org/", "https://www.bsecho.org/")
    word.add_paragraph("Our own audit of echo waiting times (2025)")
    word.core_properties.author = "Riverside Cardiology Service"
    report, document, text = imported(tmp_path, word)
    meta = document.meta
    assert (meta.published, meta.reviewed, meta.next_review) == (date(2024, 1, 3), date(2025, 3, 1), date(2028, 3, 1))
    assert meta.reviewers == ("Cardiac physiologist, Riverside Hospital", "Our readers' panel")
    assert [(r.text, r.url) for r in meta.references] == [
        ("British Society of Echocardiography", "https://www.bsecho.org/"),
        ("Our own audit of echo waiting times (2025)", None),
    ]
    assert meta.language == "en-GB"
    assert meta.organisation.name == "Riverside Cardiology Service"
    assert (meta.organisation.phone, meta.organisation.email) == ("01632 960 555", "echo@example.org")
    assert [(a.abbreviation, a.expansion) for a in document.abbreviations] == [("TKI", "tyrosine kinase inhibitor")]
    assert [plain_text(h.content) for _, h in [(0, document.title)]] == ["Having an echo scan"]
    assert [s.title for s in document.sections if s.heading] == ["Contact us"]  # the facts' sections went
    assert "Reviewed" not in text.split("---", 2)[2] and "Phone: 01632 960 555" in text
    assert "A tyrosine kinase inhibitor (TKI) is a tablet." in text  # kept as written
    assert guesses(report)["next_review: 2028-03-01, from 'Reviewed: 01 March 2025 | Next review: March "
                           "2028': no day was given, so the 1st is used."] is Sure.FAIRLY  # fmt: skip


def test_a_glossary_table_becomes_the_glossary(tmp_path):
    word = new_document()
    word.add_paragraph("The physiologist does the scan.")
    word.add_heading("Words we use", level=1)
    table = word.add_table(rows=3, cols=2)
    for row, (term, meaning) in enumerate([("Word", "What it means"), ("physiologist", "A person trained to do heart tests."),
                                           ("echo", "A scan that uses sound waves.")]):  # fmt: skip
        table.cell(row, 0).text, table.cell(row, 1).text = term, meaning
    _, document, text = imported(tmp_path, word)
    assert [(e.term, e.explanation) for e in document.glossary] == [
        ("echo", "A scan that uses sound waves."), ("physiologist", "A person trained to do heart tests.")]  # fmt: skip
    assert "Words we use" not in text


def test_every_weak_point_at_once_reads_back_checks_and_builds(tmp_path):
    """The leaflet is read by the check (exit 0 or 1, never 2) and builds in every format."""
    from exporters.cli import main

    report, document, _ = imported(tmp_path, weak_points_document(), "heart scan.docx")
    assert report.leaflet == tmp_path / "source" / "coming-in-for-a-heart-scan.md"
    assert main(["check", str(report.leaflet)]) in (0, 1)
    out = tmp_path / "output"
    assert main(["build", str(report.leaflet), "--out", str(out), "--no-check", "--jobs", "1",
                 "--format", "html,pdf,docx,epub,markdown"]) == 0  # fmt: skip
    built = sorted(path.name for path in (out / document.meta.slug).iterdir())
    assert "coming-in-for-a-heart-scan.standard.docx" in built and "coming-in-for-a-heart-scan.standard.md" in built
    assert len(built) == 9  # html, pdf, docx and epub in two editions, and the source format


@pytest.mark.parametrize("text", ["Reviewed: 01 March 2022", "reviewed 1st March 2022", "Last reviewed: 01/03/2022",
                                  "Date reviewed: 2022-03-01"])  # fmt: skip
def test_review_dates_are_read_in_the_ways_leaflets_write_them(tmp_path, text):
    word = new_document()
    word.add_paragraph("An echo is a scan of your heart.")
    word.add_paragraph(text)
    _, document, body = imported(tmp_path, word)
    assert document.meta.reviewed == date(2022, 3, 1)
    assert text not in body
