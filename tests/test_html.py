"""The HTML edition, read back as a screen reader and a browser would see it."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from exporters.formats import export
from exporters.model import plain_text, walk_blocks
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import EXAMPLE_LEAFLETS, PROJECT_ROOT

SOMEONE_ELSES = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"


def build_page(source: Path, out: Path, variant: str = "standard") -> ElementTree.Element:
    path = export(read(source), "html", layout_settings(variant), out)
    # The page is well-formed XML as well as HTML, which the EPUB exporter relies on.
    return ElementTree.fromstring(path.read_text(encoding="utf-8").removeprefix("<!DOCTYPE html>\n"))


def words(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module", params=[*EXAMPLE_LEAFLETS, SOMEONE_ELSES], ids=lambda p: p.stem)
def page(request, tmp_path_factory) -> tuple[Path, ElementTree.Element]:
    return request.param, build_page(request.param, tmp_path_factory.mktemp("html"))


def test_page_has_language_title_and_one_h1(page):
    source, root = page
    document = read(source)
    assert root.get("lang") == document.meta.language
    assert root.find("head/title").text == document.meta.title
    h1s = root.findall(".//h1")
    assert len(h1s) == 1 and words(h1s[0]) == plain_text(document.title.content)


def test_headings_never_skip_a_level(page):
    _, root = page
    levels = [int(e.tag[1]) for e in root.iter() if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_landmarks_and_skip_link(page):
    _, root = page
    body = root.find("body")
    assert [child.tag for child in body] == ["a", "header", "main", "footer"]
    skip = body.find("a")
    assert skip.get("href") == "#main" and body.find("main").get("id") == "main"


def test_every_picture_has_alt_and_is_embedded(page):
    _, root = page
    for image in root.iter("img"):
        assert image.get("alt") is not None
        assert image.get("src").startswith("data:image/")
        if image.get("alt") == "":
            assert image.get("role") == "presentation"


def test_tables_have_column_headers(page):
    _, root = page
    for table in root.iter("table"):
        headers = table.findall("thead/tr/th")
        assert headers and all(th.get("scope") == "col" for th in headers)


def test_all_the_text_is_there_in_order(page):
    source, root = page
    document = read(source)
    text = words(root.find("body/main"))
    position = 0
    for section in document.sections:
        for block in section.blocks:
            for nested in walk_blocks(block):
                if nested.kind in ("paragraph", "heading"):
                    expected = plain_text(nested.content).split()[0]
                    found = text.find(expected, position)
                    assert found >= 0, f"{expected!r} (line {nested.line}) is missing or out of order"
                    position = found


def test_end_matter_names_the_review_dates_and_contact(tmp_path):
    root = build_page(SOMEONE_ELSES, tmp_path)
    footer = words(root.find("body/footer"))
    assert "Last reviewed: 1 September 2026" in footer
    assert "Next review due: 1 September 2027" in footer
    assert "Southbank Community Nursing" in footer
    assert "another format" in footer
    assert "UK Health Security Agency" in footer


def test_important_points_are_labelled_in_words(read_leaflet, tmp_path):
    document = read_leaflet("::: important\nCall 999 if you cannot breathe.\n:::\n")
    html = export(document, "html", layout_settings("standard"), tmp_path / "out").read_text()
    root = ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n"))
    box = root.find(".//section[@class='important']")
    label = box.find("p[@class='important-label']")
    assert words(label) == "Important" and box.get("aria-labelledby") == label.get("id")


def test_glossary_and_first_use_of_an_abbreviation(read_leaflet, tmp_path):
    document = read_leaflet(
        "Your CBC checks your platelets. The CBC is quick.\n",
        "title: Blood counts\nglossary:\n  platelet: A blood cell that helps blood to clot.\n"
        "abbreviations:\n  CBC: complete blood count\n",
    )
    html = export(document, "html", layout_settings("standard"), tmp_path / "out").read_text()
    root = ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n"))
    paragraph = words(root.find(".//main/p"))
    assert paragraph.startswith("Your complete blood count (CBC) checks your platelets. The CBC is quick.")
    glossary = root.find(".//dl[@class='glossary']")
    assert words(glossary.find("dt")) == "platelet"
    link = root.find(".//main/p/a[@class='term']")
    assert link.get("href") == "#" + glossary.find("dt").get("id")


def test_markup_in_the_source_never_reaches_the_page(make_leaflet, tmp_path):
    source = make_leaflet(
        "Type `<script>alert(1)</script>` and {{ 7 * 7 }} and {% if x %}.\n",
        'title: "<script>alert(2)</script> test"\n',
    )
    html = export(read(source), "html", layout_settings("standard"), tmp_path / "out").read_text()
    root = ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n"))
    assert [e for e in root.iter() if e.tag == "script"] == []
    assert "<script>" not in html and "&lt;script&gt;alert(1)" in html
    assert "{{ 7 * 7 }}" in html and "49" not in html


def test_large_print_sets_a_larger_body_size(tmp_path):
    html = export(read(SOMEONE_ELSES), "html", layout_settings("large-print"), tmp_path).read_text()
    assert "--body-size: 18pt" in html
    assert "--body-size: 24pt" in export(
        read(SOMEONE_ELSES), "html", layout_settings("large-print", 24), tmp_path / "big"
    ).read_text()


def test_an_abbreviation_spelled_out_at_a_sentence_start_keeps_its_capital(read_leaflet, tmp_path):
    document = read_leaflet(
        "TKIs are tablets. They work well.\n",
        "title: Targeted drugs\nabbreviations:\n  TKI: tyrosine kinase inhibitor\n",
    )
    html = export(document, "html", layout_settings("standard"), tmp_path / "out").read_text()
    root = ElementTree.fromstring(html.removeprefix("<!DOCTYPE html>\n"))
    assert words(root.find(".//main/p")).startswith("Tyrosine kinase inhibitors (TKIs) are tablets.")
