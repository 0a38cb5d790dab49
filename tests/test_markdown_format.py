"""The source format written back from the document: it reads back into the same document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.build import plan
from exporters.errors import SourceError
from exporters.formats import FORMATS, export
from exporters.formats.markdown import leaflet_text
from exporters.model import Emphasis, Link, Paragraph, Preformatted, Strong, Text, inlines_of, plain_text
from exporters.readers.leaflet import read
from exporters.variants import layout_settings

from .conftest import write_leaflet
from .docx_helpers import write_every_construct
from .round_trip import LEAFLETS
from .test_exporter_properties import readable_leaflets

PLACES = ("line", "lines", "first_line", "last_line", "line_count", "source", "warnings")


def meaning(value):
    """A document as nested tuples, without the lines and file it came from."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f.name for f in dataclasses.fields(value) if f.name not in PLACES]
        return (type(value).__name__, *((name, meaning(getattr(value, name))) for name in fields))
    if isinstance(value, tuple | list):  # bold round nothing ("**<!-- -->**") is nothing
        return tuple(meaning(item) for item in value if not (isinstance(item, Strong | Emphasis) and not item.children))
    if isinstance(value, frozenset):
        return tuple(sorted(value))
    return value


def written_back(leaflet: Path) -> tuple:
    """(the document as read, the document read from the file written from it) beside the leaflet."""
    document = read(leaflet)
    copy = leaflet.parent / f"written-back-{leaflet.name}"
    copy.write_text(leaflet_text(document), encoding="utf-8")
    try:
        return document, read(copy)
    finally:
        copy.unlink()


@pytest.mark.parametrize("leaflet", LEAFLETS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_leaflet_written_back_reads_as_the_same_document(leaflet, tmp_path):
    copied = tmp_path / leaflet.parent.name
    for path in leaflet.parent.iterdir():  # the leaflet with its glossary and pictures, not the others
        if path.is_file() and (path == leaflet or path.suffix != leaflet.suffix):
            (copied / path.name).parent.mkdir(parents=True, exist_ok=True)
            (copied / path.name).write_bytes(path.read_bytes())
    if (leaflet.parent / "pictures").is_dir():
        for picture in (leaflet.parent / "pictures").iterdir():
            (copied / "pictures").mkdir(exist_ok=True)
            (copied / "pictures" / picture.name).write_bytes(picture.read_bytes())
    before, after = written_back(copied / leaflet.name)
    assert meaning(after) == meaning(before)


def test_every_construct_and_the_ignore_comments_are_written_back(tmp_path):
    before, after = written_back(write_every_construct(tmp_path))
    assert meaning(after) == meaning(before)
    leaflet = write_leaflet(tmp_path, """\
        <!-- leaflet: ignore passive-voice long-sentence -->
        Your blood is taken by a nurse.

        A sample is sent away. <!-- leaflet: ignore passive-voice -->
        """)  # fmt: skip
    before, after = written_back(leaflet)
    assert [sorted(s.rules) for s in after.suppressions] == [["long-sentence", "passive-voice"], ["passive-voice"]]
    texts = [[plain_text(block.content).strip() for block in d.sections[0].blocks] for d in (before, after)]
    assert texts[0] == texts[1]  # the comment's own space at the end of a line goes


def test_the_front_matter_is_quoted_by_yaml_where_it_must_be(tmp_path):
    leaflet = write_leaflet(tmp_path, "Some text.\n", front_matter="""\
        title: "Tests: what, why and how"
        version: "1.10"
        organisation: "#1 Clinic"
        references:
          - "- a dash first"
        glossary:
          "yes": A word that YAML would read as true.
        """)  # fmt: skip
    text = leaflet_text(read(leaflet))
    assert "version: '1.10'" in text and "title: 'Tests: what, why and how'" in text
    before, after = written_back(leaflet)
    assert meaning(after.meta) == meaning(before.meta) and after.glossary == before.glossary


WORDS = st.text(st.sampled_from(list("ab *_#1.:-\"'()!?&<>|[]`\\")), min_size=1, max_size=8)
INLINES = st.recursive(
    st.builds(Text, WORDS),
    lambda inner: st.builds(lambda a, b: Strong((a, b)), inner, inner)
    | st.builds(lambda a: Emphasis((a,)), inner)
    | st.builds(lambda a: Link("https://example.org/", (a,)), inner),
    max_leaves=6,
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")), min_size=1,
               max_size=60)  # fmt: skip


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> tuple[Path, object]:
    leaflet = write_leaflet(tmp_path_factory.mktemp("paragraph"), "Some text.\n")
    return leaflet, read(leaflet)


def words_back(blank, inlines: tuple) -> str:
    """The words of a paragraph of `inlines` after it was written as a leaflet and read again."""
    leaflet, document = blank
    section = dataclasses.replace(document.sections[0], blocks=(Paragraph(inlines, 1),))
    leaflet.write_text(leaflet_text(dataclasses.replace(document, sections=(section,))), encoding="utf-8")
    return " ".join(" ".join(plain_text(block.content).split()) for block in read(leaflet).sections[0].blocks)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_text_in_a_paragraph_comes_back_as_the_same_words(blank, text):
    """Marks that mean something in Markdown (*, #, 1., :::, <, |, &copy;) stay plain text."""
    words = " ".join(text.split())
    if words:
        assert words_back(blank, (Text(words),)) == words


@settings(max_examples=100, deadline=None)
@given(st.lists(INLINES, min_size=1, max_size=4))
def test_bold_emphasis_and_links_next_to_any_punctuation_keep_their_words(blank, inlines):
    """Where Markdown cannot say where bold starts ("**Note:**you"), the bold goes, never the words."""
    wanted = " ".join(plain_text(tuple(inlines)).split())
    if wanted:
        assert words_back(blank, tuple(inlines)) == wanted


def outline(document) -> tuple:
    """The words and the shape of a document: what its outputs show, whatever the marks."""

    def of(block) -> tuple:
        children = getattr(block, "blocks", None) or [b for item in getattr(block, "items", ()) for b in item.blocks]
        words = plain_text(inlines_of(block)) if not isinstance(block, Preformatted) else block.text
        return type(block).__name__, getattr(block, "level", 0), " ".join(words.split()), tuple(map(of, children))

    return tuple((of(s.heading) if s.heading else None, tuple(map(of, s.blocks)),
                  tuple((row.picture and row.picture.alt, plain_text(row.content).strip())
                        for easy in s.easy_read for row in easy.rows)) for s in document.sections)  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=readable_leaflets())
def test_any_readable_leaflet_written_back_reads_back_with_the_same_words_and_shape(blank, text):
    leaflet, _ = blank
    leaflet.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        before = read(leaflet)
    except SourceError:
        return
    leaflet.write_text(leaflet_text(before), encoding="utf-8", errors="surrogatepass")
    after = read(leaflet)
    assert outline(after) == outline(before)
    assert [sorted(s.rules) for s in after.suppressions] == [sorted(s.rules) for s in before.suppressions]


def test_the_build_writes_it_only_when_asked(tmp_path):
    assert not FORMATS["markdown"].by_default
    assert "markdown" not in {name for name, _ in plan((), ())}
    assert plan(("markdown",), ()) == [("markdown", "standard")]
    document = read(write_every_construct(tmp_path / "leaflet"))
    written = export(document, "markdown", layout_settings("standard"), tmp_path / "output")
    assert written.name == "central-line.standard.md"
    assert written.read_text(encoding="utf-8") == leaflet_text(document)
