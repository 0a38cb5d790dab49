"""The easy-read PDF edition, read back as a screen reader, a PDF/UA checker and a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from exporters.editions.easy_read import EasyReadEdition, easy_read_edition
from exporters.errors import SourceError
from exporters.formats import export
from exporters.formats.pdf import write_easy_read
from exporters.model import Picture, plain_text
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests import pdf_checks as check
from tests.conftest import EXAMPLE_LEAFLETS, write_leaflet

MILLIMETRE = 72 / 25.4  # points

FRONT_MATTER = """\
title: Having a biopsy
language: en-GB
organisation:
  name: Northfield Test Service
  phone: 01632 960000
  website: https://example.org/tests
reviewed: 2026-10-01
next_review: 2028-10-01
glossary:
  biopsy: A small sample of tissue taken to look at.
"""

BODY = """\
    ## Before the test

    You can eat and drink as normal before your biopsy.

    ::: easy-read
    - ![A doctor](icon:doctor) A doctor will do a biopsy. It takes a few minutes.
    - ![A hot meal](icon:hot_meal) You can eat and drink as **normal**.
    - ![A laptop computer](icon:laptop) Read more on the [NHS website](https://www.nhs.uk/).
    :::

    ## After the test

    Keep the plaster dry for a day.

    ::: easy-read
    - ![A plaster](icon:bandage_adhesive) Keep the plaster dry for one day.
    :::
    """

BUILDS = {
    "fixture-28pt-a5": ("fixture", 28, "a5"),
    **{path.stem: (path, None, "a4") for path in EXAMPLE_LEAFLETS},
    **{f"{path.stem}-28pt": (path, 28, "a4") for path in EXAMPLE_LEAFLETS},
}
EXAMPLES = [name for name, (source, size, _) in BUILDS.items() if source != "fixture" and size is None]


@pytest.fixture(scope="module")
def fixture_leaflet(tmp_path_factory) -> Path:
    return write_leaflet(tmp_path_factory.mktemp("leaflet"), BODY, FRONT_MATTER)


@pytest.fixture(scope="module")
def built(fixture_leaflet, tmp_path_factory) -> dict:
    """Every PDF of this module, built once: name -> (edition, settings, path)."""
    out = tmp_path_factory.mktemp("output")
    results = {}
    for name, (source, size, paper) in BUILDS.items():
        document = read(fixture_leaflet if source == "fixture" else source)
        settings = layout_settings("easy-read", size, paper)
        results[name] = easy_read_edition(document), settings, export(document, "pdf", settings, out / name)
    return results


@pytest.fixture(params=list(BUILDS))
def build(request, built):
    return built[request.param]


def expected_rows(edition: EasyReadEdition) -> list[tuple[Picture, list[str], list[str]]]:
    """Every row the edition prints, in order: its picture, its sentences and its explanations."""
    rows = [(edition.cover_picture, [f"This is an easy read version of the leaflet {edition.title}."], [])]
    for section in edition.sections:
        for row in section.rows:
            sentences = [plain_text(sentence) for sentence in row.sentences]
            rows.append((row.picture, sentences, [e.sentence for e in row.explanations]))
    rows += [(word.picture, [word.entry.term, word.entry.explanation], []) for word in edition.words]
    rows += [(contact.picture, [f"{contact.label}: {contact.value}"], []) for contact in edition.contact]
    return rows


def printed_rows(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The structure elements of the rows: a Div holding the picture's Div, then the words' Div."""
    return [
        e
        for e in check.structure_elements(pdf)
        if e.S == "/Div" and [kid.get("/S") for kid in check.kids(e)] == ["/Div", "/Div"]
    ]


def is_subsequence(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(word in remaining for word in wanted)


def test_passes_the_pdf_ua_1_rules_of_page_validation(build):
    check.assert_passes_page_validation(build[2])


def test_language_title_and_pdf_ua_identification(build):
    edition, _, path = build
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == edition.document.meta.language
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert xmp["dc:title"] == f"{edition.document.meta.title} (easy read)"
        assert xmp["pdfuaid:part"] == "1"


def test_each_row_reads_its_picture_then_its_words_on_one_page(build):
    """A screen reader meets each row as one group: the picture's alt text, then its sentences."""
    edition, _, path = build
    texts = check.marked_texts(path)
    expected = expected_rows(edition)
    with pikepdf.open(path) as pdf:
        rows = printed_rows(pdf)
        assert len(rows) == len(expected), "a row is missing, or split across two pages"
        for row, (picture, sentences, explanations) in zip(rows, expected, strict=True):
            figures = [e for e in check.descendants(row) if e.S == "/Figure"]
            assert [str(f.Alt) for f in figures] == [picture.alt]
            order = check.reading_order(pdf, row)
            assert order[0] == check.reading_order(pdf, figures[0])[0], "the picture is not read first"
            assert len({page for page, _ in order}) == 1, "the row is split across two pages"
            words = check.spoken_tokens(texts, order[1:])
            wanted = check.tokens(" ".join(sentences + explanations))
            assert words[:1] == wanted[:1] and is_subsequence(wanted, words), (wanted, words)


def test_one_sentence_a_line(build):
    """Each sentence and each explanation is a paragraph of its own, so it starts on a new line."""
    edition, _, path = build
    texts = check.marked_texts(path)
    with pikepdf.open(path) as pdf:
        for row, (_, sentences, explanations) in zip(printed_rows(pdf), expected_rows(edition), strict=True):
            words_column = check.kids(row)[1]
            paragraphs = [kid for kid in check.kids(words_column) if kid.get("/S") == "/P"]
            assert len(paragraphs) == len(sentences) + len(explanations)
            for paragraph, sentence in zip(paragraphs, sentences + explanations, strict=True):
                printed = check.spoken_tokens(texts, check.reading_order(pdf, paragraph))
                assert is_subsequence(check.tokens(sentence), printed), (sentence, printed)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_sentences_have_fifteen_words_at_most(built, name):
    edition, _, path = built[name]
    texts = check.marked_texts(path)
    lengths = []
    leaflet_rows = slice(1, 1 + sum(len(section.rows) for section in edition.sections))  # not the cover
    with pikepdf.open(path) as pdf:
        for row, (_, sentences, _) in zip(
            printed_rows(pdf)[leaflet_rows], expected_rows(edition)[leaflet_rows], strict=True
        ):
            paragraphs = [kid for kid in check.kids(check.kids(row)[1]) if kid.get("/S") == "/P"]
            for paragraph in paragraphs[: len(sentences)]:
                text = " ".join(texts.get(key, "") for key in check.reading_order(pdf, paragraph))
                lengths.append(len(text.split()))
    assert lengths and max(lengths) <= 15


@pytest.mark.parametrize("name", list(BUILDS)[1:])
def test_example_leaflets_have_24_pages_or_fewer(built, name):
    with pikepdf.open(built[name][2]) as pdf:
        assert 2 <= len(pdf.pages) <= 24


def test_no_text_is_smaller_than_the_chosen_size(build):
    """Page numbers included: 'Page N of M' is as large as the words."""
    _, settings, path = build
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            assert min(c["size"] for c in page.chars) >= settings.font_size - 0.01
            artifacts = "".join(c["text"] for c in page.chars if c.get("tag") == "Artifact")
            assert artifacts == f"Page {number + 1} of {len(pdf.pages)}"


def test_pictures_are_large_on_the_left_and_words_on_the_right(build):
    """Each row's drawn picture is 3 to 6 cm and starts near the margin; its words start after it."""
    _, settings, path = build
    with pikepdf.open(path) as pdf:
        rows = [check.reading_order(pdf, row) for row in printed_rows(pdf)]
    with pdfplumber.open(path) as pdf:
        for order in rows[1:]:  # the cover's picture is larger
            page = pdf.pages[order[0][0]]
            figure = [o for o in page.curves + page.rects if (order[0][0], o.get("mcid")) == order[0]]
            left, right = min(o["x0"] for o in figure), max(o["x1"] for o in figure)
            top, bottom = min(o["top"] for o in figure), max(o["bottom"] for o in figure)
            largest_side = max(right - left, bottom - top) / MILLIMETRE
            assert (24 if settings.paper == "a5" else 30) <= largest_side <= 60, largest_side
            assert left < 35 * MILLIMETRE
            words = [c for c in page.chars if (order[0][0], c.get("mcid")) in set(order[1:])]
            assert words and min(c["x0"] for c in words) > right


def test_lines_are_spaced_and_never_justified(build):
    _, settings, path = build
    with pdfplumber.open(path) as pdf:
        body = [
            c for page in pdf.pages[1:3] for c in page.chars if abs(c["size"] - settings.font_size) < 0.01
        ]
    right_edges: dict[tuple[int, float], float] = {}
    for char in body:
        line = (char["page_number"], round(char["top"], 1))
        right_edges[line] = max(right_edges.get(line, 0), char["x1"])
    tops = sorted(right_edges)
    gaps = [b[1] - a[1] for a, b in zip(tops, tops[1:], strict=False) if a[0] == b[0] and b[1] - a[1] > 1]
    assert min(gaps) >= 1.5 * settings.font_size - 0.5
    edges = {round(edge) for edge in right_edges.values()}
    assert len(edges) > len(right_edges) / 2, "lines end together: justified?"


def test_the_cover_has_the_title_and_one_picture(build):
    edition, _, path = build
    with pikepdf.open(path) as pdf:
        elements = list(check.structure_elements(pdf))
        first_page = pdf.pages[0].obj.objgen
        on_cover = [e for e in elements if "/Pg" in e and e.Pg.objgen == first_page]
        assert [e.S for e in on_cover if e.S in ("/Figure", "/H1", "/H2")] == ["/H1", "/Figure"]
        assert str(next(e for e in on_cover if e.S == "/Figure").Alt) == edition.cover_picture.alt
    with pdfplumber.open(path) as pdf:
        cover = " ".join(pdf.pages[0].extract_text().split())
    assert " ".join(edition.title.split()) in cover and "This is an easy read version" in cover


def test_headings_are_tagged_in_order_and_each_has_a_bookmark(build):
    edition, _, path = build
    expected = [edition.title] + [s.heading for s in edition.sections if s.heading]
    expected += ["Words we use"] * bool(edition.words) + ["Who to contact"]
    with pikepdf.open(path) as pdf:
        levels = [str(e.S) for e in check.structure_elements(pdf) if re.fullmatch(r"/H\d", str(e.S))]
        assert levels == ["/H1"] + ["/H2"] * (len(expected) - 1)
        assert check.outline_titles(pdf) == expected


def test_links_are_described_and_web_addresses_printed(built):
    _, _, path = built["fixture-28pt-a5"]
    spoken = " ".join(check.spoken_words(path))
    assert "nhs website https www nhs uk" in spoken
    assert spoken.count("https") == 2, "a contact address is printed twice"
    with pikepdf.open(path) as pdf:
        described = {str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", [])}
    wanted = {
        "What biopsy means, in Words we use",
        "NHS website",
        "Phone 01632 960000",
        "Website of Northfield Test Service",
    }
    assert wanted <= described


def test_same_source_gives_the_same_bytes(built, fixture_leaflet, tmp_path):
    _, settings, path = built["fixture-28pt-a5"]
    again = tmp_path / "again.pdf"
    write_easy_read(read(fixture_leaflet), settings, again)
    assert again.read_bytes() == path.read_bytes()


def test_a_leaflet_without_easy_read_text_is_refused_naming_the_sections(make_leaflet, tmp_path):
    source = make_leaflet("## Before\n\nText.\n\n## After\n\nMore.\n\n::: easy-read\n- A row.\n:::\n")
    with pytest.raises(SourceError) as refused:
        export(read(source), "pdf", layout_settings("easy-read"), tmp_path / "out")
    assert "'Before'" in refused.value.message and "'After'" not in refused.value.message
    assert "draft-easy-read" in refused.value.hint
    assert not list((tmp_path / "out").rglob("*.pdf"))
