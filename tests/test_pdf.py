"""The clear-print and large-print PDF editions, read back as PDF/UA checkers and readers would."""

from __future__ import annotations

import dataclasses
import re
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from exporters.errors import SourceError
from exporters.formats import export
from exporters.formats.pdf import print_dates, write
from exporters.formats.pdf.fetcher import LeafletFetcher
from exporters.model import Picture, Section
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests import pdf_checks as check
from tests.conftest import EXAMPLE_LEAFLETS, PROJECT_ROOT, write_leaflet

SOMEONE_ELSES = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"
PAPER_POINTS = {"a4": (595.3, 841.9), "a5": (419.5, 595.3), "letter": (612.0, 792.0)}

FRONT_MATTER = """\
title: Having a blood test
subtitle: Information for adults
language: en-GB
organisation:
  name: Northfield Test Service
  phone: 01632 960 000
  email: tests@example.org
  website: https://example.org/tests
  address: Test Unit, Northfield General Hospital, Orchard Road, Northfield NF1 4QX
published: 2026-10-20
reviewed: 2026-10-01
next_review: 2028-10-01
version: "2.1"
audience: Adults who need a blood test
reviewers:
  - Phlebotomy team leader
references:
  - title: NHS website
    url: https://www.nhs.uk/
  - Northfield blood test procedure (2026)
glossary:
  phlebotomist: A person trained to take blood samples.
abbreviations:
  FBC: full blood count
"""

BODY = """\
A phlebotomist will take a small amount of blood from your arm. The most common test is an FBC.

## Before your test

You can eat and drink as normal. Read more on the [NHS website](https://www.nhs.uk/).

- Drink plenty of water.
- Wear a top with loose sleeves, such as:
  - a T-shirt
  - a shirt you can roll up
- Bring a list of your medicines.

![A nurse](icon:nurse)

### If you are afraid of needles

Tell us **before** we start. We can help you *feel calm*.

1. Lie down on the couch.
2. Look away from your arm.

## When to phone us

![Where the plaster goes: on the inside of your elbow](pictures/arm.svg)

![](icon:heart "decorative")

::: important
Phone us on [01632 960 000](tel:+441632960000) **straight away** if your arm becomes red, hot or swollen.
:::

| Service | Phone | When |
|---|---|---|
| Blood test clinic | 01632 960 000 | Monday to Friday, 8am to 4pm |
| Out of hours | 111 | Evenings and weekends |
"""

DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">
<title>Arm</title><rect x="10" y="40" width="300" height="40" fill="#fff" stroke="#000" stroke-width="3"/>
<text x="20" y="30" font-size="16">Inside of your elbow</text></svg>
"""

BUILDS = {
    "fixture-large-print-a4": ("fixture", "large-print", None, "a4"),
    "fixture-large-print-a5-24pt": ("fixture", "large-print", 24, "a5"),
    "fixture-clear-print-a4": ("fixture", "standard", None, "a4"),
    "fixture-clear-print-letter": ("fixture", "standard", 12, "letter"),
    **{
        f"{path.stem}-large-print": (path, "large-print", None, "a4")
        for path in [*EXAMPLE_LEAFLETS, SOMEONE_ELSES]
    },
}


@pytest.fixture(scope="module")
def fixture_leaflet(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("leaflet")
    (folder / "pictures").mkdir()
    (folder / "pictures" / "arm.svg").write_text(DRAWING, encoding="utf-8")
    return write_leaflet(folder, BODY, FRONT_MATTER)


@pytest.fixture(scope="module")
def built(fixture_leaflet, tmp_path_factory) -> dict:
    """Every PDF of this module, built once: name -> (document, settings, path)."""
    out = tmp_path_factory.mktemp("output")
    results = {}
    for name, (source, variant, size, paper) in BUILDS.items():
        document = read(fixture_leaflet if source == "fixture" else source)
        settings = layout_settings(variant, size, paper)
        results[name] = document, settings, export(document, "pdf", settings, out / name)
    return results


@pytest.fixture(params=list(BUILDS))
def build(request, built):
    return built[request.param]


def test_passes_the_pdf_ua_1_rules_of_page_validation(build):
    check.assert_passes_page_validation(build[2])


def test_language_title_and_pdf_ua_identification(build):
    document, _, path = build
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == document.meta.language
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert "/StructTreeRoot" in pdf.Root
        xmp = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert xmp["dc:title"] == document.meta.title
        assert xmp["pdfuaid:part"] == "1"
        assert str(pdf.docinfo.Title) == document.meta.title


def test_headings_are_tagged_in_order_and_each_has_a_bookmark(build):
    document, _, path = build
    expected = check.expected_headings(document)
    with pikepdf.open(path) as pdf:
        levels = [int(str(e.S)[2:]) for e in check.structure_elements(pdf) if re.fullmatch(r"/H\d", str(e.S))]
        titles = check.outline_titles(pdf)
    assert levels == [level for level, _ in expected]
    assert all(later - earlier <= 1 for earlier, later in pairwise(levels)), "a heading level is skipped"
    assert titles == [title for _, title in expected]


def test_lists_tables_and_pictures_are_tagged(built):
    document, _, path = built["fixture-large-print-a4"]
    with pikepdf.open(path) as pdf:
        elements = list(check.structure_elements(pdf))
    lists = [e for e in elements if e.S == "/L"]
    assert any(
        any(kid.get("/S") == "/L" for kid in check.kids(e) if isinstance(kid, pikepdf.Dictionary))
        for e in lists
    ), "the nested list is not tagged as a list inside the list"
    for item in (e for e in elements if e.S == "/LI"):
        assert {str(k.S) for k in check.kids(item)} <= {"/Lbl", "/LBody"}
    headers = [e for e in elements if e.S == "/TH"]
    assert len(headers) == 3 and all(e.A.Scope == "/Column" for e in headers)
    assert sum(1 for e in elements if e.S == "/TD") == 6
    figures = [str(e.Alt) for e in elements if e.S == "/Figure"]
    assert figures == [picture.alt for picture in check.pictures_with_alt(document)]


def test_all_content_is_tagged_or_page_furniture(build):
    """Every character is held by the structure tree, or is an artifact: only 'Page N of M'."""
    _, _, path = build
    with pikepdf.open(path) as pdf:
        held = set(check.reading_order(pdf))
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            artifacts = "".join(c["text"] for c in page.chars if c.get("tag") == "Artifact")
            assert artifacts == f"Page {number + 1} of {len(pdf.pages)}"
            loose = [
                c["text"]
                for c in page.chars
                if c.get("tag") != "Artifact" and (number, c.get("mcid")) not in held
            ]
            assert loose == [], f"untagged text on page {number + 1}"


def test_no_text_is_smaller_than_the_chosen_size(build):
    """Words inside a drawing belong to the picture; they must still reach the edition's minimum."""
    _, settings, path = build
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    text = [c for c in chars if c.get("tag") != "Figure"]
    assert min(c["size"] for c in text) >= settings.font_size - 0.01
    drawn = [c["size"] for c in chars if c.get("tag") == "Figure"]
    assert min(drawn, default=99) >= settings.variant.smallest_size


def test_fonts_are_embedded_hyperlegible_and_never_italic(build):
    _, _, path = build
    with pdfplumber.open(path) as pdf:
        names = {c["fontname"] for page in pdf.pages for c in page.chars if c.get("tag") != "Figure"}
    assert names and all("Atkinson-Hyperlegible" in name and "Italic" not in name for name in names), names
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                for part in [font, *font.get("/DescendantFonts", [])]:
                    if "/FontDescriptor" in part:
                        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(part.FontDescriptor.keys())


def test_text_is_in_reading_order(build):
    """Every word of the source is read out, in the source's order (the PDF adds words, such as addresses)."""
    document, _, path = build
    printed = check.spoken_words(path)
    position = 0
    for word in check.source_words(document):
        try:
            position = printed.index(word, position) + 1
        except ValueError:
            pytest.fail(
                f"'{word}' is missing or out of order after: {' '.join(printed[position - 8 : position])}"
            )


def test_last_page_has_contact_other_formats_and_review_dates(build):
    """The contact details start the last page, or a page of their own when they need two."""
    document, _, path = build
    with pdfplumber.open(path) as pdf:
        pages = [" ".join(page.extract_text().split()) for page in pdf.pages]
    assert "in another format" in pages[-1]
    contact = next(number for number, text in enumerate(pages) if "Who to contact" in text)
    assert contact == len(pages) - 1 or pages[contact].startswith("Who to contact")
    assert document.meta.organisation.name in " ".join(pages[contact:])
    if document.meta.next_review:
        assert (
            f"Next review due: {document.meta.next_review.day} {document.meta.next_review:%B %Y}" in pages[-1]
        )


def test_paper_size_line_spacing_and_ragged_right(build):
    _, settings, path = build
    with pdfplumber.open(path) as pdf:
        assert (round(float(pdf.pages[0].width), 1), round(float(pdf.pages[0].height), 1)) == PAPER_POINTS[
            settings.paper
        ]
        body = [c for c in pdf.pages[0].chars if abs(c["size"] - settings.font_size) < 0.01]
    tops = sorted({round(c["top"], 1) for c in body})
    gaps = [later - earlier for earlier, later in pairwise(tops) if later - earlier > 1]
    assert min(gaps) >= 1.5 * settings.font_size - 0.5
    right_edges = [max(c["x1"] for c in body if round(c["top"], 1) == top) for top in tops]
    assert len({round(edge) for edge in right_edges}) > len(right_edges) / 2, "lines end together: justified?"


def test_links_print_their_address_and_are_described(built):
    _, _, path = built["fixture-large-print-a4"]
    with pdfplumber.open(path) as pdf:
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "NHS website (https://www.nhs.uk/)" in text
    with pikepdf.open(path) as pdf:
        described = {str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", [])}
    assert "What phlebotomist means, in Words we use" in described
    assert "Phone 01632 960 000" in described


def test_same_source_gives_the_same_bytes(built, tmp_path):
    document, settings, path = built["fixture-large-print-a4"]
    again = tmp_path / "again.pdf"
    write(document, settings, again)
    assert again.read_bytes() == path.read_bytes()
    with pikepdf.open(again) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20261001")
        assert str(pdf.docinfo.ModDate).startswith("D:20261020")


def test_dates_without_leaflet_dates_come_from_source_date_epoch(monkeypatch, read_leaflet):
    document = read_leaflet("Some words.\n", "title: Undated leaflet\n")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert print_dates(document.meta) == (None, None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert print_dates(document.meta) == ("2026-09-21T14:13:20Z", "2026-09-21T14:13:20Z")


def test_remote_and_outside_files_are_refused(fixture_leaflet, tmp_path):
    document = read(fixture_leaflet)
    fetcher = LeafletFetcher(document, (fixture_leaflet.parent,))
    for address in ("https://example.org/font.ttf", "file:///etc/passwd", (tmp_path / "x.svg").as_uri()):
        with pytest.raises(SourceError) as refused:
            fetcher.fetch(address)
        assert refused.value.source == fixture_leaflet and "What to do" in str(refused.value)
    assert (
        fetcher.fetch((fixture_leaflet.parent / "pictures" / "arm.svg").as_uri()).read().startswith(b"<svg")
    )


def test_a_picture_outside_the_leaflets_folder_stops_the_build(fixture_leaflet, tmp_path):
    outside = tmp_path / "elsewhere.svg"
    outside.write_text(DRAWING, encoding="utf-8")
    document = read(fixture_leaflet)
    stray = Picture("A stray picture", outside, 42)
    sections = (*document.sections, Section(None, (stray,)))
    with pytest.raises(SourceError) as refused:
        write(
            dataclasses.replace(document, sections=sections),
            layout_settings("large-print"),
            tmp_path / "x.pdf",
        )
    assert refused.value.line == 42 and "outside the folders" in refused.value.message
