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


def _drafted(source) -> tuple[list[str], str]:
    """The rows of the first drafted block, as text, and the leaflet's source after drafting."""
    draft_easy_read(source)
    document = read(source)
    block = next(block for section in document.sections for block in section.easy_read)
    return [plain_text(row.content) for row in block.rows], source.read_text(encoding="utf-8")


def test_every_sentence_is_drafted_or_said_to_be_left_out(make_leaflet):
    sentences = [f"Side effect number {word} can happen to you." for word in
                 "one two three four five six seven eight nine".split()]
    table = "| Feeling | What to do |\n| --- | --- |\n| Sore arm | Rest it. |\n"
    rows, text = _drafted(make_leaflet(f"## Side effects\n\n{' '.join(sentences)}\n\n{table}"))
    assert rows == sentences
    assert "<!-- Left out: the table at line" in text and "Write what it says as rows" in text


def test_rows_use_plain_words_full_words_and_the_active_voice(make_leaflet):
    body = ("## Treatment\n\nYou may get oedema after the drip. "
            "Your blood is checked by a nurse every week. TKIs are tablets.\n")
    front = "title: Treatment\nabbreviations:\n  TKI: tyrosine kinase inhibitor\n"
    rows, _ = _drafted(make_leaflet(body, front))
    assert rows == ["You may get swelling after the drip.", "A nurse checks your blood every week.",
                    "Tyrosine kinase inhibitors are tablets."]


def test_long_sentences_become_rows_of_fifteen_words_or_are_marked(make_leaflet):
    body = ("## At home\n\nYou should rest at home for a few days after the operation, and drink plenty "
            "of water every day. Bring the letter that we sent you about the operation and the list of "
            "medicines your own doctor gave you.\n")
    rows, text = _drafted(make_leaflet(body))
    assert rows[:2] == ["You should rest at home for a few days after the operation.",
                        "You should drink plenty of water every day."]
    assert len(rows[2].split()) > 15 and "Over 15 words: shorten this row." in text


def test_no_row_is_repeated(make_leaflet):
    body = "## Before\n\nDo not eat after midnight. Bring your tablets.\n\n- Do not eat after midnight.\n"
    rows, text = _drafted(make_leaflet(body))
    assert rows == ["Do not eat after midnight.", "Bring your tablets."]
    assert "says again what an earlier row says" in text


def test_a_picture_only_when_the_words_clearly_call_for_one(make_leaflet):
    body = ("## Treatment\n\nMonoclonal antibodies work by finding the cancer cells. CAR-T therapy uses "
            "your own cells. A nurse will give you a drip. Take your tablets with water after breakfast.\n")
    _drafted_rows, text = _drafted(make_leaflet(body))
    assert "icon:officer" not in text and "4x4" not in text
    rows = [line for line in text.splitlines() if line.startswith("- ")]
    assert not rows[2].startswith("- ![") and "these may fit: icon:" in rows[2]  # a nurse or a drip: a person chooses


def test_pictures_follow_what_the_words_mean():
    """A baby is a baby (not a pregnant woman); "baby blues" is low mood; a row about a part of the
    body is not pictured by the person who looks at it; "do not smoke" offers the no-smoking sign."""
    from exporters.readers.picture_words import choose_picture, picture_candidates

    picked = {text: getattr(choose_picture(text), "path", None) for text in (
        "Put your baby to sleep on their back.",
        "The baby blues usually pass within two weeks.",
        "The doctor looks inside your bladder with a camera.",
        "Do not smoke near your baby.",
    )}  # fmt: skip
    assert picked == {
        "Put your baby to sleep on their back.": "people/baby_0203m",
        "The baby blues usually pass within two weeks.": "emotions/sad",
        "The doctor looks inside your bladder with a camera.": None,  # the bladder or the doctor: a person chooses
        "Do not smoke near your baby.": None,
    }
    assert "symbols/smoking_cessation" in [c.path for c in picture_candidates("Do not smoke near your baby.")]
