"""`leaflet draft-easy-read`: a marked draft for each section without easy-read text."""

from __future__ import annotations

import shutil

from exporters.editions.draft import draft_easy_read
from exporters.editions.easy_read import easy_read_edition
from exporters.model import inlines_of, plain_text, walk_blocks
from exporters.readers.leaflet import read
from tests.conftest import PROJECT_ROOT

FLU = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"


def words_of(document) -> list[str]:
    return [
        plain_text(inlines_of(nested))
        for section in document.sections
        for block in section.blocks
        for nested in walk_blocks(block)
    ]


def test_the_draft_fills_every_section_and_is_marked(tmp_path):
    source = tmp_path / "flu-vaccine.md"
    shutil.copy(FLU, source)
    before = read(source)
    assert draft_easy_read(source) == ["Who should have it", "On the day", "More information"]
    after = read(source)
    sections = [s for s in after.sections if s.heading]
    assert all(s.easy_read and s.easy_read[0].draft for s in sections)
    # The leaflet's own text is untouched.
    assert words_of(after) == words_of(before)
    rows = [plain_text(row.content) for row in sections[0].easy_read[0].rows]
    assert rows[0] == "We offer the vaccine to you if you are 65 or older."
    assert all(text[0].isupper() and text.endswith(".") for text in rows)
    picture_rows = [row for s in sections for row in s.easy_read[0].rows if row.picture]
    assert picture_rows and all(row.picture.alt for row in picture_rows)
    easy_read_edition(after)  # the drafted leaflet can now be built as easy read


def test_a_second_run_changes_nothing(tmp_path):
    source = tmp_path / "flu-vaccine.md"
    shutil.copy(FLU, source)
    draft_easy_read(source)
    drafted = source.read_bytes()
    assert draft_easy_read(source) == []
    assert source.read_bytes() == drafted


def test_long_sentences_are_split_at_clause_breaks(tmp_path, make_leaflet):
    source = make_leaflet(
        "## Side effects\n\nYou may feel tired for a few weeks after the treatment has finished, "
        "and this is normal because your body is still getting better.\n"
    )
    draft_easy_read(source)
    rows = [plain_text(row.content) for row in read(source).sections[0].easy_read[0].rows]
    assert rows == ["You may feel tired for a few weeks after the treatment has finished.",
                    "This is normal because your body is still getting better."]


def test_the_command_drafts_and_says_what_to_do_next(tmp_path, capsys):
    from exporters.cli import ExitStatus, main

    source = tmp_path / "flu-vaccine.md"
    shutil.copy(FLU, source)
    assert main(["draft-easy-read", str(source)]) == ExitStatus.DONE
    said = capsys.readouterr().out
    assert "'On the day'" in said and "<!-- leaflet: draft -->" in said
    assert main(["draft-easy-read", str(tmp_path / "missing.md")]) == ExitStatus.BAD_INPUT
