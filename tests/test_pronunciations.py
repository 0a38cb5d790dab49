"""Pronunciations: the `pronunciations:` key, the shared source/pronunciations.yaml, their checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exporters.build.incremental import Library
from exporters.errors import SourceError
from exporters.readers.leaflet import read
from exporters.readers.pronunciations import load_pronunciations_file
from tests.conftest import MINIMAL_FRONT_MATTER, SOURCE

BODY = "## Your tablets\n\nTake imatinib with food. Ask us about dasatinib.\n"


def test_the_front_matter_key_gives_the_leaflet_its_own_pronunciations(make_leaflet):
    source = make_leaflet(BODY, MINIMAL_FRONT_MATTER + "pronunciations:\n  imatinib: im-MAT-in-ib\n")
    assert dict(read(source).meta.pronunciations) == {"imatinib": "im-MAT-in-ib"}


def test_the_shared_file_gives_the_words_the_leaflet_uses_and_the_leaflet_wins(make_leaflet):
    source = make_leaflet(BODY, MINIMAL_FRONT_MATTER + "pronunciations:\n  imatinib: ih-MAT-ih-nib\n")
    (source.parent / "pronunciations.yaml").write_text(
        "imatinib: im-MAT-in-ib\ndasatinib: da-SAT-in-ib\nrituximab: rit-UX-im-ab\n", encoding="utf-8"
    )
    said = dict(read(source).meta.pronunciations)
    assert said == {"imatinib": "ih-MAT-ih-nib", "dasatinib": "da-SAT-in-ib"}  # rituximab is not used


def test_a_respelling_that_is_not_letters_is_refused_with_its_line(make_leaflet):
    source = make_leaflet(BODY, MINIMAL_FRONT_MATTER + "pronunciations:\n  imatinib: /ɪˈmætɪnɪb/\n")
    with pytest.raises(SourceError) as refused:
        read(source)
    assert refused.value.line == MINIMAL_FRONT_MATTER.count("\n") + 2
    assert "im-MAT-in-ib" in refused.value.hint


def test_the_shared_file_is_checked_entry_by_entry(tmp_path):
    shared = tmp_path / "pronunciations.yaml"
    shared.write_text("# drugs\nimatinib: im-MAT-in-ib\ndasatinib: da SAT 1 nib\n", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        load_pronunciations_file(shared)
    assert (refused.value.source, refused.value.line) == (shared, 3)
    shared.write_text("- imatinib\n", encoding="utf-8")
    with pytest.raises(SourceError, match="list of 'word: re-SPELL-ing'"):
        load_pronunciations_file(shared)


def test_the_example_leaflets_drug_names_all_have_a_pronunciation():
    said = load_pronunciations_file(SOURCE / "pronunciations.yaml")
    for drug in ("imatinib", "dasatinib", "ponatinib", "rituximab", "blinatumomab", "tisagenlecleucel",
                 "inotuzumab ozogamicin", "warfarin", "apixaban", "paracetamol", "ibuprofen", "aspirin"):  # fmt: skip
        assert drug in said, drug


def test_a_changed_shared_pronunciation_makes_the_leaflets_that_use_it_read_again(make_leaflet, tmp_path):
    source = make_leaflet(BODY)
    shared = source.parent / "pronunciations.yaml"
    shared.write_text("imatinib: im-MAT-in-ib\nrituximab: rit-UX-im-ab\n", encoding="utf-8")
    before = Library(tmp_path / "out", date(2027, 1, 1)).key(source)
    shared.write_text("imatinib: im-MAT-in-ib\nrituximab: rih-TUX-ih-mab\n", encoding="utf-8")
    assert Library(tmp_path / "out", date(2027, 1, 1)).key(source) == before  # not in this leaflet
    shared.write_text("imatinib: ih-MAT-ih-nib\nrituximab: rih-TUX-ih-mab\n", encoding="utf-8")
    assert Library(tmp_path / "out", date(2027, 1, 1)).key(source) != before


def test_a_shared_file_that_cannot_be_read_stops_the_leaflet_with_its_place(make_leaflet):
    source = make_leaflet(BODY)
    Path(source.parent / "pronunciations.yaml").write_text("imatinib: [im, MAT]\n", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read(source)
    assert refused.value.source.name == "pronunciations.yaml" and refused.value.line == 1
