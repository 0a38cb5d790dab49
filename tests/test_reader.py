"""The reader: every construct of the source format, and every refusal with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.errors import SourceError
from exporters.model import (
    Abbreviation,
    Emphasis,
    GlossaryTerm,
    Heading,
    Important,
    Link,
    ListBlock,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Strong,
    Table,
    Text,
    plain_text,
    walk_inlines,
)  # fmt: skip
from exporters.readers.leaflet import read
from tests.conftest import MINIMAL_FRONT_MATTER

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" viewBox="0 0 8 8"><title>dot</title><circle cx="4" cy="4" r="3"/></svg>'


def refusal(path: Path) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read(path)
    return caught.value


# Front matter ---------------------------------------------------------------------------


def test_every_front_matter_key_is_read(read_leaflet):
    document = read_leaflet(
        "Some text.\n",
        """\
        title: Your bone marrow test
        subtitle: What happens and how to get ready
        summary: This leaflet tells you about the test.
        language: en-GB
        slug: marrow
        organisation:
          name: Northfield Haematology
          phone: 01632 960123
          email: team@example.org
          website: https://example.org
          address: 1 High Street, Northfield
        reviewed: 2026-10-01
        next_review: 2028-10-01
        published: 2026-10-15
        version: 2.1
        references:
          - A plain reference
          - title: NHS website
            url: https://www.nhs.uk
        reviewers: [Dr A Patel, Patient panel]
        glossary:
          biopsy: A small sample of tissue.
        abbreviations:
          BMT: bone marrow test
        audience: Adults having a bone marrow test
        licence: CC BY 4.0
        checks:
          long-sentence: off
        """,
    )
    meta = document.meta
    assert (meta.title, meta.subtitle, meta.slug, meta.language) == (
        "Your bone marrow test",
        "What happens and how to get ready",
        "marrow",
        "en-GB",
    )
    assert meta.organisation.phone == "01632 960123" and meta.organisation.address.startswith("1 High")
    assert str(meta.reviewed) == "2026-10-01" and str(meta.next_review) == "2028-10-01"
    assert str(meta.published) == "2026-10-15" and meta.version == "2.1"
    assert [r.url for r in meta.references] == [None, "https://www.nhs.uk"]
    assert meta.reviewers == ("Dr A Patel", "Patient panel")
    assert [e.term for e in document.glossary] == ["biopsy"]
    assert document.abbreviations[0].expansion == "bone marrow test"
    assert meta.audience.startswith("Adults") and meta.licence == "CC BY 4.0"
    assert dict(meta.checks) == {"long-sentence": False}  # YAML reads off as false
    assert meta.line_of("next_review") == 14


def test_defaults_come_from_the_file_name(make_leaflet):
    document = read(make_leaflet("Text.\n", "title: A title\n", name="flu-jab.md"))
    assert document.meta.slug == "flu-jab" and document.meta.language == "en-GB"


@pytest.mark.parametrize(
    ("front_matter", "line", "words"),
    [
        ("title: A\nnext_reveiw: 2027-01-01\n", 3, "Did you mean 'next_review'"),
        ("title: A\nreviewed: 2026-02-30\n", 3, "is not a date"),
        ("title: A\nnext_review: 31/01/2027\n", 3, "year-month-day"),
        ("summary: no title here\n", 1, "has no title"),
        ("title: A\nsummary: [unclosed\n", 3, "never closed"),
        ("title: A\nslug: Not A Slug\n", 3, "short name"),
        ("title: A\nlanguage: english please\n", 3, "not a language tag"),
        ("title: A\norganisation:\n  phone: 1\n", 3, "needs a 'name'"),
        ("title: A\nglossary:\n  biopsy:\n", 4, "no plain explanation"),
    ],
)
def test_bad_front_matter_is_refused_with_its_line(make_leaflet, front_matter, line, words):
    error = refusal(make_leaflet("Text.\n", front_matter))
    assert error.source.name == "blood-test.md"
    assert error.line == line
    assert words in str(error)
    assert error.hint


def test_a_file_without_front_matter_is_refused(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Just text\n", encoding="utf-8")
    assert "front matter" in refusal(path).message


def test_a_file_that_is_not_utf8_is_refused_at_the_bad_line(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(b"---\ntitle: Caf\xe9\n---\nText.\n")
    error = refusal(path)
    assert error.line == 2 and "UTF-8" in str(error)


def test_an_empty_document_is_refused(make_leaflet):
    error = refusal(make_leaflet("\n\n"))
    assert "no text" in error.message and error.line == 9


# The title -------------------------------------------------------------------------------


def test_a_first_level_one_heading_is_the_title(read_leaflet):
    document = read_leaflet("# Having a blood test\n\nText.\n\n## Before\n\nMore.\n")
    assert plain_text(document.title.content) == "Having a blood test"
    assert document.title.line == 9
    assert [s.title for s in document.sections] == ["", "Before"]
    assert not document.warnings


def test_a_differing_title_heading_is_kept_with_a_warning(read_leaflet):
    document = read_leaflet("# Blood tests explained\n\nText.\n")
    assert plain_text(document.title.content) == "Blood tests explained"
    assert "differs from the title" in document.warnings[0].message


def test_without_a_level_one_heading_the_title_comes_from_the_front_matter(read_leaflet):
    document = read_leaflet("Intro.\n\n## Before\n\nMore.\n")
    assert plain_text(document.title.content) == "Having a blood test"
    assert document.title.level == 1


def test_several_level_one_headings_are_moved_down_one_level(read_leaflet):
    document = read_leaflet("# Before\n\nText.\n\n# After\n\n## Detail\n\nMore.\n")
    assert plain_text(document.title.content) == "Having a blood test"
    levels = [s.heading.level for s in document.sections]
    assert levels == [2, 2]
    assert isinstance(document.sections[1].blocks[0], Heading) and document.sections[1].blocks[0].level == 3
    assert document.warnings


# Blocks and inlines -----------------------------------------------------------------------


def test_every_block_and_inline_is_read_with_its_line(make_leaflet, tmp_path):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "dot.svg").write_text(SVG, encoding="utf-8")
    path = make_leaflet("""\
        Intro with *soft* and **strong** words and [a link](https://www.nhs.uk).

        ## What happens

        - first
        - second
          1. nested

        | When | What |
        |------|------|
        | Day 1 | Test |

        ::: important
        Call us at once.
        :::

        ![A small dot](pictures/dot.svg)

        > A quote.

            code stays as it is

        ![](pictures/dot.svg "decorative")
        """)
    document = read(path)
    intro = document.sections[0].blocks[0]
    assert isinstance(intro, Paragraph) and intro.line == 9
    kinds = [type(i) for i in intro.content]
    assert Emphasis in kinds and Strong in kinds and Link in kinds
    blocks = document.sections[1].blocks
    assert [type(b) for b in blocks] == [ListBlock, Table, Important, Picture, Quote, Preformatted, Picture]
    assert [b.line for b in blocks] == [13, 17, 21, 25, 27, 29, 31]
    nested = blocks[0].items[1].blocks[1]
    assert isinstance(nested, ListBlock) and nested.ordered
    assert plain_text(blocks[1].header[0].content) == "When"
    assert blocks[3].alt == "A small dot" and blocks[3].path.name == "dot.svg"
    assert blocks[6].decorative and blocks[6].alt == ""


def test_glossary_words_and_abbreviations_are_marked(read_leaflet, tmp_path):
    (tmp_path / "glossary.yaml").write_text(
        "bone marrow: The soft inside of your bones.\nunused word: Never used.\n", encoding="utf-8"
    )
    document = read_leaflet(
        "Your BMT takes a biopsy of bone marrow. Biopsies are quick. BMT again.\n",
        MINIMAL_FRONT_MATTER
        + "glossary:\n  biopsy: A small sample.\nabbreviations:\n  BMT: bone marrow test\n",
    )
    content = document.sections[0].blocks[0].content
    abbreviations = [i for i in content if isinstance(i, Abbreviation)]
    assert [a.first_use for a in abbreviations] == [True, False]
    terms = [i for i in content if isinstance(i, GlossaryTerm)]
    assert [t.term for t in terms] == ["biopsy", "bone marrow", "biopsy"]
    assert [e.term for e in document.glossary] == [
        "biopsy",
        "bone marrow",
    ]  # the unused shared word is left out


def test_a_leaflets_own_glossary_entry_wins_over_the_shared_one(read_leaflet, tmp_path):
    (tmp_path / "glossary.yaml").write_text("biopsy: The shared meaning.\n", encoding="utf-8")
    document = read_leaflet("A biopsy.\n", MINIMAL_FRONT_MATTER + "glossary:\n  biopsy: Our own meaning.\n")
    assert [e.explanation for e in document.glossary] == ["Our own meaning."]


def test_easy_read_rows_belong_to_their_section(read_leaflet):
    document = read_leaflet("""\
        ## Before the test

        You can eat and drink as normal.

        ::: easy-read
        <!-- leaflet: draft -->
        - ![A doctor](icon:doctor) A doctor will talk to you.
        - You can eat as normal.
        - We will look at it.
        :::
        """)
    (section,) = document.sections  # no text before the first heading: no intro section
    assert [type(b) for b in section.blocks] == [Paragraph]
    rows = section.easy_read[0].rows
    assert section.easy_read[0].draft
    assert rows[0].picture.icon == "doctor" and rows[0].picture.path.name == "doctor.svg"
    assert plain_text(rows[0].content) == "A doctor will talk to you."
    # A row without a picture gets the one its words clearly call for, or none.
    assert (rows[1].picture.icon, rows[1].picture.alt, rows[1].line) == ("hot_meal", "A hot meal", 16)
    assert rows[2].picture is None


def test_ignore_comments_silence_rules_for_the_next_block(read_leaflet):
    document = read_leaflet("""\
        <!-- leaflet: ignore passive-voice, long-sentence -->
        The sample is taken by a nurse.

        Another paragraph. <!-- leaflet: ignore plain-words -->
        """)
    first, second = document.suppressions
    assert first.rules == {"passive-voice", "long-sentence"} and (first.first_line, first.last_line) == (
        9,
        10,
    )
    assert second.rules == {"plain-words"} and second.first_line == second.last_line == 12
    assert plain_text(document.sections[0].blocks[1].content).strip() == "Another paragraph."


# Refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("Text.\n\n::: warning\nCareful.\n:::\n", 11, "Unknown block '::: warning'"),
        ("Text.\n\n![](pictures/missing.svg)\n", 11, "no alt text"),
        ("Text.\n\n![A chart](pictures/missing.svg)\n", 11, "does not exist"),
        ("Text.\n\n![A chart](../secret.svg)\n", 11, "outside the leaflet's folder"),
        ("Text.\n\n![A chart](https://example.org/chart.png)\n", 11, "on the web"),
        ("Text.\n\n![A doctor](icon:doctr)\n", 11, "icon:doctor"),
        ("Text.\n\n<div>raw</div>\n", 11, "Raw HTML"),
        ("Text with <script>alert(1)</script> in it.\n", 9, "Raw HTML"),
        ("Read [this](ftp://example.org/notes.txt).\n", 9, "not every reader can open"),
        ("Read [this](other-leaflet.md).\n", 9, "is not a web address"),
        ("Text ![a dot](icon:doctor) mid sentence.\n", 9, "middle of a sentence"),
        ("::: important\n::: easy-read\n- A row.\n:::\n:::\n", 10, "cannot stand inside"),
        ("::: easy-read\nJust a paragraph.\n:::\n", 10, "holds only a list"),
        ("Text. <!-- leaflet: shout -->\n", 9, "Unknown leaflet comment"),
        ("## \n\nText.\n", 9, "heading is empty"),
    ],
)
def test_bad_body_is_refused_with_file_and_line(make_leaflet, body, line, words):
    error = refusal(make_leaflet(body))
    assert error.source.name == "blood-test.md"
    assert (error.line, words in str(error)) == (line, True), str(error)
    assert "What to do:" in str(error)


def test_a_picture_reached_through_a_link_outside_the_folder_is_refused(make_leaflet, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.svg"
    outside.write_text(SVG, encoding="utf-8")
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "link.svg").symlink_to(outside)
    error = refusal(make_leaflet("![A dot](pictures/link.svg)\n"))
    assert "outside" in error.message


def test_a_shared_glossary_with_broken_yaml_is_refused(make_leaflet, tmp_path):
    (tmp_path / "glossary.yaml").write_text("biopsy: fine\nmarrow: [broken\n", encoding="utf-8")
    error = refusal(make_leaflet("Text.\n"))
    assert error.source.name == "glossary.yaml" and error.line == 3


def test_the_example_leaflets_read_without_warnings():
    from tests.conftest import EXAMPLE_LEAFLETS

    assert len(EXAMPLE_LEAFLETS) >= 2
    documents = [read(path) for path in EXAMPLE_LEAFLETS]
    for document in documents:
        assert not document.warnings, document.warnings
        assert all(section.easy_read for section in document.sections if section.heading)
        assert document.glossary and document.meta.references and document.uses_health_icons
    assert any(document.abbreviations for document in documents)
    assert any(not picture.icon for document in documents for picture in document.pictures)


@pytest.mark.parametrize("target", ["javascript:alert(1)", "file:///etc/passwd", "vbscript:x"])
def test_a_dangerous_link_is_refused_not_printed_as_text(make_leaflet, target):
    error = refusal(make_leaflet(f"Read [this]({target}).\n"))
    assert error.line == 9 and target in error.message and error.hint


def test_text_keeps_its_words(read_leaflet):
    document = read_leaflet("Line one\nline two.\n")
    assert document.sections[0].blocks[0].content == (Text("Line one line two."),)


@pytest.mark.parametrize(
    "sentence",
    ["A tyrosine kinase inhibitor (TKI) is a tablet.", "A TKI (tyrosine kinase inhibitor) is a tablet."],
)
def test_an_abbreviation_the_author_spelled_out_is_not_spelled_out_again(read_leaflet, sentence):
    document = read_leaflet(
        sentence + " The TKI works.\n",
        MINIMAL_FRONT_MATTER + "abbreviations:\n  TKI: tyrosine kinase inhibitor\n",
    )
    abbreviations = [i for i in document.sections[0].blocks[0].content if isinstance(i, Abbreviation)]
    assert [a.first_use for a in abbreviations] == [False, False]


def test_a_plural_abbreviation_gets_a_plural_expansion(read_leaflet):
    document = read_leaflet(
        "Some TKIs are tablets. A TKI is taken daily.\n",
        MINIMAL_FRONT_MATTER + "abbreviations:\n  TKI: tyrosine kinase inhibitor\n",
    )
    first, second = [i for i in document.sections[0].blocks[0].content if isinstance(i, Abbreviation)]
    assert (first.text, first.expansion, first.first_use) == ("TKIs", "tyrosine kinase inhibitors", True)
    assert (second.text, second.first_use) == ("TKI", False)


def test_text_keys_keep_the_text_as_written(read_leaflet):
    document = read_leaflet("Text.\n", MINIMAL_FRONT_MATTER + "version: 1.10\nsubtitle: 2026\n")
    assert (document.meta.version, document.meta.subtitle) == ("1.10", "2026")


def test_absurdly_deep_nesting_is_refused(make_leaflet):
    error = refusal(make_leaflet("**" * 500 + "deep" + "**" * 500 + "\n"))
    assert error.line == 9 and "nested" in error.message


def test_a_source_over_the_size_limit_is_refused_and_the_limit_can_be_raised(make_leaflet, monkeypatch):
    path = make_leaflet("A sentence about your test.\n" * 50_000)  # about 1.4 MB
    monkeypatch.setenv("LEAFLET_MAX_SOURCE_MB", "1")
    assert "LEAFLET_MAX_SOURCE_MB" in refusal(path).hint
    monkeypatch.setenv("LEAFLET_MAX_SOURCE_MB", "2")
    assert read(path).meta.title == "Having a blood test"


def test_the_article_suits_the_spelled_out_words(read_leaflet):
    document = read_leaflet(
        "You need an FBC. An FBC is quick. A MRI scan.\n",
        MINIMAL_FRONT_MATTER + "abbreviations:\n  FBC: full blood count\n  MRI: magnetic resonance imaging\n",
    )
    content = document.sections[0].blocks[0].content
    assert content[0] == Text("You need a ") and content[2] == Text(". An ")
    assert content[4] == Text(" is quick. A ")  # the first use of MRI: "a magnetic resonance imaging (MRI)"


def test_an_invisible_control_character_is_refused_with_its_line(make_leaflet):
    error = refusal(make_leaflet("Fine line.\n\nCopied\x0btext.\n"))
    assert error.line == 11 and "U+000B" in error.message


def test_a_link_to_a_missing_heading_is_refused(read_leaflet, make_leaflet):
    document = read_leaflet("See [the side effects](#side-effects).\n\n## Side effects\n\nSome.\n")
    assert document.sections[0].blocks[0].content[1].href == "#side-effects"
    error = refusal(make_leaflet("See [the risks](#risks).\n\n## Side effects\n\nSome.\n"))
    assert error.line == 9 and "#risks" in error.message and "#side-effects" in error.hint


def test_an_insecure_web_link_is_refused(make_leaflet):
    assert "https://" in refusal(make_leaflet("Read [this](http://example.org).\n")).hint


@pytest.mark.parametrize(
    ("body", "expansion"),
    [
        ("TKIs are tablets.", "Tyrosine kinase inhibitors"),
        ("It works. TKIs are tablets.", "Tyrosine kinase inhibitors"),
        ("**TKIs** are tablets.", "Tyrosine kinase inhibitors"),
        ("Some TKIs are tablets.", "tyrosine kinase inhibitors"),
    ],
)
def test_an_abbreviation_spelled_out_at_the_start_of_a_sentence_keeps_its_capital(
    read_leaflet, body, expansion
):
    front = MINIMAL_FRONT_MATTER + "abbreviations:\n  TKI: tyrosine kinase inhibitor\n"
    document = read_leaflet(body + "\n", front)
    first = next(i for i in walk_inlines(document.sections[0].blocks[0].content) if isinstance(i, Abbreviation))
    assert (first.expansion, first.first_use) == (expansion, True)


def test_an_abbreviation_spelled_out_in_a_heading_is_not_spelled_out_again_below(read_leaflet):
    document = read_leaflet(
        "## Acute lymphoblastic leukaemia (ALL)\n\nALL is a cancer of the blood.\n",
        MINIMAL_FRONT_MATTER + "abbreviations:\n  ALL: acute lymphoblastic leukaemia\n",
    )
    first = next(i for i in document.sections[0].blocks[0].content if isinstance(i, Abbreviation))
    assert first.first_use is False
