"""The easy-read edition: what it holds, the HTML layout, and the refusal when text is missing."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from exporters.cli import ExitStatus, main
from exporters.editions.easy_read import easy_read_edition, split_sentences
from exporters.errors import SourceError
from exporters.formats import export
from exporters.model import Strong, Text, plain_text
from exporters.readers.leaflet import read
from exporters.sentences import split_sentences as sentence_spans
from exporters.variants import layout_settings
from tests.conftest import EXAMPLE_LEAFLETS, MINIMAL_FRONT_MATTER

EASY_LEAFLET = """\
    ## Before the test

    You can eat and drink as normal before your biopsy.

    ::: easy-read
    - ![A doctor](icon:doctor) A doctor will do a biopsy. It takes a few minutes.
    - You can eat as normal.
    :::

    ## After the test

    Keep the plaster dry for a day.

    ::: easy-read
    - ![A plaster](icon:bandage_adhesive) Keep the plaster dry for one day.
    :::
    """
FRONT_MATTER = MINIMAL_FRONT_MATTER + "glossary:\n  biopsy: A small sample of tissue taken to look at.\n"


def page_of(document, out) -> ElementTree.Element:
    html = export(document, "html", layout_settings("easy-read"), out).read_text(encoding="utf-8")
    return ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n"))


def test_the_edition_has_rows_sentences_and_explanations(read_leaflet):
    edition = easy_read_edition(read_leaflet(EASY_LEAFLET, FRONT_MATTER))
    assert [s.heading for s in edition.sections] == ["Before the test", "After the test"]
    first = edition.sections[0].rows[0]
    assert [plain_text(s) for s in first.sentences] == [
        "A doctor will do a biopsy.",
        "It takes a few minutes.",
    ]
    assert [e.sentence for e in first.explanations] == [
        "Biopsy means a small sample of tissue taken to look at."
    ]
    assert edition.sections[0].rows[1].picture.icon == "hot_meal"
    assert [w.entry.term for w in edition.words] == ["biopsy"]
    assert [c.label for c in edition.contact] == ["Phone"]


def test_split_sentences_keeps_short_sentences():
    assert [plain_text(s) for s in split_sentences((Text("Ask us. Do not drive. Rest."),))] == [
        "Ask us.",
        "Do not drive.",
        "Rest.",
    ]


def test_the_html_edition_puts_a_picture_beside_each_row(read_leaflet, tmp_path):
    root = page_of(read_leaflet(EASY_LEAFLET, FRONT_MATTER), tmp_path)
    assert root.get("lang") == "en-GB" and len(root.findall(".//h1")) == 1
    cover = "".join(root.find(".//div[@class='cover']").itertext())
    assert "This is an easy read version of the leaflet Having a blood test." in " ".join(cover.split())
    rows = root.findall(".//section[@class='easy-section']/div[@class='row']")
    assert len(rows) >= 4
    for row in rows:
        picture, words = list(row)
        assert picture.get("class") == "row-picture" and words.get("class") == "row-words"
        image = picture.find("img")
        assert image is not None and image.get("alt") and image.get("src").startswith("data:image/svg+xml")
    headings = [h.text for h in root.iter("h2")]
    assert headings == ["Before the test", "After the test", "Words we use", "Who to contact"]


def test_a_leaflet_without_easy_read_text_is_refused_naming_the_sections(read_leaflet, tmp_path):
    document = read_leaflet("## Before\n\nText.\n\n## After\n\nMore.\n\n::: easy-read\n- A row.\n:::\n")
    with pytest.raises(SourceError) as caught:
        page_of(document, tmp_path)
    assert "'Before'" in caught.value.message and "'After'" not in caught.value.message
    assert "draft-easy-read" in caught.value.hint


def test_the_build_refuses_easy_read_and_keeps_going(make_leaflet, tmp_path, capsys):
    source = make_leaflet("## Before\n\nText.\n")
    out = tmp_path / "out"
    status = main(
        ["build", str(source), "--out", str(out), "--format", "html", "--variant", "standard,easy-read"]
    )
    assert status == ExitStatus.BAD_INPUT
    assert "'Before'" in capsys.readouterr().err
    assert (out / "blood-test" / "blood-test.standard.html").is_file()
    assert not (out / "blood-test" / "blood-test.easy-read.html").exists()


@pytest.mark.parametrize("source", EXAMPLE_LEAFLETS, ids=lambda p: p.stem)
def test_the_example_leaflets_make_easy_read_with_a_picture_in_every_row(source, tmp_path):
    edition = easy_read_edition(read(source))
    rows = [row for section in edition.sections for row in section.rows]
    assert rows and all(row.picture and row.picture.alt for row in rows)
    assert all(len(plain_text(s).split()) <= 15 for row in rows for s in row.sentences)
    page_of(read(source), tmp_path)


def test_easy_read_lines_and_the_check_split_sentences_alike():
    """One splitter: titles and times do not end a sentence, on the page or in the check."""
    text = "See Dr. Shah at 9 a.m. Bring your letter."
    assert [plain_text(line) for line in split_sentences((Text(text),))] == [
        "See Dr. Shah at 9 a.m.", "Bring your letter."]  # fmt: skip
    assert [sentence for _, sentence in sentence_spans(text)] == ["See Dr. Shah at 9 a.m.", "Bring your letter."]
    marked = (Text("Take it. "), Strong((Text("Do not"),)), Text(" drive. Ask us."))
    assert [plain_text(line) for line in split_sentences(marked)] == ["Take it.", "Do not drive.", "Ask us."]
